using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Testing.Analytics;

/// <summary>
/// The statuses of the analytics routes. A request is Processing until its delete phase ends, then
/// takes the delete phase's outcome. The <c>statusid</c> filter knows Processing (1), Completed (5)
/// and Invalid (7) only; an Aborted request has no ID, so only an unfiltered list shows it.
/// </summary>
internal static class DeleteRequestStatuses
{
    public const int ProcessingId = 1;
    public const int CompletedId = 5;
    public const int InvalidId = 7;

    /// <summary>The order of the summary's per-status series.</summary>
    public static readonly string[] ReportOrder = [WireStatus.Processing, WireStatus.Completed, WireStatus.Aborted, WireStatus.Invalid];

    /// <summary>The status a <c>statusid</c> filters on, or null when the ID is not a documented one.</summary>
    public static string? FromStatusId(int statusId) => statusId switch
    {
        ProcessingId => WireStatus.Processing,
        CompletedId => WireStatus.Completed,
        InvalidId => WireStatus.Invalid,
        _ => null,
    };

    /// <summary>The <c>statusid</c> of a status, or null for one no filter selects (Aborted).</summary>
    public static int? ToStatusId(string status) => status switch
    {
        WireStatus.Processing => ProcessingId,
        WireStatus.Completed => CompletedId,
        WireStatus.Invalid => InvalidId,
        _ => null,
    };
}
