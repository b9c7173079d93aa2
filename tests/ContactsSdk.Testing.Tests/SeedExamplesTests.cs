using System.Text.Json;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

/// <summary>The fixtures themselves: the examples are cut out of the spec whole and unchanged.</summary>
public sealed class SeedExamplesTests
{
    [Theory]
    [InlineData(SeedExamples.SuppressionPhaseCompleted, "operation")]
    [InlineData(SeedExamples.SuppressionPhasePending, "operationMappings")]
    [InlineData(SeedExamples.DeletePhaseProcessing, "operationMappings")]
    public void Each_example_is_a_whole_JSON_object(string example, string firstKey)
    {
        var raw = SeedExamples.RawJson(example);

        Assert.StartsWith("{", raw);
        Assert.EndsWith("}", raw);
        using var document = SeedExamples.Load(example);
        Assert.Equal(firstKey, JsonShape.KeysOf(document.RootElement)[0]);
        Assert.Equal("serviceMessageID", JsonShape.KeysOf(document.RootElement)[^1]);
    }

    [Fact]
    public void The_delete_phase_example_keeps_its_number_and_string_kinds()
    {
        using var document = SeedExamples.Load(SeedExamples.DeletePhaseProcessing);
        var summary = document.RootElement.GetProperty("backgroundOperationsSummary")[0];

        Assert.Equal(JsonValueKind.Number, summary.GetProperty("backgroundOperationID").ValueKind);
        Assert.Equal("Processing", summary.GetProperty("backgroundOperationStatusID").GetString());
        Assert.Equal("2019-07-02T14:27:42.9189678-04:00", document.RootElement.GetProperty("responseDateTime").GetString());
    }
}
