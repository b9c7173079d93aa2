using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ContactsSdk.Generator;
using Microsoft.CodeAnalysis;

namespace ContactsSdk.Generator.Tests.Infrastructure;

/// <summary>
/// What every run of the generator must show: a second run over an equal compilation is served
/// from the cache, and no step's output holds a compiler object (a Compilation, a symbol, a syntax
/// node), which would keep a compilation alive and defeat caching. Here and not in the shared test
/// support: it reads the generator's internal step names, which only this project may see.
/// </summary>
internal static class IncrementalChecks
{
    /// <summary>Every pipeline step name, read from <see cref="TrackingNames"/> itself.</summary>
    public static IReadOnlyList<string> StepNames { get; } = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToList();

    /// <summary>Runs <paramref name="driver"/> again on a copy of the compilation and fails unless every step is cached or unchanged.</summary>
    public static void AssertRerunIsCached(GeneratorDriver driver, Compilation compilation)
    {
        var rerun = driver.RunGenerators(compilation.Clone()).GetRunResult().Results.Single();
        // Roslyn's own input steps (the compilation itself) change on a copy; the generator's steps must not.
        foreach (var (step, runs) in rerun.TrackedSteps.Where(pair => StepNames.Contains(pair.Key)).Concat(rerun.TrackedOutputSteps))
        {
            var reasons = runs.SelectMany(run => run.Outputs).Select(output => output.Reason).ToList();
            if (reasons.Any(reason => reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)))
            {
                throw new InvalidOperationException($"On a second run over an equal compilation, step {step} was not served from the cache: {string.Join(", ", reasons)}.");
            }
        }
    }

    /// <summary>Fails when any named step's output (after the additional files themselves) holds a compiler object.</summary>
    public static void AssertOutputsArePlainData(GeneratorRunResult result)
    {
        // Roslyn's own input steps hold the compilation by design; the generator's steps must not.
        foreach (var (step, runs) in result.TrackedSteps.Where(pair => StepNames.Contains(pair.Key) && pair.Key != TrackingNames.SpecFiles))
        {
            foreach (var output in runs.SelectMany(run => run.Outputs))
            {
                AssertPlainData(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    private static void AssertPlainData(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        if (value is ISymbol or Compilation or SyntaxNode or SyntaxTree or SemanticModel or Location or Diagnostic)
        {
            throw new InvalidOperationException($"Step {step} holds a {value.GetType().Name}: a compiler object in a step's output keeps a compilation alive and defeats caching.");
        }

        if (value is IEnumerable enumerable)
        {
            foreach (var item in enumerable)
            {
                AssertPlainData(item, step, seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertPlainData(field.GetValue(value), step, seen);
        }
    }
}
