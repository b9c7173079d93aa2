using System;
using System.Linq;

namespace ContactsSdk.Erasure.Worker.ActiveScale;

/// <summary>Prints a run's figures as one RESULT line of name=value pairs (which the tests read) and the large run's ratios to the baseline.</summary>
internal static class ActiveScaleReport
{
    private const double MiB = 1024 * 1024;

    public static void Write(ActiveScaleFigures f) => Console.WriteLine(Invariant(
        $"RESULT {f.Name} erasures={f.Erasures} submit-s={f.SubmitTime.TotalSeconds:F1} submit-per-s={f.SubmitRate:F1} ",
        $"submit-peak-ws-mib={f.SubmitPeakWorkingSet / MiB:F0} submit-peak-heap-mib={f.SubmitPeakManagedHeap / MiB:F0} ",
        $"wakeups-after-submit={f.WakeupsAfterSubmit} ledger-mib-after-submit={f.SizesAfterSubmit.Ledger / MiB:F1} quartz-mib-after-submit={f.SizesAfterSubmit.Quartz / MiB:F1} lost-after-submit={f.MismatchesAfterSubmit.Lost} orphaned-after-submit={f.MismatchesAfterSubmit.Orphaned} ",
        $"start-s={f.StartTime.TotalSeconds:F2} work-min={f.WorkTime.TotalMinutes:F2} ",
        $"work-peak-ws-mib={f.WorkPeakWorkingSet / MiB:F0} work-peak-heap-mib={f.WorkPeakManagedHeap / MiB:F0} ",
        $"peak-triggers={f.PeakTriggers} fires={f.Fires} fires-per-min={f.FiresPerMinute:F0} peak-fires-per-min={f.PeakFiresPerMinute} misfires={f.Misfires} ",
        $"late-p50-ms={f.LatenessP50.TotalMilliseconds:F0} late-p99-ms={f.LatenessP99.TotalMilliseconds:F0} late-max-ms={f.LatenessMax.TotalMilliseconds:F0} ",
        $"closed={f.Closed} states={string.Join(",", f.States.Select(s => $"{s.Key}:{s.Value}"))} ",
        $"lost-at-end={f.MismatchesAtEnd.Lost} orphaned-at-end={f.MismatchesAtEnd.Orphaned} ",
        $"delete-requests={f.DeleteRequests} largest-request={f.LargestRequest} contacts-sent={f.ContactsSent} distinct-contacts-sent={f.DistinctContactsSent} foreign-contacts-sent={f.ForeignContactsSent} ",
        $"ledger-mib-at-end={f.Sizes.Ledger / MiB:F1} quartz-mib-at-end={f.Sizes.Quartz / MiB:F1}"));

    public static void WriteRatios(ActiveScaleFigures baseline, ActiveScaleFigures large) => Console.WriteLine(Invariant(
        $"RATIOS large/baseline ({large.Erasures}/{baseline.Erasures} erasures): ",
        $"submission peak working set {Ratio(large.SubmitPeakWorkingSet, baseline.SubmitPeakWorkingSet)}, managed heap {Ratio(large.SubmitPeakManagedHeap, baseline.SubmitPeakManagedHeap)}; ",
        $"worker peak working set {Ratio(large.WorkPeakWorkingSet, baseline.WorkPeakWorkingSet)}, managed heap {Ratio(large.WorkPeakManagedHeap, baseline.WorkPeakManagedHeap)}; ",
        $"erasures submitted per second {Ratio(large.SubmitRate, baseline.SubmitRate)}; worker start-up {Ratio(large.StartTime.TotalMilliseconds, baseline.StartTime.TotalMilliseconds)}; ",
        $"fires per minute {Ratio(large.FiresPerMinute, baseline.FiresPerMinute)}; lateness p50 {Ratio(large.LatenessP50.TotalMilliseconds, baseline.LatenessP50.TotalMilliseconds)}, ",
        $"p99 {Ratio(large.LatenessP99.TotalMilliseconds, baseline.LatenessP99.TotalMilliseconds)}; ",
        $"with every erasure waiting: ledger size {Ratio(large.SizesAfterSubmit.Ledger, baseline.SizesAfterSubmit.Ledger)}, Quartz size {Ratio(large.SizesAfterSubmit.Quartz, baseline.SizesAfterSubmit.Quartz)}"));

    private static string Invariant(params FormattableString[] parts) => string.Join("", parts.Select(FormattableString.Invariant));

    private static string Ratio(double large, double baseline) => baseline > 0 ? FormattableString.Invariant($"{large / baseline:F2}") : "n/a";
}
