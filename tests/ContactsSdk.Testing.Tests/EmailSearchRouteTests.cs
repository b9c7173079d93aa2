using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Testing.Tests.Support;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Testing.Tests;

/// <summary>
/// The email address search route: the registered contacts' keys per address, the two documented
/// "no match" shapes, the read scope, bad bodies as gateway 400s, and addresses kept out of the log.
/// </summary>
public sealed class EmailSearchRouteTests
{
    private static readonly DateTimeOffset Older = new(2018, 11, 2, 16, 40, 12, 100, TimeSpan.Zero);
    private static readonly DateTimeOffset Newer = new(2019, 5, 14, 10, 3, 0, 550, TimeSpan.Zero);

    private static readonly EmulatedContact[] Contacts =
    [
        new() { ContactKey = "0034x00001AbCdEAAV", EmailAddress = "jane.doe@example.com", CreatedAt = Newer },
        new() { ContactKey = "jane.doe@example.com", EmailAddress = "Jane.Doe@Example.com", CreatedAt = Older },
        new() { ContactKey = "0034x00001ZzZzZAAV", EmailAddress = "john.roe@example.com", CreatedAt = Newer },
    ];

    [Fact]
    public async Task An_address_with_several_contacts_gets_every_key_oldest_first_in_the_shape_of_the_spec_example()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();

        using var json = await SearchAsync(harness, token, """{"channelAddressList":["JANE.DOE@example.com"],"maximumCount":5}""");

        using var example = SeedExamples.LoadResponse(ContactsRoutes.EmailSearchSpecPath, "post", "found");
        Assert.Equal(JsonShape.SchemaOf(example.RootElement), JsonShape.SchemaOf(json.RootElement));
        var entity = Assert.Single(json.RootElement.GetProperty("channelAddressResponseEntities").EnumerateArray());
        // The address is echoed as requested; both contacts of that address (compared ignoring case) come back.
        Assert.Equal("JANE.DOE@example.com", entity.GetProperty("channelAddress").GetString());
        Assert.Equal(["jane.doe@example.com", "0034x00001AbCdEAAV"], Keys(entity));
        // createDate is server wall time (UTC-6 by default), without an offset.
        Assert.Equal("2018-11-02T10:40:12.1", entity.GetProperty("contactKeyDetails")[0].GetProperty("createDate").GetString());
    }

    [Fact]
    public async Task MaximumCount_limits_the_keys_per_address_and_defaults_to_one()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();

        using var limited = await SearchAsync(harness, token, """{"channelAddressList":["jane.doe@example.com"]}""");

        var entity = Assert.Single(limited.RootElement.GetProperty("channelAddressResponseEntities").EnumerateArray());
        Assert.Equal(["jane.doe@example.com"], Keys(entity));
    }

    [Fact]
    public async Task An_unknown_address_gets_an_entry_with_an_empty_object_by_default()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();

        using var json = await SearchAsync(harness, token, """{"channelAddressList":["john.roe@example.com","nobody@example.com"],"maximumCount":3}""");

        var entities = json.RootElement.GetProperty("channelAddressResponseEntities").EnumerateArray().ToArray();
        Assert.Equal(2, entities.Length);
        Assert.Equal(["0034x00001ZzZzZAAV"], Keys(entities[0]));
        Assert.Equal("nobody@example.com", entities[1].GetProperty("channelAddress").GetString());
        var empty = Assert.Single(entities[1].GetProperty("contactKeyDetails").EnumerateArray());
        Assert.Equal(JsonValueKind.Object, empty.ValueKind);
        Assert.Empty(empty.EnumerateObject());
    }

    [Fact]
    public async Task With_the_omitting_shape_an_unknown_address_has_no_entry_at_all()
    {
        await using var harness = await StartAsync(EmailSearchNoMatch.OmitAddress);
        var token = await harness.GetTokenAsync();

        using var json = await SearchAsync(harness, token, """{"channelAddressList":["nobody@example.com"]}""");

        using var example = SeedExamples.LoadResponse(ContactsRoutes.EmailSearchSpecPath, "post", "notFound");
        Assert.Equal(JsonShape.SchemaOf(example.RootElement), JsonShape.SchemaOf(json.RootElement));
        Assert.Equal(0, json.RootElement.GetProperty("channelAddressResponseEntities").GetArrayLength());
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"channelAddressList":[]}""")]
    [InlineData("""{"channelAddressList":"jane.doe@example.com"}""")]
    [InlineData("""{"channelAddressList":[42]}""")]
    [InlineData("""{"channelAddressList":[" "]}""")]
    [InlineData("""{"channelAddressList":["jane.doe@example.com"],"maximumCount":0}""")]
    [InlineData("""{"channelAddressList":["jane.doe@example.com"],"maximumCount":"5"}""")]
    [InlineData("""["jane.doe@example.com"]""")]
    public async Task A_body_the_route_cannot_read_gets_a_gateway_400_that_quotes_no_address(string body)
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync();

        using var json = await harness.SendForJsonAsync(HttpMethod.Post, ContactsRoutes.EmailSearch, body, token, expectedStatus: 400);

        Assert.Equal(["message", "errorcode", "documentation"], JsonShape.KeysOf(json.RootElement));
        Assert.DoesNotContain("@", json.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_route_needs_the_read_scope()
    {
        await using var harness = await StartAsync();
        var token = await harness.GetTokenAsync("list_and_subscribers_write");

        using var response = await harness.SendAsync(HttpMethod.Post, ContactsRoutes.EmailSearch, """{"channelAddressList":["jane.doe@example.com"]}""", token);

        Assert.Equal(403, (int)response.StatusCode);
        Assert.Equal(1, harness.Emulator.Statistics.RequestsTo(EmulatorRoute.EmailSearch));
    }

    [Fact]
    public async Task The_log_counts_addresses_and_never_names_them()
    {
        var logs = new CapturingLoggerProvider();
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, Contacts = Contacts, LoggerFactory = logs.CreateFactory() });
        var token = await harness.GetTokenAsync();

        using var json = await SearchAsync(harness, token, """{"channelAddressList":["jane.doe@example.com","nobody@example.com"]}""");

        Assert.Contains(logs.Entries, entry => entry.Contains("Searched 2 email addresses, 1 with contacts", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, entry => entry.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_contact_without_a_key_or_an_address_is_refused_when_the_emulator_starts()
    {
        var blankKey = new EmulatorOptions { Contacts = [new EmulatedContact { ContactKey = " ", EmailAddress = "jane.doe@example.com", CreatedAt = Newer }] };
        var blankAddress = new EmulatorOptions { Contacts = [new EmulatedContact { ContactKey = "k", EmailAddress = "", CreatedAt = Newer }] };

        var refusedKey = await Assert.ThrowsAnyAsync<ArgumentException>(() => MarketingCloudEmulator.StartAsync(blankKey));
        var refusedAddress = await Assert.ThrowsAnyAsync<ArgumentException>(() => MarketingCloudEmulator.StartAsync(blankAddress));

        Assert.Equal("Contacts", refusedKey.ParamName);
        Assert.Equal("Contacts", refusedAddress.ParamName);
        // The message names the setting, never the address.
        Assert.DoesNotContain("@", refusedKey.Message, StringComparison.Ordinal);
    }

    private static string[] Keys(JsonElement entity) =>
        entity.GetProperty("contactKeyDetails").EnumerateArray().Select(detail => detail.GetProperty("contactKey").GetString() ?? string.Empty).ToArray();

    private static Task<JsonDocument> SearchAsync(EmulatorHarness harness, string token, string body) =>
        harness.SendForJsonAsync(HttpMethod.Post, ContactsRoutes.EmailSearch, body, token);

    private static Task<EmulatorHarness> StartAsync(EmailSearchNoMatch noMatch = EmailSearchNoMatch.EmptyContactKeyDetail) =>
        EmulatorHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, Contacts = Contacts, EmailSearchNoMatch = noMatch });
}
