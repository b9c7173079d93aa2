using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace ContactsSdk.Erasure.AspNetCore.Tests;

/// <summary>The dashboard's guards, over plain HTTP: no page or form without a session, no form without its antiforgery token.</summary>
public sealed partial class DashboardGuardTests : IClassFixture<ServiceFixture>
{
    private readonly ServiceProcess _service;

    public DashboardGuardTests(ServiceFixture fixture)
    {
        _service = fixture.Service;
    }

    public static TheoryData<string, string> Routes()
    {
        var routes = new TheoryData<string, string>();
        foreach (var (method, pattern) in ErasureDashboardEndpoints.Routes)
        {
            routes.Add(method, pattern.Replace("{requestId}", "GDPR-ANY", StringComparison.Ordinal));
        }
        return routes;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_dashboard_route_sends_a_caller_without_a_session_to_the_sign_in(string method, string path)
    {
        // An API key opens the API, not the dashboard.
        foreach (var withApiKey in new[] { false, true })
        {
            using var client = Client(new CookieContainer());
            if (withApiKey)
            {
                client.DefaultRequestHeaders.Add("X-Api-Key", ServiceProcess.ApiKey);
            }
            using var request = new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = method == "POST" ? new FormUrlEncodedContent(new Dictionary<string, string> { ["requestId"] = "GUARD-1", ["contactKeys"] = "guard-key" }) : null,
            };
            using var response = await client.SendAsync(request);

            Assert.True(response.StatusCode is HttpStatusCode.Found or HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.Found)
            {
                Assert.Equal("/sign-in", response.Headers.Location!.AbsolutePath);
            }
        }
        using var api = _service.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/erasures/GUARD-1")).StatusCode);
    }

    [Fact]
    public async Task A_form_without_its_antiforgery_token_changes_nothing()
    {
        var cookies = new CookieContainer();
        using var client = Client(cookies);
        var signIn = await client.GetStringAsync("/sign-in");
        using var signedIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(signIn).Groups[1].Value,
            ["name"] = "Mallory's victim",
        }));
        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

        // What a forged cross-site form would send: the session cookie, no token.
        using var forged = await client.PostAsync("/submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["requestId"] = "CSRF-1", ["contactKeys"] = "csrf-key" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Nothing was changed", await forged.Content.ReadAsStringAsync());
        using var api = _service.Client();
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/erasures/CSRF-1")).StatusCode);

        using var forgedVerify = await client.PostAsync("/verify", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, forgedVerify.StatusCode);
    }

    [Fact]
    public async Task A_rejected_submission_comes_back_filled_in_with_what_is_wrong()
    {
        var cookies = new CookieContainer();
        using var client = Client(cookies);
        var signIn = await client.GetStringAsync("/sign-in");
        await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Token().Match(signIn).Groups[1].Value, ["name"] = "Ada" }));
        var form = await client.GetStringAsync("/submit");

        using var rejected = await client.PostAsync("/submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Token().Match(form).Groups[1].Value,
            ["requestId"] = "BAD-<1>",
            ["contactKeys"] = "kept-key-1\nkept-key-2",
            ["deadline"] = "soon",
        }));
        var page = await rejected.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains("Not submitted: &#x27;deadline&#x27; is gdpr, ccpa or a number of days such as 30d.", page);
        Assert.Contains(">kept-key-1&#xA;kept-key-2</textarea>", page);
        Assert.Contains("value=\"BAD-&lt;1&gt;\"", page);
        Assert.DoesNotContain("BAD-<1>", page);
    }

    [Fact]
    public async Task The_development_sign_in_refuses_an_empty_name_and_never_redirects_off_site()
    {
        using var client = Client(new CookieContainer());
        var form = await client.GetStringAsync("/sign-in?returnUrl=%2F%2Fevil.example%2F");
        Assert.Contains("Development only", form);
        Assert.Contains("name=\"returnUrl\" value=\"/\"", form);
        var token = Token().Match(form).Groups[1].Value;

        using var empty = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["name"] = "  " }));
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Give a name of 1 to 100 characters.", await empty.Content.ReadAsStringAsync());

        using var offSite = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["name"] = "Ada",
            ["returnUrl"] = "//evil.example/",
        }));
        Assert.Equal(HttpStatusCode.Found, offSite.StatusCode);
        Assert.Equal("/", offSite.Headers.Location!.OriginalString);
    }

    private HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = _service.Address, Timeout = TimeSpan.FromSeconds(60) };

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
