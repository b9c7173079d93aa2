using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;

namespace ContactsSdk.Tests.Reliability.Soak;

/// <summary>What a soak run did and found, printed at its end.</summary>
internal sealed class SoakFigures
{
    public int Operations { get; set; }

    public int Seed { get; set; }

    public Dictionary<string, int> ExpectedOutcomes { get; } = new();

    // Starting deletions, as the application sees it.
    public int StartCalls { get; set; }

    public int StartsOutcomeUnknown { get; set; }

    public int RecoveredByLookup { get; set; }

    public int ResentAfterEmptyLookup { get; set; }

    public int StartsRefusedAndResent { get; set; }

    public int Lookups { get; set; }

    // What the SDK did on its own.
    public int DeleteSends { get; set; }

    public int MaxDeleteSendsPerCall { get; set; }

    public int UnauthorizedResent { get; set; }

    public int FailedPolls { get; set; }

    public int MaxConsecutiveFailures { get; set; }

    public int RetryAftersCapped { get; set; }

    public int ConnectionsRefused { get; set; }

    public int ConnectionAttempts { get; set; }

    // Correctness.
    public int WrongResults { get; set; }

    public int DeletedWithoutWireCompleted { get; set; }

    public int LostOperationIds { get; set; }

    public int DuplicateDeletions { get; set; }

    public int WaitsEndedInError { get; set; }

    public TimeSpan VirtualTime { get; set; }

    public TimeSpan RealTime { get; set; }

    public EmulatorStatisticsSnapshot? Server { get; set; }

    public string Format()
    {
        var s = Server!;
        var text = new StringBuilder();
        Line(text, $"Soak: {Operations} operations, seed {Seed}; expected outcomes {string.Join(", ", ExpectedOutcomes.Select(p => $"{p.Key} {p.Value}"))}");
        Line(text, $"Requests received: token {s.TokenRequests}, delete {s.DeleteRequests}, status {s.StatusRequests} ({(double)s.StatusRequests / Math.Max(1, Operations):F1} per operation); analytics look-ups {Lookups}");
        Line(text, $"Faults injected: {s.TotalFaultsInjected} ({string.Join(", ", s.FaultsInjected.Where(p => p.Value > 0).Select(p => $"{p.Key} {p.Value}"))}); connections refused {ConnectionsRefused} of {ConnectionAttempts}");
        Line(text, $"SDK retries: delete sends {DeleteSends} for {StartCalls} start calls (max {MaxDeleteSendsPerCall} per call), 401 refresh-and-resend {UnauthorizedResent}, failed status polls retried {FailedPolls} (max {MaxConsecutiveFailures} in a row), Retry-After capped {RetryAftersCapped}");
        Line(text, $"Starts: outcome unknown {StartsOutcomeUnknown} (found by look-up {RecoveredByLookup}, not queued and resent {ResentAfterEmptyLookup}); refused before processing and resent by the app {StartsRefusedAndResent}");
        Line(text, $"Wrong results: {WrongResults}; reported deleted without a wire Completed: {DeletedWithoutWireCompleted}; lost operation IDs: {LostOperationIds}; duplicate deletions: {DuplicateDeletions}; waits ended in error: {WaitsEndedInError}");
        Line(text, $"Time: {VirtualTime.TotalDays:F1} virtual days in {RealTime.TotalSeconds:F1} s");
        return text.ToString();
    }

    private static void Line(StringBuilder text, FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
