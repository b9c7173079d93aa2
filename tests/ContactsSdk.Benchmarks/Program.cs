using System;
using System.Linq;
using System.Threading.Tasks;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ContactsSdk.Benchmarks.Loopback;
using ContactsSdk.Tests.Performance;
using Perfolizer.Metrology;

namespace ContactsSdk.Benchmarks;

internal static class Program
{
    /// <summary>
    /// <c>--poll-economy</c> prints the poll-economy table; anything else goes to BenchmarkDotNet
    /// (for example <c>--filter '*' --job short</c>), with the loopback server started here.
    /// </summary>
    private static async Task<int> Main(string[] args)
    {
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
