using System.Net.Http;
using System.Threading.Tasks;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Tests.Support;
using Xunit;

namespace ContactsSdk.Testing.Tests;

/// <summary>
/// The gateway in front of the routes added beside delete and status: bearer token, scope per route,
/// rate limit, per-route request counts, and faults aimed at each route.
/// </summary>
public sealed class ContactsRouteGatewayTests
{
    private const string Read = "list_and_subscribers_read";
    private const string Write = "list_and_subscribers_write";
    private const string Range = "?startdateutc=2019-07-02T00:00:00&enddateutc=2019-07-03T00:00:00";
    private const string Settings = """{"items":[{"settingKey":"SuppressionRestoreUntilDays","value":"-1"}]}""";

    public static TheoryData<EmulatorRoute, string, string, string?, string> Routes => new()
    {
        { EmulatorRoute.ConfigSettings, "POST", ContactsRoutes.ConfigSettings, Settings, Write },
        { EmulatorRoute.DeleteRetry, "POST", ContactsRoutes.DeleteRetry(1), null, Write },
        { EmulatorRoute.DeleteRequests, "GET", ContactsRoutes.DeleteRequests + Range, null, Read },
        { EmulatorRoute.DeleteRequestsSummary, "GET", ContactsRoutes.DeleteRequestsSummary + Range, null, Read },
        { EmulatorRoute.DeleteOperations, "GET", ContactsRoutes.DeleteOperations, null, Read },
        { EmulatorRoute.Restrict, "POST", ContactsRoutes.Restrict + "?type=keys", """{"values":["k"]}""", Write },
        { EmulatorRoute.RestrictStatus, "GET", ContactsRoutes.RestrictStatus + "?operationID=1", null, Read },
        { EmulatorRoute.RestrictRetry, "POST", ContactsRoutes.RestrictRetry(1), null, Write },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_route_needs_a_token_with_its_scope(EmulatorRoute route, string method, string path, string? body, string scope)
    {
        await using var harness = await EmulatorHarness.StartAsync();
        var other = scope == Read ? Write : Read;
        var withScope = await harness.GetTokenAsync(scope);
        var withOtherScope = await harness.GetTokenAsync(other);

        using var anonymous = await harness.SendAsync(new HttpMethod(method), path, body, token: null);
        using var forbidden = await harness.SendAsync(new HttpMethod(method), path, body, withOtherScope);
        using var allowed = await harness.SendAsync(new HttpMethod(method), path, body, withScope);

        Assert.Equal(401, (int)anonymous.StatusCode);
        Assert.Equal(403, (int)forbidden.StatusCode);
        Assert.Equal(200, (int)allowed.StatusCode);
        Assert.Equal(3, harness.Emulator.Statistics.RequestsTo(route));
        Assert.Equal(3, harness.Emulator.Statistics.Snapshot().RequestsByRoute[route]);
        Assert.Equal(0, harness.Emulator.Statistics.RequestsTo(EmulatorRoute.Contacts & ~route));
        Assert.Equal(2, harness.Emulator.Statistics.RequestsTo(EmulatorRoute.Token));
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Each_route_counts_against_the_rate_limit_and_takes_faults_aimed_at_it(
        EmulatorRoute route, string method, string path, string? body, string scope)
    {
        await using var harness = await EmulatorHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, RateLimitMaxRequests = 2 });
        var token = await harness.GetTokenAsync(scope);
        harness.Emulator.Faults.Enqueue(route, Fault.ServiceUnavailable());

        using var faulted = await harness.SendAsync(new HttpMethod(method), path, body, token);
        using var first = await harness.SendAsync(new HttpMethod(method), path, body, token);
        using var second = await harness.SendAsync(new HttpMethod(method), path, body, token);
        using var limited = await harness.SendAsync(new HttpMethod(method), path, body, token);

        Assert.Equal(503, (int)faulted.StatusCode);
        Assert.Equal(200, (int)first.StatusCode);
        Assert.Equal(200, (int)second.StatusCode);
        Assert.Equal(429, (int)limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter);
    }
}
