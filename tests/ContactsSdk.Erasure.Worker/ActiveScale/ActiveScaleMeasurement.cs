using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace ContactsSdk.Erasure.Worker.ActiveScale;

/// <summary>
/// What many erasures active at once cost the worker and its scheduler, on SQLite or PostgreSQL: a
/// baseline run with a few active erasures and a large run, each over an empty store of its own, in
/// this one process (after an unmeasured warm-up run), reported side by side and as ratios.
/// Usage: scale-active [active (100000)] [baseline (100)] [sqlite|postgres (sqlite)] [minutes per run (20)] [directory (temp)]
/// PostgreSQL is the server named by CONTACTSSDK_POSTGRES (scripts/with-postgres.sh sets it).
/// Exit codes: 0 nothing violated (whether or not every erasure closed in time); 3 a violation; 1 bad arguments.
/// </summary>
internal static class ActiveScaleMeasurement
{
    public static async Task<int> RunAsync(string[] args)
    {
        var active = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var baseline = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
        var kind = args.Length > 2 ? args[2] : "sqlite";
        var limit = TimeSpan.FromMinutes(args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 20);
        var directory = args.Length > 4 ? args[4] : Path.Combine(Path.GetTempPath(), "erasure-active-scale-" + Guid.NewGuid().ToString("N"));
        if (active < 1 || baseline < 1)
        {
            Console.Error.WriteLine("The numbers of active and baseline erasures must be positive.");
            return 1;
        }
        Directory.CreateDirectory(directory);
        Console.WriteLine($"active-erasure scale measurement on {kind}: {active} active against a baseline of {baseline}, at most {limit.TotalMinutes} min a run, in {directory}");

        // Pays for JIT compilation and connection pools, so that neither measured run does.
        await MeasureAsync(kind, directory, "warmup", Math.Min(baseline, 20), limit);
        var small = await MeasureAsync(kind, directory, "baseline", baseline, limit);
        var large = await MeasureAsync(kind, directory, "large", active, limit);

        ActiveScaleReport.Write(small);
        ActiveScaleReport.Write(large);
        ActiveScaleReport.WriteRatios(small, large);
        var violations = new[] { small, large }.SelectMany(f => f.Violations().Select(v => $"{f.Name}: {v}")).ToList();
        foreach (var violation in violations)
        {
            Console.WriteLine("VIOLATION " + violation);
        }
        return violations.Count == 0 ? 0 : 3;
    }

    private static async Task<ActiveScaleFigures> MeasureAsync(string kind, string directory, string name, int erasures, TimeSpan limit)
    {
        await using var store = await ActiveScaleStore.CreateAsync(kind, directory, name);
        return await ActiveScaleRun.RunAsync(store, name, erasures, limit);
    }
}
