using System;
using System.Linq;
using ContactsSdk.Generator.Tests.Infrastructure;
using Xunit;

namespace ContactsSdk.Generator.Tests;

/// <summary>
/// Runs the code generated from the test fixture (integer values, case-sensitive matching, names from
/// x-ms-enum, a lifecycle whose status path crosses an array of integers): compiled in memory
/// together with stand-ins for the Kiota models, then called through its public API.
/// </summary>
public sealed class FixtureBehaviourTests
{
    private const string Models = """
        namespace ContactsSdk.Models
        {
            public class Base { public string? RequestId { get; set; } }
            public class JobResponse : Base { public Job? Job { get; set; } public System.Collections.Generic.List<Step>? Steps { get; set; } public string? Kind { get; set; } }
            public class Job { public string? QueueStatus { get; set; } }
            public class Step { public int? StepCode { get; set; } }
            public class JobError : System.Exception { public string? MessageEscaped { get; set; } }
        }
        """;

    private static readonly Lazy<LoadedGeneration> s_generated = new(() =>
        LoadedGeneration.Load(GeneratorHarness.Run(TestPaths.ReadFixture(), TestPaths.FixturePath, GeneratorHarness.CreateCompilation(false, Models))));

    [Theory]
    [InlineData(0L, "Value0", true)]
    [InlineData(1L, "Value1", true)]
    [InlineData(9L, "Value9", true)]
    [InlineData(42L, "Value0", false)]
    [InlineData(-1L, "Value0", false)]
    [InlineData(null, "Value0", false)]
    public void Integer_values_parse_numerically_with_the_fallback_for_the_rest(long? wire, string expected, bool listed)
    {
        Assert.Equal(expected, Call("StepCodeExtensions", "FromWireValue", wire)!.ToString());
        var arguments = new object?[] { wire, null };
        Assert.Equal(listed, (bool)Type("StepCodeExtensions").GetMethod("TryFromWireValue")!.Invoke(null, arguments)!);
        Assert.Equal(expected, arguments[1]!.ToString());
    }

    [Theory]
    [InlineData("batch-import", "BatchImport")]
    [InlineData("Batch-Import", "Other")]
    [InlineData("Other", "Other")]
    [InlineData("other", "Other")]
    [InlineData(null, "Other")]
    public void Case_sensitive_values_match_exactly(string? wire, string expected)
    {
        Assert.Equal(expected, Call("JobKindExtensions", "FromWireValue", wire)!.ToString());
    }

    [Theory]
    [InlineData("waiting", "Waiting")]
    [InlineData("STARTED", "Started")]
    [InlineData("paused", "Waiting")]
    public void Case_insensitive_values_ignore_case(string wire, string expected)
    {
        Assert.Equal(expected, Call("QueueStatusExtensions", "FromWireValue", wire)!.ToString());
        Assert.Equal(expected == "Started" ? "Picked up." : "Not started.", Call("QueueStatusExtensions", "GetDescription", Call("QueueStatusExtensions", "FromWireValue", wire)));
    }

    [Theory]
    [InlineData(null, new int[0], "Queue", "Queued")]
    [InlineData("started", new int[0], "Queue", "Running")]
    [InlineData("started", new[] { 1, 1 }, "Work", "Done")]
    [InlineData("started", new[] { 1, 0 }, "Work", "Running")]
    [InlineData("started", new[] { 1, 9 }, "Work", "Broken")]
    [InlineData("started", new[] { 9, 5 }, "Work", "Running")]
    public void The_lifecycle_follows_the_array_rule(string? queueStatus, int[] steps, string phase, string state)
    {
        var response = New("JobResponse");
        var job = New("Job");
        Set(job, "QueueStatus", queueStatus);
        Set(response, "Job", job);
        var list = s_generated.Value.NewList("Step");
        foreach (var code in steps)
        {
            var step = New("Step");
            Set(step, "StepCode", (int?)code);
            list.Add(step);
        }

        Set(response, "Steps", list);

        var result = Call("JobStateExtensions", "GetJobState", response)!;

        Assert.Equal(phase, result.GetType().GetProperty("Phase")!.GetValue(result)!.ToString());
        Assert.Equal(state, result.GetType().GetProperty("State")!.GetValue(result)!.ToString());
    }

    [Fact]
    public void The_error_type_accessor_reads_the_escaped_property()
    {
        var error = New("JobError");
        Set(error, "MessageEscaped", "quota exceeded");

        Assert.Equal("QuotaExceeded", Call("ErrorMessageKindExtensions", "GetErrorMessageKind", error)!.ToString());
    }

    private static object? Call(string type, string method, params object?[] arguments) => s_generated.Value.Call(type, method, arguments);

    private static Type Type(string name) => s_generated.Value.Type(name);

    private static object New(string name) => s_generated.Value.New(name);

    private static void Set(object target, string property, object? value) => LoadedGeneration.Set(target, property, value);
}
