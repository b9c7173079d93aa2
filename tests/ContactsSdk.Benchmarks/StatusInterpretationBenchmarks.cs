using System;
using System.IO;
using System.Linq;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ContactsSdk.Benchmarks.Payloads;
using ContactsSdk.Models;
using Microsoft.Kiota.Serialization.Json;

namespace ContactsSdk.Benchmarks;

/// <summary>
/// The generated status interpretation against the same rules written by hand as plain C#
/// switches. Target: at most 1.1x the hand-written time, and no allocation.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StatusInterpretationBenchmarks
{
    // The delete phase's documented values and one the documentation does not list (read as Processing).
    private static readonly string[] s_values = { "Processing", "Completed", "Aborted", "Invalid", "Queued" };

    private string[] _wireValues = null!;
    private DeleteStatusResponse[] _responses = null!;

    [GlobalSetup]
    public void Setup()
    {
        // Fresh string instances, as a JSON reader produces them: interned literals would let
        // reference equality short-cut every comparison.
        _wireValues = s_values.Select(value => new string(value.AsSpan())).ToArray();
        var factory = new JsonParseNodeFactory();
        _responses = SpecText.SeedExampleNames
            .Select(name =>
            {
                using var stream = new MemoryStream(SpecText.StatusExample(name));
                return factory.GetRootParseNodeAsync("application/json", stream).GetAwaiter().GetResult()
                    .GetObjectValue(DeleteStatusResponse.CreateFromDiscriminatorValue);
            })
            .ToArray();
    }

    /// <summary>Wire string to enum to IsTerminal, for each of five values, by hand.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 5)]
    [BenchmarkCategory("WireValue")]
    public int WireValue_HandWrittenSwitch()
    {
        var terminal = 0;
        foreach (var value in _wireValues)
        {
            if (HandWrittenStatus.IsTerminal(HandWrittenStatus.ParseDeletePhase(value)))
            {
                terminal++;
            }
        }
        return terminal;
    }

    /// <summary>
    /// The same by hand with the generated parser's semantics: an exact switch, then other letter
    /// cases of the listed values (what a hand-written parser that must not misread
    /// <c>completed</c> as Processing looks like).
    /// </summary>
    [Benchmark(OperationsPerInvoke = 5)]
    [BenchmarkCategory("WireValue")]
    public int WireValue_HandWrittenSwitchIgnoringCase()
    {
        var terminal = 0;
        foreach (var value in _wireValues)
        {
            if (HandWrittenStatus.IsTerminal(HandWrittenStatus.ParseDeletePhaseIgnoringCase(value)))
            {
                terminal++;
            }
        }
        return terminal;
    }

    /// <summary>Wire string to enum to IsTerminal, for each of five values, with the generated code.</summary>
    [Benchmark(OperationsPerInvoke = 5)]
    [BenchmarkCategory("WireValue")]
    public int WireValue_Generated()
    {
        var terminal = 0;
        foreach (var value in _wireValues)
        {
            if (DeletePhaseStatusExtensions.FromWireValue(value).IsPhaseOver())
            {
                terminal++;
            }
        }
        return terminal;
    }

    /// <summary>The two-phase lifecycle of each seed example's model, by hand.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 3)]
    [BenchmarkCategory("Lifecycle")]
    public int Lifecycle_HandWritten()
    {
        var terminal = 0;
        foreach (var response in _responses)
        {
            if (HandWrittenStatus.IsTerminal(HandWrittenStatus.Read(response)))
            {
                terminal++;
            }
        }
        return terminal;
    }

    /// <summary>The two-phase lifecycle of each seed example's model, with the generated accessor.</summary>
    [Benchmark(OperationsPerInvoke = 3)]
    [BenchmarkCategory("Lifecycle")]
    public int Lifecycle_Generated()
    {
        var terminal = 0;
        foreach (var response in _responses)
        {
            if (response.GetDeletionState().IsTerminal)
            {
                terminal++;
            }
        }
        return terminal;
    }
}
