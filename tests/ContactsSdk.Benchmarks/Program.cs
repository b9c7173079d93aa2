using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ContactsSdk.Benchmarks.Loopback;
using Perfolizer.Metrology;
using ContactsSdk.TestSupport.Performance;

namespace ContactsSdk.Benchmarks;

internal static class Program
{
    /// <summary>
    /// <c>--poll-economy</c> prints the poll-economy table; <c>--tracking-economy [N]</c> the request
    /// economy of following N deletions at once (10,000 by default) against one by one; anything else goes to BenchmarkDotNet
    /// (for example <c>--filter '*' --job short</c>), with the loopback server started here.
    /// </summary>
    private static async Task<int> Main(string[] args)
    {
        if (Array.IndexOf(args, "--tracking-economy") is >= 0 and var at)
        {
            // The batched run and the one-by-one baseline, measured in this same run.
            var deletions = at + 1 < args.Length ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
            var oneByOne = await TrackingEconomy.MeasureOneByOneAsync();
            var batched = await TrackingEconomy.MeasureAsync(deletions, ContactsSdk.DeletionWaitOptions.Default);
            Console.WriteLine(TrackingEconomy.Table(batched, oneByOne));
            return batched.Deleted == deletions ? 0 : 1;
        }

        if (args.Contains("--poll-economy"))
        {
            var results = new PollEconomyResult[PollScenario.Standard.Length];
            for (var i = 0; i < results.Length; i++)
            {
                results[i] = await PollEconomy.MeasureAsync(PollScenario.Standard[i]);
            }
            Console.WriteLine(PollEconomy.Table(results));
            return 0;
        }

        // The measured processes are children of this one: serving from here keeps the server's
        // allocations out of their figures.
        await using var server = await LoopbackServer.StartAsync();
        Environment.SetEnvironmentVariable(LoopbackServer.AddressVariable, server.BaseAddress.ToString());

        var config = DefaultConfig.Instance
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Value).WithSizeUnit(SizeUnit.B).WithMaxParameterColumnWidth(32));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
