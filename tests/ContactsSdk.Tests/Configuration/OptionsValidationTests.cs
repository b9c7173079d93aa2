using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace ContactsSdk.Tests.Configuration;

/// <summary>Bad settings are refused before any request, with messages that say what to fix.</summary>
public sealed class OptionsValidationTests
{
    private const string Secret = "s3cr3t-value-never-shown";

    private static ContactsClientOptions Valid() => new() { Subdomain = "mc563885gzs27c5t9-63k636ttgm", ClientId = "client", ClientSecret = Secret, AccountId = new AccountId(100012345) };

    [Fact]
    public void Valid_options_pass()
    {
        var result = new ContactsClientOptionsValidator().Validate(null, Valid());

        Assert.True(result.Succeeded);
        Assert.Equal(new Uri("https://mc563885gzs27c5t9-63k636ttgm.auth.marketingcloudapis.com/"), Valid().AuthBaseAddress);
        Assert.Equal(new Uri("https://mc563885gzs27c5t9-63k636ttgm.rest.marketingcloudapis.com/"), Valid().RestBaseAddress);
    }

    public static TheoryData<string, Action<ContactsClientOptions>, string> BadOptions() => new()
    {
        { "empty secret", o => o.ClientSecret = "", "ClientSecret is required" },
        { "blank secret", o => o.ClientSecret = "   ", "ClientSecret is required" },
        { "no client id", o => o.ClientId = null, "ClientId is required" },
        { "no subdomain", o => o.Subdomain = null, "Subdomain is required" },
        { "subdomain is a URL", o => o.Subdomain = "https://mc123.auth.marketingcloudapis.com", "Subdomain 'https://mc123.auth.marketingcloudapis.com' is malformed" },
        { "subdomain is a host", o => o.Subdomain = "mc123.rest.marketingcloudapis.com", "is malformed" },
        { "subdomain with a space", o => o.Subdomain = "mc 123", "is malformed" },
        { "subdomain too long", o => o.Subdomain = new string('a', 64), "is malformed" },
        { "default account", o => o.AccountId = default(AccountId), "AccountId must be the numeric MID" },
        { "plain http off loopback", o => o.EndpointOverride = new Uri("http://mc.example.com/"), "uses http:// on a non-loopback host" },
        { "ftp endpoint", o => o.EndpointOverride = new Uri("ftp://127.0.0.1/"), "must use https://" },
        { "negative margin", o => o.TokenRefreshMargin = TimeSpan.FromSeconds(-1), "TokenRefreshMargin" },
        { "zero request budget", o => o.RequestBudgetPerMinute = 0, "RequestBudgetPerMinute must be at least 1" },
        { "no blocked pause", o => o.TemporarilyBlockedPause = TimeSpan.Zero, "TemporarilyBlockedPause must be between 1 second and 1 hour" },
        { "day-long blocked pause", o => o.TemporarilyBlockedPause = TimeSpan.FromDays(1), "TemporarilyBlockedPause must be between 1 second and 1 hour" },
        { "negative retry max delay", o => o.Retry.MaxDelay = TimeSpan.FromSeconds(-1), "Retry.MaxDelay must be between 0 and 1 day" },
        { "negative retries", o => o.Retry.MaxRetries = -1, "Retry.MaxRetries must be between 0 and 10" },
        { "too many retries", o => o.Retry.MaxRetries = 11, "Retry.MaxRetries must be between 0 and 10" },
        { "negative retry delay", o => o.Retry.Delay = TimeSpan.FromSeconds(-1), "Retry.Delay must be between 0 and 1 hour" },
        { "day-long retry delay", o => o.Retry.Delay = TimeSpan.FromDays(1), "Retry.Delay must be between 0 and 1 hour" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Bad_options_are_rejected_with_a_clear_message(string _, Action<ContactsClientOptions> spoil, string expected)
    {
        var options = Valid();
        spoil(options);

        var error = Assert.Throws<OptionsValidationException>(() => new ContactsClient(options));

        Assert.Contains(error.Failures, f => f.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loopback_http_is_accepted_for_a_local_emulator()
    {
        var options = Valid();
        options.Subdomain = null;
        options.EndpointOverride = new Uri("http://127.0.0.1:5099/");

        Assert.True(new ContactsClientOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void The_service_collection_binds_configuration_and_validates_on_first_use()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MarketingCloud:Subdomain"] = "mc-bad.subdomain",
            ["MarketingCloud:ClientId"] = "client",
            ["MarketingCloud:ClientSecret"] = Secret,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddContactsSdk(configuration.GetSection(ContactsClientOptions.DefaultSectionName));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ContactsClient>());

        Assert.Contains("Subdomain 'mc-bad.subdomain' is malformed", error.Message);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_failure_is_listed_at_once()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new ContactsClient(new ContactsClientOptions()));

        Assert.Equal(3, error.Failures.Count());
    }
}
