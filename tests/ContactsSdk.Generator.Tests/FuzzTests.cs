using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using ContactsSdk.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace ContactsSdk.Generator.Tests;

/// <summary>
/// Mutates the spec text many times (delete, duplicate, retype, truncate, move, re-indent) with fixed
/// seeds and checks that the generator never throws and only reports CSDK diagnostics located in the
/// spec file. CONTACTSSDK_FUZZ_ITERATIONS sets the number of mutated specs (default 300; a fuzz run
/// can ask for 10000) and CONTACTSSDK_FUZZ_SEED the first seed (default 1).
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    public const string IterationsVariable = "CONTACTSSDK_FUZZ_ITERATIONS";
    public const string SeedVariable = "CONTACTSSDK_FUZZ_SEED";

    private static readonly string[] s_replacements =
    {
        "42", "-1", "true", "null", "~", "[]", "{}", "[a, b]", "{a: b}", "''", "\"x y\"", "class", "Processing",
        "Completed", "9999999999999999999999", "1.5", "'#/components/schemas/Nope'", "&a x", "*a", "|", ">-", "!!str 5", "[", "{",
    };

    [Theory]
    [InlineData("spec")]
    [InlineData("fixture")]
    public void Mutated_specs_give_diagnostics_never_exceptions(string source)
    {
        var iterations = ReadSetting(IterationsVariable, 300);
        var firstSeed = ReadSetting(SeedVariable, 1);
        var original = source == "spec" ? TestPaths.ReadSpec() : TestPaths.ReadFixture();
        var specPath = source == "spec" ? TestPaths.SpecPath : TestPaths.FixturePath;
        var withDiagnostics = 0;
        var diagnosticsById = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        for (var seed = firstSeed; seed < firstSeed + iterations; seed++)
        {
            var mutated = Mutate(original, new Random(seed));
            GeneratorRun run;
            try
            {
                run = GeneratorHarness.Run(mutated, specPath);
            }
            catch (Exception exception)
            {
                throw new Xunit.Sdk.XunitException($"{source}, seed {seed}: the driver threw {exception}");
            }

            Assert.True(run.Single.Exception is null, $"{source}, seed {seed}: the generator threw {run.Single.Exception}");
            Assert.DoesNotContain(run.OutputDiagnostics, d => d.Id is "CS8784" or "CS8785");
            foreach (var diagnostic in run.Diagnostics)
            {
                Assert.True(diagnostic.Id.StartsWith("CSDK", StringComparison.Ordinal), $"seed {seed}: {diagnostic}");
                Assert.True(diagnostic.Id != "CSDK015", $"seed {seed}: internal error {diagnostic}");
                Assert.True(diagnostic.Location.Kind == LocationKind.ExternalFile, $"seed {seed}: {diagnostic} has no location in the spec");
                var span = diagnostic.Location.GetLineSpan();
                Assert.Equal(specPath, span.Path);
                Assert.InRange(diagnostic.Location.SourceSpan.End, 0, mutated.Length);
                Assert.InRange(span.StartLinePosition.Line, 0, mutated.Count(c => c == '\n') + 1);
                diagnosticsById[diagnostic.Id] = diagnosticsById.GetValueOrDefault(diagnostic.Id) + 1;
            }

            withDiagnostics += run.Diagnostics.IsEmpty ? 0 : 1;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Fuzz ({source}): {iterations} mutated specs from seed {firstSeed} in {stopwatch.Elapsed.TotalSeconds:F1} s; 0 exceptions; " +
            $"{withDiagnostics} gave diagnostics, all located in the spec ({string.Join(", ", diagnosticsById.Select(p => $"{p.Key} {p.Value}"))})"));

        // The mutations must actually break things, or the test proves nothing.
        Assert.True(withDiagnostics > iterations / 10, $"only {withDiagnostics} of {iterations} mutated specs gave a diagnostic");
    }

    /// <summary>
    /// The parser's exact answer (every diagnostic's ID, position and message, and the generated
    /// files) on the first fuzzed fixtures, kept as a baseline: a refactor of the parser or the
    /// emitter must leave it unchanged, or show the change in a reviewed diff.
    /// </summary>
    [Fact]
    public void Fuzzed_fixtures_give_the_baselined_diagnostics_and_files()
    {
        var original = TestPaths.ReadFixture();
        var report = new StringBuilder();
        for (var seed = 1; seed <= BaselinedSeeds; seed++)
        {
            var mutated = Mutate(original, new Random(seed));
            var run = GeneratorHarness.Run(mutated, TestPaths.FixturePath);
            report.Append(CultureInfo.InvariantCulture, $"seed {seed}:");
            foreach (var diagnostic in run.Diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal))
            {
                var position = diagnostic.Location.GetLineSpan().StartLinePosition;
                report.Append(CultureInfo.InvariantCulture, $"\n  {diagnostic.Id} ({position.Line + 1},{position.Character + 1}): {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
            }

            foreach (var (hintName, text) in run.Sources.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                report.Append(CultureInfo.InvariantCulture, $"\n  {hintName} {Digest(text)}");
            }

            report.Append('\n');
        }

        Baseline.AssertMatches("Fuzz/fixture-diagnostics.txt", report.ToString());
    }

    private const int BaselinedSeeds = 200;

    internal static string Digest(string text) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 6);

    internal static string Mutate(string spec, Random random)
    {
        var lines = spec.Split('\n').ToList();
        var annotated = AnnotationLines(lines);
        var mutations = random.Next(1, 4);
        for (var m = 0; m < mutations && lines.Count > 1; m++)
        {
            // Mostly inside the annotations, where the generator does its own reading.
            var index = annotated.Count > 0 && random.Next(4) != 0
                ? Math.Min(annotated[random.Next(annotated.Count)], lines.Count - 1)
                : random.Next(lines.Count);
            switch (random.Next(8))
            {
                case 0: // delete a line
                    lines.RemoveAt(index);
                    break;
                case 1: // duplicate a line
                    lines.Insert(index, lines[index]);
                    break;
                case 2: // retype a value
                    var colon = lines[index].IndexOf(": ", StringComparison.Ordinal);
                    var dash = lines[index].IndexOf("- ", StringComparison.Ordinal);
                    var cut = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : lines[index].Length;
                    lines[index] = lines[index].Substring(0, cut) + s_replacements[random.Next(s_replacements.Length)];
                    break;
                case 3: // truncate the text
                    var text = string.Join("\n", lines);
                    var keep = random.Next(text.Length);
                    lines = text.Substring(0, keep).Split('\n').ToList();
                    break;
                case 4: // delete a block
                    var count = Math.Min(random.Next(2, 8), lines.Count - index);
                    lines.RemoveRange(index, count);
                    break;
                case 5: // re-indent a line
                    lines[index] = random.Next(2) == 0 ? "  " + lines[index] : lines[index].TrimStart();
                    break;
                case 6: // swap with another line
                    var other = random.Next(lines.Count);
                    (lines[index], lines[other]) = (lines[other], lines[index]);
                    break;
                default: // cut a line in the middle
                    lines[index] = lines[index].Substring(0, random.Next(lines[index].Length + 1));
                    break;
            }

            if (lines.Count == 0)
            {
                lines.Add(string.Empty);
            }

            annotated = AnnotationLines(lines);
        }

        return string.Join("\n", lines);
    }

    private static List<int> AnnotationLines(List<string> lines)
    {
        var result = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var start = lines[i].IndexOf("x-contacts-", StringComparison.Ordinal);
            if (start < 0)
            {
                continue;
            }

            var indent = lines[i].Length - lines[i].TrimStart().Length;
            result.Add(i);
            for (var j = i + 1; j < lines.Count; j++)
            {
                var line = lines[j];
                if (line.Trim().Length > 0 && line.Length - line.TrimStart().Length <= indent)
                {
                    break;
                }

                result.Add(j);
            }
        }

        return result;
    }

    private static int ReadSetting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
