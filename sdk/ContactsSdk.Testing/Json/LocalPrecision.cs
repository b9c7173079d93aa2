namespace ContactsSdk.Testing.Json;

/// <summary>
/// The precision of an offset-less timestamp. Marketing Cloud's values betray their database
/// column types, and a faithful emulator reproduces them.
/// </summary>
internal enum LocalPrecision
{
    /// <summary>Rounded to the nearest minute, like <c>createdDate</c> "2019-07-02T14:25:00".</summary>
    Minute,

    /// <summary>Milliseconds, like <c>scheduledDate</c> "2019-07-02T14:24:48.013".</summary>
    Millisecond,

    /// <summary>Full 100 ns precision, trailing zeros dropped, like "2019-07-02T14:27:42.4039".</summary>
    Full,
}
