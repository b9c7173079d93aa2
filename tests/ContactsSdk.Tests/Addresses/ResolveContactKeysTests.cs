using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Tests.Addresses;

/// <summary>
/// <see cref="ContactsClient.ResolveContactKeysAsync"/> over loopback: against the emulator (both
/// documented "no match" shapes, several keys per address), and against scripted answers for the
/// shapes the emulator does not produce (the spec's examples, a service error echoing an address).
/// </summary>
public sealed class ResolveContactKeysTests
{
    private static readonly DateTimeOffset Created = new(2019, 5, 14, 10, 3, 0, TimeSpan.Zero);

    private static readonly EmulatedContact[] Contacts =
    [
        new() { ContactKey = "0034x00001AbCdEAAV", EmailAddress = "jane.doe@example.com", CreatedAt = Created },
        new() { ContactKey = "jane.doe@example.com", EmailAddress = "jane.doe@example.com", CreatedAt = Created.AddDays(-200) },
        new() { ContactKey = "0034x00001ZzZzZAAV", EmailAddress = "john.roe@example.com", CreatedAt = Created },
    ];

    [Theory]
    [InlineData(EmailSearchNoMatch.EmptyContactKeyDetail)]
    [InlineData(EmailSearchNoMatch.OmitAddress)]
    public async Task Every_address_gets_all_its_keys_and_an_unknown_one_gets_none_in_either_documented_shape(EmailSearchNoMatch noMatch)
    {
        await using var tenant = await EmulatedTenant.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, Contacts = Contacts, EmailSearchNoMatch = noMatch });

        var keys = await tenant.Client.ResolveContactKeysAsync(["Jane.Doe@example.com", "john.roe@example.com", "nobody@example.com"]);

        Assert.Equal(3, keys.Count);
        Assert.Equal(["jane.doe@example.com", "0034x00001AbCdEAAV"], keys["jane.doe@example.com"]);
        Assert.Equal(["0034x00001ZzZzZAAV"], keys["JOHN.ROE@example.com"]);
        Assert.Empty(keys["nobody@example.com"]);
        Assert.Equal(1, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.EmailSearch));
    }

    [Fact]
    public async Task An_address_whose_answer_is_full_is_searched_again_with_a_larger_count_and_gets_all_its_keys()
    {
        var many = Enumerable.Range(0, 150).Select(i => new EmulatedContact { ContactKey = $"many-{i:D3}", EmailAddress = "many@example.com", CreatedAt = Created.AddMinutes(i) }).ToArray();
        await using var tenant = await EmulatedTenant.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, Contacts = [.. Contacts, .. many] });

        var keys = await tenant.Client.ResolveContactKeysAsync(["many@example.com", "john.roe@example.com"]);

        Assert.Equal(150, keys["many@example.com"].Count);
        Assert.Equal(["0034x00001ZzZzZAAV"], keys["john.roe@example.com"]);
        // The first search asked 100 keys an address; only the full address was asked again, for 1,000.
        Assert.Equal(2, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.EmailSearch));
    }

    [Fact]
    public async Task An_address_still_full_at_the_largest_count_is_refused_without_quoting_it_rather_than_taken_truncated()
    {
        var many = Enumerable.Range(0, 12).Select(i => new EmulatedContact { ContactKey = $"crowd-{i:D2}", EmailAddress = "crowd@example.com", CreatedAt = Created.AddMinutes(i) }).ToArray();
        await using var tenant = await EmulatedTenant.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, Contacts = many });

        // Asking 1 key an address: searched again for 10, still full at the limit only if the limit is reached; here 12 > 10 and 100 > 12.
        var keys = await tenant.Client.ResolveContactKeysAsync(["crowd@example.com"], maximumKeysPerAddress: 1);
        Assert.Equal(12, keys["crowd@example.com"].Count);
        Assert.Equal(3, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.EmailSearch));

        var crowd = Enumerable.Range(0, ContactsClient.MaximumKeysPerAddressLimit).Select(i => new EmulatedContact { ContactKey = $"c-{i}", EmailAddress = "huge@example.com", CreatedAt = Created }).ToArray();
        await using var huge = await EmulatedTenant.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, Contacts = crowd });
        var refused = await Assert.ThrowsAsync<ContactKeysTruncatedException>(() => huge.Client.ResolveContactKeysAsync(["huge@example.com"], maximumKeysPerAddress: 1000));
        Assert.Equal((1, ContactsClient.MaximumKeysPerAddressLimit), (refused.AddressCount, refused.MaximumCount));
        Assert.DoesNotContain("huge@", refused.Message);
    }

    [Fact]
    public async Task Duplicate_addresses_are_searched_once()
    {
        await using var tenant = await EmulatedTenant.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, Contacts = Contacts });

        var keys = await tenant.Client.ResolveContactKeysAsync(["john.roe@example.com", "JOHN.ROE@EXAMPLE.COM"], maximumKeysPerAddress: 1);

        Assert.Equal(["0034x00001ZzZzZAAV"], Assert.Single(keys).Value);
    }

    [Theory]
    [InlineData("found", "jane.doe@example.com", new[] { "0034x00001AbCdEAAV" })]
    [InlineData("severalKeys", "jane.doe@example.com", new[] { "0034x00001AbCdEAAV", "jane.doe@example.com" })]
    [InlineData("severalKeys", "nobody@example.com", new string[0])]
    [InlineData("notFound", "jane.doe@example.com", new string[0])]
    public async Task The_spec_examples_resolve_as_documented(string example, string address, string[] expected)
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, SpecDocument.ResponseExample("/v2/token", "post", "200", "issued")));
        server.Enqueue(new ScriptedResponse(200, SpecDocument.ResponseExample("/contacts/v1/addresses/email/search", "post", "200", example)));
        using var client = new ContactsClient(new ContactsClientOptions { EndpointOverride = server.BaseAddress, ClientId = "id", ClientSecret = "secret" });

        var keys = await client.ResolveContactKeysAsync(["jane.doe@example.com", "nobody@example.com"]);

        Assert.Equal(expected, keys[address]);
        Assert.Equal("""{"channelAddressList":["jane.doe@example.com","nobody@example.com"],"maximumCount":100}""", server.Bodies.Last());
    }

    [Fact]
    public async Task A_service_error_that_echoes_an_address_keeps_it_out_of_the_exception_message()
    {
        await using var server = await ScriptedServer.StartAsync();
        server.Enqueue(new ScriptedResponse(200, SpecDocument.ResponseExample("/v2/token", "post", "200", "issued")));
        server.Enqueue(new ScriptedResponse(200, """
            {"channelAddressResponseEntities":[],"hasErrors":true,"resultMessages":[{"resultType":"EmailSearch","resultClass":"Error","resultCode":"InvalidAddress","message":"Jane.Doe@Example.com is not a valid address."}],"serviceMessageID":"0f1e2d3c"}
            """));
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        using var client = new ContactsClient(new ContactsClientOptions { EndpointOverride = server.BaseAddress, ClientId = "id", ClientSecret = "secret" }, loggerFactory: loggerFactory);

        var error = await Assert.ThrowsAsync<ContactsServiceException>(() => client.ResolveContactKeysAsync(["jane.doe@example.com"]));

        Assert.Contains("InvalidAddress", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("@", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, message => message.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nothing_is_logged_with_an_address_on_success()
    {
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions { Contacts = Contacts });
        using var client = new ContactsClient(EmulatedTenant.OptionsFor(emulator), loggerFactory: loggerFactory);

        await client.ResolveContactKeysAsync(["jane.doe@example.com", "nobody@example.com"]);

        Assert.Contains(logs.Entries, message => message.Contains("Resolved 2 email addresses: 1 with contact keys.", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, message => message.Contains('@', StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_without_quoting_an_address()
    {
        await using var tenant = await EmulatedTenant.StartAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => tenant.Client.ResolveContactKeysAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>(() => tenant.Client.ResolveContactKeysAsync([]));
        var blank = await Assert.ThrowsAsync<ArgumentException>(() => tenant.Client.ResolveContactKeysAsync(["jane.doe@example.com", " "]));
        Assert.DoesNotContain("@", blank.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => tenant.Client.ResolveContactKeysAsync(["jane.doe@example.com"], maximumKeysPerAddress: 0));
        Assert.Equal(0, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.EmailSearch));
    }
}
