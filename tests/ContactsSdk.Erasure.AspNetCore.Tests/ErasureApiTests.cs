using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Evidence;
using Xunit;

namespace ContactsSdk.Erasure.AspNetCore.Tests;

/// <summary>The erasure API of the sample service, run as a process on a real port against its embedded emulator: each endpoint's answer, its problems, and its guard.</summary>
public sealed class ErasureApiTests : IClassFixture<ServiceFixture>
{
    private readonly ServiceProcess _service;

    public ErasureApiTests(ServiceFixture fixture)
    {
        _service = fixture.Service;
    }

    [Fact]
    public async Task No_endpoint_of_the_API_answers_without_a_key_or_with_a_wrong_one()
    {
        using var anonymous = _service.Client(authorized: false);
        using var wrong = _service.Client(authorized: false);
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-the-key");
        // Every operation the service describes: the description is produced from the endpoints themselves.
        var description = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = description.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Method: operation.Name.ToUpperInvariant(), Path: path.Name)))
            .Where(o => o.Path.StartsWith("/erasures", StringComparison.Ordinal)).ToList();
        Assert.Equal(15, operations.Count);

        foreach (var (method, template) in operations)
        {
            var path = template.Replace("{requestId}", "GDPR-ANY", StringComparison.Ordinal).Replace("{endpoint}", "any-endpoint", StringComparison.Ordinal);
            foreach (var client in new[] { anonymous, wrong })
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
                using var response = await client.SendAsync(request);
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task An_erasure_is_submitted_followed_to_its_receipt_and_proven_over_HTTP()
    {
        using var client = _service.Client();
        var submitted = await PostAsync(client, "/erasures", new { requestId = "API-100", contactKeys = new[] { "api-contact-secret-1" }, deadline = "ccpa" });
        Assert.Equal(("API-100", "ContactKeys", 1), (submitted.GetProperty("requestId").GetString(), submitted.GetProperty("subjectKind").GetString(), submitted.GetProperty("subjectCount").GetInt32()));
        // Submitting again is the same erasure.
        Assert.Equal(submitted.GetProperty("erasureId").GetString(), (await PostAsync(client, "/erasures", new { requestId = "API-100", contactKeys = new[] { "api-contact-secret-1" }, deadline = "ccpa" })).GetProperty("erasureId").GetString());

        var detail = await WaitForStateAsync(client, "API-100", "Closed");
        Assert.Equal("Deleted", detail.GetProperty("erasure").GetProperty("verdict").GetString());
        var kinds = detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["submitted", "intent-to-send", "accepted"], kinds.Take(3));
        Assert.Equal("receipt", kinds[^1]);

        var receipt = await client.GetStringAsync("/erasures/API-100/receipt");
        Assert.Contains("\"requestId\":\"API-100\"", receipt);
        var evidence = ReceiptEvidence.Parse(await client.GetStringAsync("/erasures/API-100/evidence"));
        Assert.Equal(receipt, evidence.Receipt);
        Assert.Empty(evidence.Verify([_service.SigningKey()]));

        var csv = await client.GetStringAsync($"/erasures/ledger/csv?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}");
        Assert.Contains("\nAPI-100,", csv);

        using var verify = await client.PostAsync("/erasures/ledger/verify", null);
        Assert.True((await verify.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("isIntact").GetBoolean());
        using var digest = await client.PostAsync("/erasures/ledger/digest", null);
        var digestJson = await digest.Content.ReadAsStringAsync();
        using var check = await client.PostAsync("/erasures/ledger/verify-digest", new StringContent(digestJson, System.Text.Encoding.UTF8, "application/json"));
        var consistency = await check.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(consistency.TryGetProperty("isConsistent", out var consistent) && consistent.GetBoolean(), digestJson + "\n" + consistency);

        // No subject in any log line of the whole run.
        Assert.DoesNotContain(_service.Output, line => line.Contains("api-contact-secret-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_list_filters_by_state_and_pages_with_a_cursor()
    {
        using var client = _service.Client();
        foreach (var i in Enumerable.Range(1, 3))
        {
            await PostAsync(client, "/erasures", new { requestId = $"API-LIST-{i}", contactIds = new[] { 5000 + i } });
        }
        // Each may ride another shared request: wait for all three, not only the last.
        foreach (var i in Enumerable.Range(1, 3))
        {
            await WaitForStateAsync(client, $"API-LIST-{i}", "Closed");
        }

        var seen = new List<string>();
        string? next = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>("/erasures?state=Closed&limit=2" + (next is null ? "" : "&after=" + next));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            Assert.InRange(items.Count, 0, 2);
            Assert.All(items, i => Assert.Equal("Closed", i.GetProperty("state").GetString()));
            seen.AddRange(items.Select(i => i.GetProperty("requestId").GetString()!));
            next = page.GetProperty("next").ValueKind == JsonValueKind.Null ? null : page.GetProperty("next").GetString();
        }
        while (next is not null);
        Assert.Contains("API-LIST-1", seen);
        Assert.Contains("API-LIST-3", seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Theory]
    [InlineData("POST", "/erasures", "{\"requestId\":\"API-BAD\"}", 400, "Give exactly one of 'contactKeys', 'contactIds' and 'emailAddresses'")]
    [InlineData("POST", "/erasures", "{\"requestId\":\"API-BAD\",\"contactKeys\":[\"k\"],\"deadline\":\"soon\"}", 400, "'deadline' is gdpr, ccpa or a number of days")]
    [InlineData("GET", "/erasures/API-NOBODY", null, 404, "No erasure has request ID 'API-NOBODY'.")]
    [InlineData("GET", "/erasures/API-NOBODY/receipt", null, 404, "No erasure has request ID 'API-NOBODY'.")]
    [InlineData("GET", "/erasures?limit=0", null, 400, "'limit' is 1 to 1000.")]
    [InlineData("GET", "/erasures?accountId=0", null, 400, "accountId")]
    [InlineData("GET", "/erasures?state=Vanished", null, 400, "state")]
    [InlineData("GET", "/erasures?after=not-a-cursor", null, 400, "'after' is not a cursor this API returned.")]
    [InlineData("POST", "/erasures/API-NOBODY/deadline", "{\"dueAt\":\"2030-01-01T00:00:00Z\",\"reason\":\"whenever\"}", 400, "a 'reason' of complexity, number-of-requests or other")]
    [InlineData("POST", "/erasures/API-NOBODY/reconciliation", "{}", 400, "Give either 'operationId'")]
    [InlineData("POST", "/erasures/API-NOBODY/reconciliation", "{\"noneMatches\":true}", 404, "No erasure has request ID 'API-NOBODY'.")]
    [InlineData("POST", "/erasures/ledger/verify-digest", "{\"schema\":\"other\"}", 400, "The body is not a ledger digest")]
    [InlineData("GET", "/erasures/ledger/csv?from=2026-02-01&to=2026-01-01", null, 400, "The CSV needs 'from' and a later 'to'.")]
    public async Task Bad_requests_get_problem_details_that_name_what_is_wrong(string method, string path, string? body, int status, string detail)
    {
        using var client = _service.Client();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Extending_or_reconciling_a_closed_erasure_is_a_conflict_and_health_is_ready()
    {
        using var client = _service.Client();
        await PostAsync(client, "/erasures", new { requestId = "API-EXT", contactKeys = new[] { "api-contact-ext" } });
        await WaitForStateAsync(client, "API-EXT", "Closed");

        using var extend = await client.PostAsJsonAsync("/erasures/API-EXT/deadline", new { dueAt = DateTimeOffset.UtcNow.AddMonths(2), reason = "complexity" });
        Assert.Equal(HttpStatusCode.Conflict, extend.StatusCode);
        using var decide = await client.PostAsJsonAsync("/erasures/API-EXT/reconciliation", new { noneMatches = true });
        Assert.Equal(HttpStatusCode.Conflict, decide.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await client.GetFromJsonAsync<JsonElement>("/erasures/ledger/reconciliations")).ValueKind);

        using var anonymous = _service.Client(authorized: false);
        Assert.Equal("Healthy", await anonymous.GetStringAsync("/health/ready"));
        Assert.Equal("Healthy", await anonymous.GetStringAsync("/health/live"));
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> WaitForStateAsync(HttpClient client, string requestId, string state)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var detail = await client.GetFromJsonAsync<JsonElement>($"/erasures/{requestId}");
            if (detail.GetProperty("erasure").GetProperty("state").GetString() == state)
            {
                return detail;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"{requestId} did not reach {state}: {detail}");
            await Task.Delay(200);
        }
    }
}
