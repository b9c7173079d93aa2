namespace ContactsSdk.Erasure;

/// <summary>
/// The embedded SQLite ledger (<see cref="ErasureOptions.Sqlite"/>; configuration <c>Sqlite:Path</c>): the
/// ledger and Quartz's job store in one file, for one process at a time.
/// </summary>
public sealed class SqliteStoreOptions
{
    /// <summary>The database file (created when missing, schema migrated on start); null when SQLite is not the store.</summary>
    public string? Path { get; set; }
}
