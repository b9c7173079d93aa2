using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using ContactsSdk.Authentication;
using ContactsSdk.Http;
using ContactsSdk.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Kiota.Abstractions;
using Xunit;

namespace ContactsSdk.Tests.Security;

/// <summary>
/// The bearer token goes only to the allowed endpoint (scheme, host and port of the endpoint
/// override), including after a redirect. Two real loopback servers: the allowed one, which
/// redirects, and a foreign one, which records what it receives.
/// </summary>
public sealed class RedirectTests
{
    private const string Token = "t0k3n-" + "7f3a9c";
    private const string TokenResponse = """{"access_token":"t0k3n-7f3a9c","token_type":"Bearer","expires_in":1080,"scope":"list_and_subscribers_read","rest_instance_url":"http://127.0.0.1/","soap_instance_url":"http://127.0.0.1/"}""";
    private const string StatusBody = """{"operation":{"id":1,"status":"Pending"},"hasErrors":false,"resultMessages":[]}""";

    /// <summary>Where the foreign server is: another loopback address, or the same address (or its name) on another port.</summary>
    public static TheoryData<string> ForeignHosts() => new() { "127.0.0.2", "127.0.0.1", "localhost" };

    [Theory]
    [MemberData(nameof(ForeignHosts))]
    public async Task A_redirect_to_another_host_or_port_loses_the_Authorization_header(string foreignHost)
    {
        await using var servers = await ServerPair.StartAsync(foreignHost);
        servers.Allowed.Enqueue(new ScriptedResponse(200, TokenResponse));
        servers.Allowed.Enqueue(Redirect(302, servers.ForeignUri("contacts/v1/contacts/actions/delete/status?operationID=1")));
        servers.Foreign.Enqueue(new ScriptedResponse(200, StatusBody));
        using var client = new ContactsClient(servers.ClientOptions());

        var status = await client.GetDeletionStatusAsync(1);

        Assert.Equal("Pending", status.Operation?.Status);
        Assert.Equal("Bearer " + Token, servers.Allowed.Requests.Last().Headers["Authorization"]);
        var received = Assert.Single(servers.Foreign.Requests);
        Assert.False(received.Headers.ContainsKey("Authorization"), "the foreign host received an Authorization header");
    }

    [Theory]
    [MemberData(nameof(ForeignHosts))]
    public async Task A_401_from_the_foreign_host_neither_fetches_nor_sends_a_token(string foreignHost)
    {
        await using var servers = await ServerPair.StartAsync(foreignHost);
        servers.Allowed.Enqueue(new ScriptedResponse(200, TokenResponse));
        servers.Allowed.Enqueue(Redirect(302, servers.ForeignUri("collect")));
        servers.Foreign.Enqueue(new ScriptedResponse(401, """{"message":"Not Authorized","errorcode":0}"""));
        using var client = new ContactsClient(servers.ClientOptions());

        var error = await Assert.ThrowsAsync<ContactsRequestException>(() => client.GetDeletionStatusAsync(1));

        Assert.Equal(401, error.StatusCode);
        Assert.False(Assert.Single(servers.Foreign.Requests).Headers.ContainsKey("Authorization"));
        // One token request and the redirected call: no refresh was spent on the foreign 401.
        Assert.Equal(2, servers.Allowed.Requests.Count);
        Assert.Equal(1, client.Tokens.TokenRequests);
    }

    [Fact]
    public async Task A_delete_redirected_with_307_reaches_the_foreign_host_without_the_token()
    {
        await using var servers = await ServerPair.StartAsync("127.0.0.2");
        servers.Allowed.Enqueue(new ScriptedResponse(200, TokenResponse));
        servers.Allowed.Enqueue(Redirect(307, servers.ForeignUri("contacts/v1/contacts/actions/delete?type=keys")));
        servers.Foreign.Enqueue(new ScriptedResponse(200, """{"operationInitiated":true,"operationID":5,"resultMessages":[]}"""));
        using var client = new ContactsClient(servers.ClientOptions());

        var started = await client.StartDeletionByKeysAsync(new[] { "contact-1" });

        Assert.Equal(5, started.OperationId);
        var received = Assert.Single(servers.Foreign.Requests);
        Assert.Equal("POST", received.Method);
        Assert.False(received.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task The_client_registered_for_dependency_injection_applies_the_same_rule()
    {
        await using var servers = await ServerPair.StartAsync("127.0.0.2");
        servers.Allowed.Enqueue(new ScriptedResponse(200, TokenResponse));
        servers.Allowed.Enqueue(Redirect(302, servers.ForeignUri("collect")));
        servers.Foreign.Enqueue(new ScriptedResponse(200, StatusBody));
        var options = servers.ClientOptions();
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddContactsSdk(o =>
            {
                o.EndpointOverride = options.EndpointOverride;
                o.ClientId = options.ClientId;
                o.ClientSecret = options.ClientSecret;
            })
            .BuildServiceProvider();

        await provider.GetRequiredService<ContactsClient>().GetDeletionStatusAsync(1);

        Assert.Equal("Bearer " + Token, servers.Allowed.Requests.Last().Headers["Authorization"]);
        Assert.False(Assert.Single(servers.Foreign.Requests).Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task A_redirect_within_the_allowed_endpoint_keeps_working()
    {
        await using var servers = await ServerPair.StartAsync("127.0.0.2");
        servers.Allowed.Enqueue(new ScriptedResponse(200, TokenResponse));
        servers.Allowed.Enqueue(Redirect(302, new Uri(servers.Allowed.BaseAddress, "contacts/v1/moved/status?operationID=1")));
        servers.Allowed.Enqueue(new ScriptedResponse(200, StatusBody));
        using var client = new ContactsClient(servers.ClientOptions());

        var status = await client.GetDeletionStatusAsync(1);

        Assert.Equal("Pending", status.Operation?.Status);
        Assert.Equal("/contacts/v1/moved/status", servers.Allowed.Requests.Last().Path);
        Assert.Equal("Bearer " + Token, servers.Allowed.Requests.Last().Headers["Authorization"]);
        Assert.Empty(servers.Foreign.Requests);
    }

    [Theory]
    [MemberData(nameof(ForeignHosts))]
    public async Task The_pipeline_itself_drops_a_token_bound_for_a_foreign_host_whoever_set_it(string foreignHost)
    {
        // Kiota's redirect handler already drops the header when the authority changes; this is the
        // SDK's own layer under it, for a header set by any other handler or by the caller.
        await using var servers = await ServerPair.StartAsync(foreignHost);
        servers.Foreign.Enqueue(new ScriptedResponse(401, "{}"));
        var options = servers.ClientOptions();
        using var authClient = new HttpClient();
        var tokens = new MarketingCloudTokenProvider(authClient, options);
        using var api = ContactsHttpPipeline.CreateHttpClient(tokens, new ContactsRequestGate(options), options);
        using var request = new HttpRequestMessage(HttpMethod.Get, servers.ForeignUri("collect"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await api.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(Assert.Single(servers.Foreign.Requests).Headers.ContainsKey("Authorization"));
        Assert.Equal(0, tokens.TokenRequests);
        Assert.Empty(servers.Allowed.Requests);
    }

    private static ScriptedResponse Redirect(int status, Uri location) =>
        new(status, "{}", new Dictionary<string, string> { ["Location"] = location.ToString() });

    /// <summary>The allowed endpoint (127.0.0.1) and a foreign server on <c>foreignHost</c>, on another port.</summary>
    private sealed class ServerPair : IAsyncDisposable
    {
        private readonly string _foreignHost;

        private ServerPair(ScriptedServer allowed, ScriptedServer foreign, string foreignHost)
        {
            Allowed = allowed;
            Foreign = foreign;
            _foreignHost = foreignHost;
        }

        public ScriptedServer Allowed { get; }

        public ScriptedServer Foreign { get; }

        public static async Task<ServerPair> StartAsync(string foreignHost)
        {
            var allowed = await ScriptedServer.StartAsync();
            var foreign = await ScriptedServer.StartAsync(foreignHost == "127.0.0.2" ? IPAddress.Parse("127.0.0.2") : IPAddress.Loopback);
            return new ServerPair(allowed, foreign, foreignHost);
        }

        public Uri ForeignUri(string relative) =>
            new(new UriBuilder(Foreign.BaseAddress) { Host = _foreignHost }.Uri, relative);

        public ContactsClientOptions ClientOptions() =>
            new() { EndpointOverride = Allowed.BaseAddress, ClientId = "client", ClientSecret = "secret" };

        public async ValueTask DisposeAsync()
        {
            await Allowed.DisposeAsync();
            await Foreign.DisposeAsync();
        }
    }
}
