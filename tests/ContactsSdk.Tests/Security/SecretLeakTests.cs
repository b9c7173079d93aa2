using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Authentication;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Tests.Security;

/// <summary>
/// With every log level on, HTTP tracing on and a run full of failures, neither the client secret
/// nor any access token appears in a log entry, a diagnostics event, an activity or an exception.
/// </summary>
public sealed class SecretLeakTests
{
    private static readonly string Secret = "secret-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Nothing_logged_traced_or_thrown_holds_the_secret_or_a_token()
    {
        using var diagnostics = new DiagnosticsCapture(DiagnosticsCapture.PublicNetworking);
        var logs = new CapturingLoggerProvider();
        using var logging = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        await using var tenant = await InstrumentedTenant.StartAsync(new TenantSetup
        {
            Logging = logging,
            Emulator = clock => new EmulatorOptions { TimeProvider = clock, ClientSecret = Secret, LoggerFactory = logging },
        });
        var errors = new List<Exception>();

        await RunFaultyScenarioAsync(tenant, errors);

        var tokens = tenant.IssuedTokens;
        Assert.True(tokens.Count >= 3, $"the scenario should have renewed tokens; it got {tokens.Count}");
        // The capture works: the SDK's debug messages, the emulator's log and HTTP events are there.
        Assert.Contains(logs.Entries, e => e.Contains("Obtained a Marketing Cloud token", StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Contains("Issued an access token", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Entries, e => e.StartsWith("System.Net.Http/RequestStart", StringComparison.Ordinal));
        Assert.Contains(diagnostics.Entries, e => e.StartsWith("activity System.Net.Http", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count);
        AssertNoSecretIn(logs.Entries, tokens, "log");
        AssertNoSecretIn(diagnostics.Entries, tokens, "diagnostics");
        AssertNoSecretIn(errors.Select(e => e.ToString()), tokens, "exception");
    }

    [Fact]
    public async Task The_registered_clients_redact_header_values_even_where_the_platform_would_log_them()
    {
        var logs = new CapturingLoggerProvider();
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions { ClientSecret = Secret });
        var services = new ServiceCollection()
            .AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            // Before .NET 9 the factory logged every header value unless told otherwise: do as it did.
            .ConfigureHttpClientDefaults(client => client.RedactLoggedHeaders(_ => false))
            .AddContactsSdk(options =>
            {
                options.EndpointOverride = emulator.BaseAddress;
                options.ClientId = emulator.Credentials.ClientId;
                options.ClientSecret = Secret;
                options.AccountId = new AccountId(emulator.Credentials.AccountId);
            });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ContactsClient>();

        var started = await client.StartDeletionByKeysAsync(new[] { "contact-1" });
        await client.GetDeletionStatusAsync(started.OperationId);

        var tokens = emulator.Statistics.TokenRequests;
        Assert.Equal(1, tokens);
        // The header was logged, its value was not.
        Assert.Contains(logs.Entries, e => e.Contains("Authorization: *", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Contains("Bearer", StringComparison.Ordinal));
        AssertNoSecretIn(logs.Entries, Array.Empty<string>(), "log");
    }

    /// <summary>
    /// Token renewals and refusals, faults on every route, an outcome-unknown delete, a service
    /// error, and a client with the wrong secret: the paths where a careless message would leak.
    /// </summary>
    private static async Task RunFaultyScenarioAsync(InstrumentedTenant tenant, List<Exception> errors)
    {
        var faults = tenant.Emulator.Faults;
        faults.Enqueue(EmulatorRoute.Delete, Fault.RevokeToken());
        var started = await tenant.Client.StartDeletionByKeysAsync(new[] { "contact-1" });

        faults.Enqueue(EmulatorRoute.Delete, Fault.DropConnectionAfterProcessing());
        errors.Add(await Assert.ThrowsAsync<DeletionOutcomeUnknownException>(() => tenant.Client.StartDeletionByKeysAsync(new[] { "contact-2" })));

        faults.Enqueue(EmulatorRoute.Status, Fault.ExpireToken());
        faults.Enqueue(EmulatorRoute.Status, Fault.RevokeToken(), times: 2);
        faults.Enqueue(EmulatorRoute.Status, Fault.TruncatedJson());
        faults.Enqueue(EmulatorRoute.Status, Fault.InternalServerError());
        faults.Enqueue(EmulatorRoute.Token, Fault.TruncatedJson());
        var result = await tenant.Client.WaitForDeletionAsync(started.OperationId);
        Assert.True(result.IsDeleted);

        errors.Add(await Assert.ThrowsAsync<ContactsSdk.ContactsServiceException>(() => tenant.Client.GetDeletionStatusAsync(987654)));

        // Every token of the tenant revoked, and the token route refusing: the 401 that ends a call.
        faults.Enqueue(EmulatorRoute.Token, Fault.InternalServerError(), times: 10);
        tenant.Emulator.RevokeAllTokens();
        errors.Add(await Assert.ThrowsAsync<ContactsAuthenticationException>(() => tenant.Client.GetDeletionStatusAsync(started.OperationId)));
        faults.Clear();

        var wrong = EmulatedTenant.OptionsFor(tenant.Emulator);
        wrong.ClientSecret = Secret + "-wrong";
        using var misconfigured = new ContactsClient(wrong, tenant.Clock);
        errors.Add(await Assert.ThrowsAsync<ContactsAuthenticationException>(() => misconfigured.GetDeletionStatusAsync(started.OperationId)));
    }

    private static void AssertNoSecretIn(IEnumerable<string> entries, IReadOnlyList<string> tokens, string where)
    {
        foreach (var entry in entries)
        {
            Assert.False(entry.Contains(Secret, StringComparison.Ordinal), $"A {where} entry holds the client secret: {entry}");
            foreach (var token in tokens)
            {
                Assert.False(entry.Contains(token, StringComparison.Ordinal), $"A {where} entry holds an access token: {entry}");
            }
        }
    }
}
