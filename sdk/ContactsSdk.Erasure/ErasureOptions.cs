using System;
using System.Collections.Generic;
using System.Linq;
using ContactsSdk.Erasure.Evidence;

namespace ContactsSdk.Erasure;

/// <summary>
/// How the erasure workflow runs: where the ledger lives (<c>o.UseSqlite("erasure.db")</c>, or the
/// <c>Sqlite:Path</c> or <c>PostgreSQL:ConnectionString</c> setting), the key of the subject hashes, and
/// how often erasures are looked at. Defaults are the <c>Default…</c> constants. Every plain option binds
/// from configuration under its own name (<c>AddContactsErasure(configuration.GetSection("Erasure"))</c>),
/// and the options are checked when the host starts.
/// </summary>
public sealed class ErasureOptions
{
    /// <summary>The shortest subject-hash key accepted, in bytes.</summary>
    public static readonly int MinimumSubjectHashKeyLength = 32;

    /// <summary>Default <see cref="FirstPollDelay"/>.</summary>
    public static readonly TimeSpan DefaultFirstPollDelay = TimeSpan.FromMinutes(1);

    /// <summary>Default <see cref="MaxPollInterval"/>: a deletion takes days; polling more often wastes the account's API quota.</summary>
    public static readonly TimeSpan DefaultMaxPollInterval = TimeSpan.FromHours(1);

    /// <summary>Default <see cref="SendSlotRetryDelay"/>.</summary>
    public static readonly TimeSpan DefaultSendSlotRetryDelay = TimeSpan.FromSeconds(5);

    /// <summary>Default <see cref="ReconcileSettleTime"/>.</summary>
    public static readonly TimeSpan DefaultReconcileSettleTime = TimeSpan.FromMinutes(5);

    /// <summary>Default <see cref="RetryDelay"/>.</summary>
    public static readonly TimeSpan DefaultRetryDelay = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Default <see cref="MaxContactsPerDeleteRequest"/>: Marketing Cloud accepts up to one million
    /// contacts a request, but practitioners report trouble near 100,000 and send about 50,000.
    /// </summary>
    public static readonly int DefaultMaxContactsPerDeleteRequest = 50_000;

    /// <summary>Default <see cref="MaxDeleteRequestsInQueue"/>: the next request waits until the previous one was processed.</summary>
    public static readonly int DefaultMaxDeleteRequestsInQueue = 1;

    /// <summary>
    /// Default <see cref="QueueCheckInterval"/>: short next to a call's processing (half an hour to hours),
    /// so the next request follows within minutes, for about a dozen status reads an hour per MID.
    /// </summary>
    public static readonly TimeSpan DefaultQueueCheckInterval = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Default <see cref="WakeupCheckInterval"/>: a wake-up lost despite every precaution (a job store
    /// edited by hand, a write that failed) costs at most this much delay.
    /// </summary>
    public static readonly TimeSpan DefaultWakeupCheckInterval = TimeSpan.FromMinutes(15);

    /// <summary>The shortest <see cref="WakeupCheckInterval"/> accepted: each check pages through every active erasure.</summary>
    public static readonly TimeSpan MinWakeupCheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>Default <see cref="SubjectHashKeyId"/>.</summary>
    public static readonly string DefaultSubjectHashKeyId = "default";

    /// <summary>The embedded SQLite ledger: set <see cref="SqliteStoreOptions.Path"/> (or call <see cref="UseSqlite"/>) to choose it.</summary>
    public SqliteStoreOptions Sqlite { get; } = new();

    /// <summary>
    /// The PostgreSQL ledger with Quartz clustering: set <see cref="PostgreSqlStoreOptions.ConnectionString"/>
    /// (or call <see cref="UsePostgres"/>) to choose it. Exactly one store is chosen.
    /// </summary>
    public PostgreSqlStoreOptions PostgreSql { get; } = new();

    /// <summary>
    /// The current secret key of the subject hashes (HMAC-SHA256, at least <see cref="MinimumSubjectHashKeyLength"/>
    /// bytes): new erasures hash their subjects with it. Unless <see cref="LedgerChainKeyId"/> names another
    /// key, the ledger's hash chain is keyed from it too. Keep it outside the ledger's database: whoever
    /// holds both could test guesses of an identifier against a receipt. Required.
    /// </summary>
    public byte[]? SubjectHashKey { get; set; }

    /// <summary>A name for <see cref="SubjectHashKey"/>, written in every receipt so a rotated key can be found again.</summary>
    public string SubjectHashKeyId { get; set; } = DefaultSubjectHashKeyId;

    /// <summary>
    /// The subject-hash keys used before a rotation, by ID: a repeated submission of an older erasure is
    /// checked against its subjects with the key it was recorded under. Their receipts keep naming them.
    /// </summary>
    public IDictionary<string, byte[]> RetiredSubjectHashKeys { get; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

    /// <summary>
    /// The ID of the subject-hash key the ledger's hash chain is keyed from (its derived chain key links
    /// every entry); null for <see cref="SubjectHashKeyId"/>. After a rotation, keep naming the key the
    /// ledger was started with (it stays in <see cref="RetiredSubjectHashKeys"/>): the chain's key does not
    /// rotate with the subject hashes, so entries old and new verify alike. What an auditor relies on
    /// without any secret is the signed digests (<see cref="DigestSigningKeys"/>).
    /// </summary>
    public string? LedgerChainKeyId { get; set; }

    /// <summary>Every subject-hash key by ID: the current one and the retired ones.</summary>
    internal IReadOnlyDictionary<string, byte[]> SubjectHashKeyRing =>
        new Dictionary<string, byte[]>(RetiredSubjectHashKeys, StringComparer.Ordinal) { [SubjectHashKeyId] = SubjectHashKey! };

    /// <summary>
    /// The digest key ring: ECDSA P-256 keys that sign the ledger's digests (<see cref="IErasureService.IssueDigestAsync"/>).
    /// Keep the keys of earlier digests here after a rotation (their public part is enough) so the
    /// digests and receipt evidence they signed keep verifying. Without a key that can sign, no digest
    /// is issued and receipts cannot be exported as standalone evidence.
    /// </summary>
    public IList<DigestSigningKey> DigestSigningKeys { get; } = new List<DigestSigningKey>();

    /// <summary>
    /// The ID of the key in <see cref="DigestSigningKeys"/> that signs new digests; null when only one key can sign
    /// (it is then the current one).
    /// </summary>
    public string? CurrentDigestSigningKeyId { get; set; }

    /// <summary>
    /// How often a worker issues a digest of the ledger and hands it to every registered
    /// <see cref="IErasureDigestSink"/> (and writes it to the log); null never does. Needs a signing key.
    /// </summary>
    public TimeSpan? DigestInterval { get; set; } = DefaultDigestInterval;

    /// <summary>Default <see cref="DigestInterval"/>: one a day bounds what an insider could rewrite unseen to a day's entries.</summary>
    public static readonly TimeSpan DefaultDigestInterval = TimeSpan.FromDays(1);

    /// <summary>The wait between an accepted deletion and its first status read (then doubled up to <see cref="MaxPollInterval"/>).</summary>
    public TimeSpan FirstPollDelay { get; set; } = DefaultFirstPollDelay;

    /// <summary>The longest wait between two status reads of one erasure.</summary>
    public TimeSpan MaxPollInterval { get; set; } = DefaultMaxPollInterval;

    /// <summary>
    /// Whether accepted erasures are followed together (the default): once per <see cref="MaxPollInterval"/>
    /// one sweep of the analytics delete-requests route, a request per thousand deletions, shows which
    /// deletions have finished, and only those erasures read their status. Off, every erasure reads its
    /// own status on its own schedule (a few hundred requests over a 14-day deletion).
    /// </summary>
    public bool BatchedTracking { get; set; } = true;

    /// <summary>
    /// The most contacts one delete request carries. Erasures ready to send for the same MID and subject
    /// kind ride one request up to this many contacts (an erasure with more rides alone).
    /// </summary>
    public int MaxContactsPerDeleteRequest { get; set; } = DefaultMaxContactsPerDeleteRequest;

    /// <summary>
    /// How many of this application's delete requests per MID may wait or run in Marketing Cloud's delete
    /// queue at once. The queue processes one call at a time, so a request sent while another waits only
    /// lengthens it; erasures that arrive meanwhile ride the next request instead.
    /// </summary>
    public int MaxDeleteRequestsInQueue { get; set; } = DefaultMaxDeleteRequestsInQueue;

    /// <summary>
    /// The longest wait between two status reads of a request still in Marketing Cloud's delete queue:
    /// how late, at worst, the next request leaves after the previous one was processed.
    /// </summary>
    public TimeSpan QueueCheckInterval { get; set; } = DefaultQueueCheckInterval;

    /// <summary>How long an erasure waits before trying again when another erasure's delete request is in flight.</summary>
    public TimeSpan SendSlotRetryDelay { get; set; } = DefaultSendSlotRetryDelay;

    /// <summary>
    /// How long after the intent to send a request must be absent from the analytics route before it
    /// counts as not received (the route may list a request with some delay).
    /// </summary>
    public TimeSpan ReconcileSettleTime { get; set; } = DefaultReconcileSettleTime;

    /// <summary>The wait after a failure that may pass (a 429, a dropped connection, an unreachable ledger).</summary>
    public TimeSpan RetryDelay { get; set; } = DefaultRetryDelay;

    /// <summary>How legal deadlines are watched: the check interval and the assumptions of the projection.</summary>
    public DeadlineOptions Deadlines { get; } = new();

    /// <summary>
    /// How often the workers check that every active erasure has its wake-up in Quartz's store, and
    /// restore any that is missing (each worker also checks once at start). At least
    /// <see cref="MinWakeupCheckInterval"/>.
    /// </summary>
    public TimeSpan WakeupCheckInterval { get; set; } = DefaultWakeupCheckInterval;

    /// <summary>
    /// Keeps the ledger, and Quartz's job store, in one SQLite file at <paramref name="databasePath"/>
    /// (created when missing, schema migrated on start): sets <see cref="SqliteStoreOptions.Path"/>. One
    /// process at a time: for several workers sharing the load, use <see cref="UsePostgres"/>.
    /// </summary>
    public ErasureOptions UseSqlite(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        Sqlite.Path = databasePath;
        return this;
    }

    /// <summary>
    /// Keeps the ledger in the PostgreSQL database <paramref name="connectionString"/> names (Npgsql
    /// syntax), and runs Quartz's persistent job store in clustered mode in the same database: every
    /// worker process configured with the same connection string shares the erasures, each due step
    /// runs on one of them, and a worker that dies has its erasures taken over by the others (how soon:
    /// <see cref="PostgreSqlStoreOptions.CheckinInterval"/>). Sets <see cref="PostgreSqlStoreOptions.ConnectionString"/>.
    /// </summary>
    /// <param name="connectionString">For example <c>Host=db;Port=5432;Username=erasure;Password=…;Database=erasure</c>.</param>
    public ErasureOptions UsePostgres(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        PostgreSql.ConnectionString = connectionString;
        return this;
    }

    /// <summary>
    /// What keeps the options from working, one message per problem, each naming the setting as
    /// configuration spells it (<c>Deadlines:CheckInterval</c>) and never a secret's value.
    /// </summary>
    internal List<string> Problems()
    {
        var problems = new List<string>();
        StoreProblems(problems);
        KeyProblems(problems);
        IntervalProblems(problems);
        if (MaxContactsPerDeleteRequest is < 1 or > 1_000_000)
        {
            problems.Add($"{nameof(MaxContactsPerDeleteRequest)} is {MaxContactsPerDeleteRequest}: it must be between 1 and 1,000,000 (Marketing Cloud's limit).");
        }
        if (MaxDeleteRequestsInQueue < 1)
        {
            problems.Add($"{nameof(MaxDeleteRequestsInQueue)} is {MaxDeleteRequestsInQueue}: it must be at least 1.");
        }
        Deadlines.AddProblems(problems, $"{nameof(Deadlines)}:");
        return problems;
    }

    private void StoreProblems(List<string> problems)
    {
        var sqlite = !string.IsNullOrWhiteSpace(Sqlite.Path);
        var postgres = !string.IsNullOrWhiteSpace(PostgreSql.ConnectionString);
        if (sqlite == postgres)
        {
            problems.Add(sqlite
                ? "Both erasure ledger stores are chosen (Sqlite:Path and PostgreSQL:ConnectionString): keep one."
                : "No erasure ledger store is chosen: set Sqlite:Path or PostgreSQL:ConnectionString (in code: UseSqlite(path) or UsePostgres(connectionString)).");
        }
        if (postgres && !Storage.LedgerStoreChoice.CanParse(PostgreSql.ConnectionString!))
        {
            problems.Add("PostgreSQL:ConnectionString cannot be parsed (Npgsql syntax: Host=…;Port=…;Username=…;Database=…).");
        }
        RequirePositiveIfSet(PostgreSql.CheckinInterval, "PostgreSQL:CheckinInterval", problems);
        RequirePositiveIfSet(PostgreSql.CheckinMisfireThreshold, "PostgreSQL:CheckinMisfireThreshold", problems);
    }

    private static bool IsLongEnough(byte[]? key) => key is not null && key.Length >= MinimumSubjectHashKeyLength;

    private void KeyProblems(List<string> problems)
    {
        if (!IsLongEnough(SubjectHashKey))
        {
            problems.Add($"{nameof(SubjectHashKey)} must be a secret of at least {MinimumSubjectHashKeyLength} bytes.");
        }
        if (string.IsNullOrWhiteSpace(SubjectHashKeyId))
        {
            problems.Add($"{nameof(SubjectHashKeyId)} must not be empty.");
        }
        else if (RetiredSubjectHashKeys.ContainsKey(SubjectHashKeyId))
        {
            problems.Add($"The current subject-hash key '{SubjectHashKeyId}' is also among {nameof(RetiredSubjectHashKeys)}: a new key needs a new ID.");
        }
        if (RetiredSubjectHashKeys.FirstOrDefault(k => !IsLongEnough(k.Value)).Key is { } shortKey)
        {
            problems.Add($"The retired subject-hash key '{shortKey}' ({nameof(RetiredSubjectHashKeys)}:{shortKey}) must be a secret of at least {MinimumSubjectHashKeyLength} bytes.");
        }
        if (LedgerChainKeyId is { } chainKeyId && chainKeyId != SubjectHashKeyId && !RetiredSubjectHashKeys.ContainsKey(chainKeyId))
        {
            problems.Add($"{nameof(LedgerChainKeyId)} names '{chainKeyId}', which is neither the current nor a retired subject-hash key.");
        }
    }

    private void IntervalProblems(List<string> problems)
    {
        RequirePositive(FirstPollDelay, nameof(FirstPollDelay), problems);
        RequirePositive(MaxPollInterval, nameof(MaxPollInterval), problems);
        RequirePositive(SendSlotRetryDelay, nameof(SendSlotRetryDelay), problems);
        RequirePositive(RetryDelay, nameof(RetryDelay), problems);
        RequirePositive(QueueCheckInterval, nameof(QueueCheckInterval), problems);
        RequirePositiveIfSet(DigestInterval, nameof(DigestInterval), problems);
        if (WakeupCheckInterval < MinWakeupCheckInterval)
        {
            problems.Add($"{nameof(WakeupCheckInterval)} is {WakeupCheckInterval}: it must be at least one second, as each check reads every active erasure.");
        }
        if (ReconcileSettleTime < TimeSpan.Zero)
        {
            problems.Add($"{nameof(ReconcileSettleTime)} is {ReconcileSettleTime}: it must not be negative.");
        }
        if (FirstPollDelay > TimeSpan.Zero && MaxPollInterval < FirstPollDelay)
        {
            problems.Add($"{nameof(MaxPollInterval)} ({MaxPollInterval}) must not be shorter than {nameof(FirstPollDelay)} ({FirstPollDelay}).");
        }
    }

    private static void RequirePositive(TimeSpan value, string name, List<string> problems)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{name} is {value}: it must be positive.");
        }
    }

    private static void RequirePositiveIfSet(TimeSpan? value, string name, List<string> problems)
    {
        if (value is { } set)
        {
            RequirePositive(set, name, problems);
        }
    }
}
