using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using ContactsSdk.Models;
using ContactsSdk.Serialization;
using ContactsSdk.Tests.Support;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;
using Xunit;

namespace ContactsSdk.Tests.Serialization;

/// <summary>
/// The SDK's JSON parse node must read every body into exactly what Kiota's own node produces:
/// the same model (compared by serializing both with Kiota's writer), the same AdditionalData
/// values and types, and the same exception where Kiota throws.
/// </summary>
public sealed class ContactsJsonParseNodeTests
{
    private static readonly Dictionary<string, (string Method, ParsableFactory<IParsable> Factory)> s_routes = new()
    {
        ["/contacts/v1/contacts/actions/delete/status"] = ("get", DeleteStatusResponse.CreateFromDiscriminatorValue),
        ["/contacts/v1/contacts/actions/delete"] = ("post", DeleteContactsResponse.CreateFromDiscriminatorValue),
        ["/contacts/v1/contacts/actions/delete/configSettings"] = ("post", ConfigSettingsResponse.CreateFromDiscriminatorValue),
        ["/contacts/v1/operations/delete/{operationID}/retry"] = ("post", RetryOperationResponse.CreateFromDiscriminatorValue),
        ["/contacts/v1/contacts/analytics/deleterequests"] = ("get", DeleteRequestsPage.CreateFromDiscriminatorValue),
        ["/contacts/v1/contacts/analytics/deleterequests/summary"] = ("get", DeleteRequestsSummary.CreateFromDiscriminatorValue),
        ["/contacts/v1/contacts/deleteOperations"] = ("get", DeleteOperationsPage.CreateFromDiscriminatorValue),
        ["/contacts/v1/contacts/actions/restrict"] = ("post", RestrictContactsResponse.CreateFromDiscriminatorValue),
        ["/contacts/v1/contacts/actions/restrict/status"] = ("get", RestrictStatusResponse.CreateFromDiscriminatorValue),
        ["/contacts/v1/addresses/email/search"] = ("post", EmailAddressSearchResponse.CreateFromDiscriminatorValue),
        ["/v2/token"] = ("post", AccessTokenResponse.CreateFromDiscriminatorValue),
    };

    public static IEnumerable<object[]> SpecExamples() =>
        s_routes.SelectMany(route => SpecDocument.ResponseExampleNames(route.Key, route.Value.Method, "200")
            .Select(name => new object[] { route.Key, name }));

    /// <summary>
    /// Kiota's node matches names exactly; the SDK's also matches them ignoring case. So Kiota reads
    /// each example with its names spelled as the spec spells them, and must get what the SDK's
    /// node gets from the example as documented (lower-case names and all).
    /// </summary>
    [Theory]
    [MemberData(nameof(SpecExamples))]
    public async Task Every_spec_example_reads_as_with_Kiota_given_the_spec_spelling_of_its_names(string path, string example)
    {
        var (method, factory) = s_routes[path];
        var json = SpecDocument.ResponseExample(path, method, "200", example);
        await AssertSameAsKiota(json, factory, kiotaJson: SpecSpelling.Respell(json));
    }

    /// <summary>Every field the examples show is a typed property: nothing is left in AdditionalData.</summary>
    [Theory]
    [MemberData(nameof(SpecExamples))]
    public async Task Every_field_of_every_spec_example_reads_into_a_typed_property(string path, string example)
    {
        var (method, factory) = s_routes[path];
        var model = await Read(new ContactsJsonParseNodeFactory(), SpecDocument.ResponseExample(path, method, "200", example), factory);

        Assert.Empty(UntypedFields(model, "$"));
    }

    [Fact]
    public async Task The_documented_summary_reads_with_its_lower_case_names_array_series_string_interval_and_capitalised_key()
    {
        var json = SpecDocument.ResponseExample("/contacts/v1/contacts/analytics/deleterequests/summary", "get", "200", "documented");
        var summary = (DeleteRequestsSummary)await Read(new ContactsJsonParseNodeFactory(), json, DeleteRequestsSummary.CreateFromDiscriminatorValue);
        var kiota = (DeleteRequestsSummary)await Read(new JsonParseNodeFactory(), json, DeleteRequestsSummary.CreateFromDiscriminatorValue);

        Assert.Equal(("2018-01-15T00:00:00Z", "0", 5), (summary.StartDateUtc, summary.Interval, summary.ItemCount));
        Assert.Equal(new DateTimeOffset(2018, 1, 17, 4, 30, 0, TimeSpan.Zero), summary.StatusOfDateUtc);
        var total = Assert.Single(summary.TotalTimeSeries!);
        Assert.Equal((500L, 100L, 100L, 5), (total.RequestCount, total.MinValue, total.MaxValue, total.Items!.Count));
        // "Status" is capitalised in the third series only.
        Assert.Equal(
            [(5, "Completed", 350L), (1, "Processing", 100L), (7, "Invalid", 50L)],
            summary.StatusTimeSeries!.Select(series => (series.StatusId!.Value, series.Status, series.RequestCount!.Value)));
        // What Kiota's own node makes of it: every typed property but interval is null.
        Assert.Null(kiota.StartDateUtc);
        Assert.Null(kiota.TotalTimeSeries);
        Assert.Null(kiota.StatusTimeSeries);
    }

    [Theory]
    // The exact spelling wins over a case variant, whichever comes first in the body.
    [InlineData("""{"Status":"Aborted","status":"Completed"}""", "Completed")]
    [InlineData("""{"status":"Completed","STATUS":"Aborted"}""", "Completed")]
    // A case variant alone is read.
    [InlineData("""{"STATUS":"Aborted"}""", "Aborted")]
    [InlineData("""{"sTaTuS":"Aborted"}""", "Aborted")]
    public async Task A_name_that_differs_only_in_case_is_read_unless_the_exact_name_is_there(string json, string expected)
    {
        var series = (StatusTimeSeries)await Read(new ContactsJsonParseNodeFactory(), json, StatusTimeSeries.CreateFromDiscriminatorValue);

        Assert.Equal(expected, series.Status);
    }

    [Fact]
    public async Task A_case_variant_that_could_be_either_of_two_fields_is_left_in_AdditionalData()
    {
        // The spec models both spellings of the delete body's operation type (DeleteOperationType
        // and deleteOperationType in different bodies); a model with both cannot guess.
        var model = (TwoSpellings)await Read(new ContactsJsonParseNodeFactory(), """{"VALUE":"x","value":null}""", _ => new TwoSpellings());

        Assert.Null(model.Lower);
        Assert.Null(model.Upper);
        Assert.Equal("x", model.AdditionalData["VALUE"]);
    }

    /// <summary>A model with two fields whose names differ only in case.</summary>
    private sealed class TwoSpellings : IParsable, IAdditionalDataHolder
    {
        public string? Lower { get; set; }

        public string? Upper { get; set; }

        public IDictionary<string, object> AdditionalData { get; set; } = new Dictionary<string, object>();

        public IDictionary<string, Action<IParseNode>> GetFieldDeserializers() => new Dictionary<string, Action<IParseNode>>
        {
            ["value"] = node => Lower = node.GetStringValue(),
            ["Value"] = node => Upper = node.GetStringValue(),
        };

        public void Serialize(ISerializationWriter writer) => throw new NotSupportedException();
    }

    /// <summary>Paths of every AdditionalData entry in the model graph (the spec's OperationMapping keeps its fields there by design).</summary>
    private static IEnumerable<string> UntypedFields(object? model, string where)
    {
        if (model is null || model is OperationMapping)
        {
            yield break;
        }
        if (model is IAdditionalDataHolder holder)
        {
            foreach (var key in holder.AdditionalData.Keys)
            {
                yield return where + "." + key;
            }
        }
        foreach (var property in model.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != nameof(IAdditionalDataHolder.AdditionalData)))
        {
            var value = property.GetValue(model);
            var children = value switch
            {
                IParsable parsable => new object?[] { parsable },
                IList list => list.Cast<object?>().ToArray(),
                _ => [],
            };
            for (var i = 0; i < children.Length; i++)
            {
                foreach (var path in UntypedFields(children[i], $"{where}.{property.Name}[{i}]"))
                {
                    yield return path;
                }
            }
        }
    }

    [Theory]
    // Properties the model does not know, of every JSON kind (Kiota's conversion rules apply).
    [InlineData("""{"operation":{"status":"Pending","futureField":"2019-07-02T14:24:48.013","futureNumber":12.5,"futureInt":7,"futureGuid":"c79583e2-cc79-4a38-8378-52714b00eaa1"},"futureObject":{"a":[1,"b",null,true]},"futureArray":[{"x":1}],"futureNull":null,"futureBool":false,"futureText":"text"}""")]
    // The same unknown property twice: the first wins, as with Kiota.
    [InlineData("""{"extra":1,"extra":"two","operation":{"status":"Completed"}}""")]
    // Known properties with null, with the wrong kind, or out of a collection's shape.
    [InlineData("""{"operation":null,"resultMessages":null,"numberofRestorableDays":null,"hasErrors":null,"serviceMessageID":null}""")]
    [InlineData("""{"operation":{"operationID":"12","status":5,"isRestrictedForProcessing":"true","retryCount":true},"numberofRestorableDays":"14","hasErrors":1}""")]
    [InlineData("""{"backgroundOperationsSummary":{"backgroundOperationStatusID":"Completed"},"resultMessages":"none","operationMappings":[]}""")]
    [InlineData("""{"backgroundOperationsSummary":[null,{"backgroundOperationStatusID":null},{"backgroundOperationStatusID":"Aborted","backgroundOperationID":9007199254740993}]}""")]
    // Escaped strings and property names, and the largest and smallest integers each type takes.
    [InlineData("""{"operation":{"st\u0061tus":"Compl\u0065ted","listKey":"a\"b\\c\u00e9\ud83d\ude00","retryCount":2147483647,"createdBy":-9223372036854775808,"eID":9223372036854775807}}""")]
    // Date-times: ISO 8601 with and without an offset, and what only a lenient parser accepts.
    [InlineData("""{"responseDateTime":"2019-07-02T14:24:48.5030664-04:00"}""")]
    [InlineData("""{"responseDateTime":"2019-07-02T14:24:48"}""")]
    [InlineData("""{"responseDateTime":"07/02/2019 14:24:48 -04:00"}""")]
    [InlineData("""{"responseDateTime":"2019-07-02 14:24:48Z"}""")]
    [InlineData("""{"responseDateTime":"not a date"}""")]
    [InlineData("""{"responseDateTime":""}""")]
    [InlineData("""{"responseDateTime":20190702}""")]
    // Not an object at all.
    [InlineData("""[]""")]
    [InlineData("""null""")]
    [InlineData("\"text\"")]
    public async Task Edge_cases_read_as_with_Kiota(string json)
    {
        await AssertSameAsKiota(json, DeleteStatusResponse.CreateFromDiscriminatorValue);
    }

    [Theory]
    // Numbers that do not fit the property's type: Kiota throws, and so must the SDK, with the same exception.
    [InlineData("""{"numberofRestorableDays":2147483648}""")]
    [InlineData("""{"numberofRestorableDays":1.5}""")]
    [InlineData("""{"numberofRestorableDays":1e3}""")]
    [InlineData("""{"operation":{"operationID":9223372036854775808}}""")]
    [InlineData("""{"operation":{"operationID":-0.0}}""")]
    public async Task Values_Kiota_rejects_are_rejected_the_same_way(string json)
    {
        var kiota = await Record.ExceptionAsync(() => Read(new JsonParseNodeFactory(), json, DeleteStatusResponse.CreateFromDiscriminatorValue));
        var ours = await Record.ExceptionAsync(() => Read(new ContactsJsonParseNodeFactory(), json, DeleteStatusResponse.CreateFromDiscriminatorValue));
        Assert.NotNull(kiota);
        Assert.Equal(kiota!.GetType(), ours?.GetType());
    }

    [Fact]
    public async Task The_factory_refuses_what_Kiota_refuses()
    {
        var kiota = new JsonParseNodeFactory();
        var ours = new ContactsJsonParseNodeFactory();
        Assert.Equal(kiota.ValidContentType, ours.ValidContentType);
        foreach (var contentType in new[] { "", "text/plain", "application/xml" })
        {
            var expected = await Record.ExceptionAsync(() => kiota.GetRootParseNodeAsync(contentType, new MemoryStream(Encoding.UTF8.GetBytes("{}"))));
            var actual = await Record.ExceptionAsync(() => ours.GetRootParseNodeAsync(contentType, new MemoryStream(Encoding.UTF8.GetBytes("{}"))));
            Assert.Equal(expected?.GetType(), actual?.GetType());
        }
        var malformed = await Record.ExceptionAsync(() => kiota.GetRootParseNodeAsync("application/json", new MemoryStream(Encoding.UTF8.GetBytes("{\"a\":"))));
        var ourMalformed = await Record.ExceptionAsync(() => ours.GetRootParseNodeAsync("APPLICATION/JSON", new MemoryStream(Encoding.UTF8.GetBytes("{\"a\":"))));
        Assert.NotNull(malformed);
        Assert.Equal(malformed!.GetType(), ourMalformed?.GetType());
    }

    [Fact]
    public async Task Child_nodes_and_primitive_collections_read_as_with_Kiota()
    {
        const string json = """{"values":["a","b"],"ids":[1,2,3],"when":"2019-07-02T14:24:48.013","id":"c79583e2-cc79-4a38-8378-52714b00eaa1","ratio":0.25}""";
        var kiota = await new JsonParseNodeFactory().GetRootParseNodeAsync("application/json", new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var ours = await new ContactsJsonParseNodeFactory().GetRootParseNodeAsync("application/json", new MemoryStream(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(kiota.GetChildNode("values")!.GetCollectionOfPrimitiveValues<string>(), ours.GetChildNode("values")!.GetCollectionOfPrimitiveValues<string>());
        Assert.Equal(kiota.GetChildNode("ids")!.GetCollectionOfPrimitiveValues<long?>(), ours.GetChildNode("ids")!.GetCollectionOfPrimitiveValues<long?>());
        Assert.Equal(kiota.GetChildNode("when")!.GetDateTimeOffsetValue(), ours.GetChildNode("when")!.GetDateTimeOffsetValue());
        Assert.Equal(kiota.GetChildNode("id")!.GetGuidValue(), ours.GetChildNode("id")!.GetGuidValue());
        Assert.Equal(kiota.GetChildNode("ratio")!.GetDoubleValue(), ours.GetChildNode("ratio")!.GetDoubleValue());
        Assert.Null(ours.GetChildNode("missing"));
        Assert.Null(ours.GetChildNode("values")!.GetChildNode("a"));
    }

    private static async Task AssertSameAsKiota(string json, ParsableFactory<IParsable> factory, string? kiotaJson = null)
    {
        var expected = await Read(new JsonParseNodeFactory(), kiotaJson ?? json, factory);
        var actual = await Read(new ContactsJsonParseNodeFactory(), json, factory);
        Assert.Equal(expected.GetType(), actual.GetType());
        Assert.Equal(Serialize(expected), Serialize(actual));
        AssertSameAdditionalData(expected, actual, "$");
    }

    private static async Task<IParsable> Read(IParseNodeFactory factory, string json, ParsableFactory<IParsable> model)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var node = await factory.GetRootParseNodeAsync("application/json", stream);
        return node.GetObjectValue(model);
    }

    private static string Serialize(IParsable model)
    {
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, model);
        using var reader = new StreamReader(writer.GetSerializedContent());
        return reader.ReadToEnd();
    }

    /// <summary>Walks both object graphs: every AdditionalData entry has the same key, CLR type and value.</summary>
    private static void AssertSameAdditionalData(object? expected, object? actual, string where)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{where}: one side is null.");
            return;
        }
        Assert.Equal(expected.GetType(), actual.GetType());
        if (expected is IAdditionalDataHolder holder)
        {
            var other = (IAdditionalDataHolder)actual;
            Assert.Equal(holder.AdditionalData.Keys.OrderBy(k => k, StringComparer.Ordinal), other.AdditionalData.Keys.OrderBy(k => k, StringComparer.Ordinal));
            foreach (var (key, value) in holder.AdditionalData)
            {
                var otherValue = other.AdditionalData[key];
                Assert.Equal(value?.GetType(), otherValue?.GetType());
                if (value is IParsable parsable)
                {
                    Assert.Equal(Serialize(parsable), Serialize((IParsable)otherValue!));
                }
                else
                {
                    Assert.Equal(value, otherValue);
                }
            }
        }
        foreach (var property in expected.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.Name != nameof(IAdditionalDataHolder.AdditionalData)))
        {
            var value = property.GetValue(expected);
            if (value is IParsable)
            {
                AssertSameAdditionalData(value, property.GetValue(actual), where + "." + property.Name);
            }
            else if (value is IList list)
            {
                var otherList = (IList)property.GetValue(actual)!;
                Assert.Equal(list.Count, otherList.Count);
                for (var i = 0; i < list.Count; i++)
                {
                    AssertSameAdditionalData(list[i], otherList[i], $"{where}.{property.Name}[{i}]");
                }
            }
        }
    }
}
