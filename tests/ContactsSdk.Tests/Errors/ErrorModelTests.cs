using System;
using System.Threading.Tasks;
using ContactsSdk.Models;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Tests.Support;
using Microsoft.Kiota.Abstractions;
using Xunit;

namespace ContactsSdk.Tests.Errors;

/// <summary>
/// One error model: every failure of a call, through <see cref="ContactsClient"/>'s methods or the
/// generated routes of <see cref="ContactsClient.Api"/>, is a <see cref="ContactsSdkException"/>
/// carrying the HTTP status, Marketing Cloud's error code, the service message ID and whether the
/// outcome is unknown. Kiota's <see cref="ApiException"/> stays inside, never thrown.
/// </summary>
public sealed class ErrorModelTests
{
    [Fact]
    public async Task A_gateway_refusal_on_a_generated_route_is_a_ContactsRequestException_with_its_status_and_code()
    {
        await using var tenant = await EmulatedTenant.StartAsync();

        // A window start with an offset: the emulator refuses it with a 400 gateway error, as Marketing Cloud does.
        var error = await Assert.ThrowsAsync<ContactsRequestException>(() => tenant.Client.Api.Contacts.V1.Contacts.Analytics.Deleterequests.GetAsync(r =>
        {
            r.QueryParameters.Startdateutc = "2026-01-05T00:00:00+01:00";
            r.QueryParameters.Enddateutc = "2026-01-06T00:00:00";
        }));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(0, error.GatewayErrorCode);
        Assert.False(error.IsOutcomeUnknown);
        Assert.Contains("HTTP 400 (errorcode 0)", error.Message, StringComparison.Ordinal);
        Assert.Contains("startdateutc", error.Message, StringComparison.Ordinal);
        // The generated error model stays reachable, with its documentation link.
        var gateway = Assert.IsType<GatewayError>(error.InnerException);
        Assert.False(string.IsNullOrEmpty(gateway.Documentation));
        // A refusal is final: it was sent once.
        Assert.Equal(1, tenant.Emulator.Statistics.RequestsTo(EmulatorRoute.DeleteRequests));
    }

    [Fact]
    public async Task A_refusal_on_a_route_whose_spec_maps_no_error_model_still_carries_its_status()
    {
        await using var tenant = await EmulatedTenant.StartAsync();

        // The status route without its operationID: refused with 400; the spec gives this answer no model.
        var error = await Assert.ThrowsAsync<ContactsRequestException>(() => tenant.Client.Api.Contacts.V1.Contacts.Actions.DeletePath.Status.GetAsync());

        Assert.Equal(400, error.StatusCode);
        Assert.False(error.IsOutcomeUnknown);
        Assert.IsAssignableFrom<ApiException>(error.InnerException);
        Assert.Equal(1, tenant.Emulator.Statistics.StatusRequests);
    }

    [Fact]
    public async Task A_server_error_on_every_try_of_a_generated_GET_says_the_outcome_is_unknown_and_was_retried_by_the_policy()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(["contact-1"]);
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.ServiceUnavailable(), times: 10);

        var error = await Assert.ThrowsAsync<ContactsRequestException>(() =>
            tenant.Client.Api.Contacts.V1.Contacts.Actions.DeletePath.Status.GetAsync(r => r.QueryParameters.OperationID = started.OperationId));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(50300, error.GatewayErrorCode);
        Assert.True(error.IsOutcomeUnknown);
        Assert.IsAssignableFrom<ApiException>(error.InnerException);
        Assert.Equal(1 + ContactsSdk.ContactsRetryOptions.DefaultMaxRetries, tenant.Emulator.Statistics.StatusRequests);
    }

    [Fact]
    public async Task An_unreadable_answer_on_a_generated_route_is_a_ContactsRequestException_whose_outcome_is_unknown()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var started = await tenant.Client.StartDeletionByKeysAsync(["contact-1"]);
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.MalformedJson());

        var error = await Assert.ThrowsAsync<ContactsRequestException>(() =>
            tenant.Client.Api.Contacts.V1.Contacts.Actions.DeletePath.Status.GetAsync(r => r.QueryParameters.OperationID = started.OperationId));

        Assert.True(error.IsOutcomeUnknown);
        Assert.Contains("could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_that_is_never_made_on_a_generated_route_is_a_ContactsRequestException_without_a_status()
    {
        await using var tenant = await InstrumentedTenant.StartAsync(new TenantSetup { ApiConnections = ConnectionGate.RefusingFirst(int.MaxValue) });

        var error = await Assert.ThrowsAsync<ContactsRequestException>(() =>
            tenant.Client.Api.Contacts.V1.Contacts.Actions.DeletePath.Status.GetAsync(r => r.QueryParameters.OperationID = 1));

        Assert.Null(error.StatusCode);
        Assert.False(error.IsOutcomeUnknown);
        Assert.Equal(System.Net.Http.HttpRequestError.ConnectionError, Assert.IsType<System.Net.Http.HttpRequestException>(error.InnerException).HttpRequestError);
        Assert.Equal(0, tenant.Emulator.Statistics.StatusRequests);
    }

    [Fact]
    public async Task A_server_error_on_a_delete_is_an_outcome_unknown_deletion_carrying_the_status_and_code()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Delete, Fault.InternalServerError());

        var error = await Assert.ThrowsAsync<DeletionOutcomeUnknownException>(() => tenant.Client.StartDeletionByKeysAsync(["contact-1"]));

        Assert.True(error.IsOutcomeUnknown);
        Assert.Equal(500, error.StatusCode);
        Assert.Equal(0, error.GatewayErrorCode);
        Assert.IsType<ContactsRequestException>(error.InnerException);
        Assert.Equal(1, tenant.Emulator.Statistics.DeleteRequests);
    }

    [Fact]
    public async Task A_service_error_answered_with_200_carries_its_result_codes_and_service_message_id()
    {
        await using var tenant = await EmulatedTenant.StartAsync();

        // An operation the emulator never started: the status route answers 200 with an error result.
        var error = await Assert.ThrowsAsync<ContactsServiceException>(() => tenant.Client.GetDeletionStatusAsync(987_654));

        Assert.Equal(200, error.StatusCode);
        Assert.NotEmpty(error.ResultCodes);
        Assert.All(error.ResultCodes, code => Assert.False(string.IsNullOrWhiteSpace(code)));
        Assert.False(string.IsNullOrEmpty(error.ServiceMessageId));
        Assert.False(error.IsOutcomeUnknown);
        Assert.Null(error.GatewayErrorCode);
    }

    [Fact]
    public async Task A_rate_limit_carries_429_and_the_gateway_code_in_the_base()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var options = EmulatedTenant.OptionsFor(tenant.Emulator);
        options.Retry.MaxRetries = 0;
        using var client = new ContactsClient(options, tenant.Clock);
        tenant.Emulator.Faults.Enqueue(EmulatorRoute.Status, Fault.TooManyRequests(TimeSpan.FromSeconds(5)));

        ContactsSdkException error = await Assert.ThrowsAsync<ContactsRateLimitException>(() => client.GetDeletionStatusAsync(1));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(ContactsRateLimitException.RateLimitedErrorCode, error.GatewayErrorCode);
        Assert.False(error.IsOutcomeUnknown);
    }
}
