using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ContactsSdk.Models;
using ContactsSdk.Tests.Support;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Xunit;

namespace ContactsSdk.Tests.Generated;

/// <summary>
/// Every field of every seed example must land in a typed property: nothing may fall into
/// AdditionalData, and writing the typed model back out must give the example's JSON again.
/// </summary>
public sealed class StatusRouteRoundTripTests
{
    public static TheoryData<string> ExampleNames()
    {
        var data = new TheoryData<string>();
        foreach (var name in SpecDocument.ResponseExampleNames(StatusRouteFixtures.Path, "get", "200"))
        {
            data.Add(name);
        }
        return data;
    }

    [Fact]
    public void The_spec_holds_the_three_seed_examples()
    {
        Assert.Equal(
            new[] { StatusRouteFixtures.SuppressionPhaseCompleted, StatusRouteFixtures.SuppressionPhasePending, StatusRouteFixtures.DeletePhaseProcessing },
            SpecDocument.ResponseExampleNames(StatusRouteFixtures.Path, "get", "200"));
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public async Task Every_field_of_the_example_is_typed_and_round_trips(string exampleName)
    {
        var json = StatusRouteFixtures.Example(exampleName);
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, json));
        using var http = new HttpClient();
        var client = GeneratedClientFactory.Create(server.BaseAddress, http);

        var response = await client.Contacts.V1.Contacts.Actions.DeletePath.Status.GetAsync(r => r.QueryParameters.OperationID = 1);

        Assert.NotNull(response);
        AssertNoUntypedData(response, "$");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(Serialize(response))),
            $"The typed model of '{exampleName}' does not write back the example's JSON:\n{Serialize(response)}");
    }

    private static string Serialize(IParsable model)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, model);
        using var reader = new StreamReader(writer.GetSerializedContent());
        return reader.ReadToEnd();
    }

    /// <summary>Walks the model graph: any JSON member Kiota could not type ends up in AdditionalData.</summary>
    private static void AssertNoUntypedData(object model, string where)
    {
        if (model is IAdditionalDataHolder holder)
        {
            Assert.True(holder.AdditionalData.Count == 0,
                $"{where} has untyped members: {string.Join(", ", holder.AdditionalData.Keys)}");
        }
        foreach (var property in model.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
        {
            var value = property.GetValue(model);
            if (value is IParsable child)
            {
                AssertNoUntypedData(child, $"{where}.{property.Name}");
            }
            else if (value is IEnumerable items and not string)
            {
                var index = 0;
                foreach (var item in items.OfType<IParsable>())
                {
                    AssertNoUntypedData(item, $"{where}.{property.Name}[{index++}]");
                }
            }
        }
    }
}
