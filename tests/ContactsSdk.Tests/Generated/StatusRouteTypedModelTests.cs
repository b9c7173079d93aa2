using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ContactsSdk.Models;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.Generated;

/// <summary>
/// The seed examples read through the generated client, field by field, with the types the spec
/// chose: integers as numbers, booleans as booleans, offset-less timestamps untouched as text and
/// responseDateTime with its own offset.
/// </summary>
public sealed class StatusRouteTypedModelTests : IAsyncLifetime
{
    private ScriptedServer _server = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _server = await ScriptedServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private async Task<DeleteStatusResponse> GetAsync(string exampleName, long operationId)
    {
        _server.Enqueue(new ScriptedResponse(200, StatusRouteFixtures.Example(exampleName)));
        var client = GeneratedClientFactory.Create(_server.BaseAddress, _http);
        var response = await client.Contacts.V1.Contacts.Actions.DeletePath.Status.GetAsync(r => r.QueryParameters.OperationID = operationId);
        return Assert.IsType<DeleteStatusResponse>(response);
    }

    [Fact]
    public async Task The_request_goes_to_the_status_path_with_the_operation_id_in_the_query()
    {
        await GetAsync(StatusRouteFixtures.SuppressionPhaseCompleted, 9_876_543_210);

        var request = Assert.Single(_server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/contacts/v1/contacts/actions/delete/status", request.Path);
        Assert.Equal("?operationID=9876543210", request.QueryString);
        Assert.Contains("application/json", request.Headers["Accept"]);
    }

    [Fact]
    public async Task First_example_suppression_phase_completed()
    {
        var response = await GetAsync(StatusRouteFixtures.SuppressionPhaseCompleted, 2);

        var operation = Assert.IsType<DeleteOperation>(response.Operation);
        Assert.Equal(5, operation.ListTypeID);
        Assert.Equal("037c2811-ce62-4381-b3d2-1936e51fbf4d", operation.ListIdentifier);
        Assert.Equal("037c2811-ce62-4381-b3d2-1936e51fbf4d", operation.ListKey);
        Assert.Equal(1, operation.ExpectedListCount);
        Assert.Equal("ContactAndAttributes", operation.DeleteType);
        Assert.False(operation.DeleteListOnCompleted);
        Assert.Equal(2L, operation.OperationID);
        Assert.Equal(12345L, operation.EID);
        Assert.Equal(12345L, operation.MID);
        Assert.Equal(30980L, operation.EmployeeID);
        Assert.Equal("21d0d10d-a15a-413c-bc3e-8b43b185e551", operation.OperationRequestID);
        Assert.Null(operation.RequestID);
        Assert.Equal("Completed", operation.Status);
        Assert.Equal("2016-06-14T16:01:58.107", operation.ScheduledTime);
        Assert.Null(operation.ScheduledDate);
        Assert.Equal(0, operation.RetryCount);
        Assert.Equal("2016-06-14T16:02:00", operation.CreatedDate);
        Assert.Equal(30980L, operation.CreatedBy);
        Assert.Equal("2016-06-14T16:02:00", operation.ModifiedDate);
        Assert.Equal(30980L, operation.ModifiedBy);

        Assert.Equal("93631be1-107f-4239-a8b7-cdae245d7403", response.RequestServiceMessageID);
        Assert.Equal("00e6add8-d79a-4bd6-9568-2f2a272538f0", response.ServiceMessageID);
        Assert.NotNull(response.ResultMessages);
        Assert.Empty(response.ResultMessages);
        Assert.Null(response.ResponseDateTime);
        Assert.Null(response.BackgroundOperationsSummary);
        Assert.Null(response.OperationMappings);
        Assert.Null(response.NumberofRestorableDays);
    }

    [Fact]
    public async Task Second_example_suppression_phase_pending()
    {
        var response = await GetAsync(StatusRouteFixtures.SuppressionPhasePending, 1);

        Assert.NotNull(response.OperationMappings);
        Assert.Empty(response.OperationMappings);
        Assert.Equal(14, response.NumberofRestorableDays);
        Assert.Null(response.BackgroundOperationsSummary);
        AssertSharedOperationFields(response.Operation);
        var operation = response.Operation!;
        Assert.Equal("c79583e2-cc79-4a38-8378-52714b00eaa1", operation.RequestID);
        Assert.Null(operation.OperationRequestID);
        Assert.Equal("Pending", operation.Status);
        Assert.Equal("2019-07-02T14:24:48.013", operation.ScheduledDate);
        Assert.Null(operation.ScheduledTime);
        Assert.Equal("2019-07-02T14:24:48.013", operation.StartDate);
        Assert.Equal("2019-07-02T14:24:48.013", operation.EndDate);
        Assert.Equal("2019-07-02T14:25:00", operation.CreatedDate);
        Assert.Equal("2019-07-02T14:25:00", operation.ModifiedDate);

        Assert.Equal("450f5391-3850-4d00-a0d7-3f3bb55abee3", response.RequestServiceMessageID);
        Assert.Equal(new DateTimeOffset(2019, 7, 2, 14, 24, 48, TimeSpan.FromHours(-4)).AddTicks(5030664), response.ResponseDateTime);
        Assert.Equal(TimeSpan.FromHours(-4), response.ResponseDateTime!.Value.Offset);
        Assert.Empty(response.ResultMessages!);
        Assert.Equal("99e75027-deed-4441-b94a-bdfd335e730f", response.ServiceMessageID);
    }

    [Fact]
    public async Task Third_example_delete_phase_processing()
    {
        var response = await GetAsync(StatusRouteFixtures.DeletePhaseProcessing, 1);

        Assert.Empty(response.OperationMappings!);
        var background = Assert.Single(response.BackgroundOperationsSummary!);
        Assert.Equal(1L, background.BackgroundOperationID);
        Assert.Equal("2019-07-02T14:27:42.4039", background.CreatedDate);
        Assert.Equal("Processing", background.BackgroundOperationStatusID);
        Assert.Equal(14, response.NumberofRestorableDays);
        AssertSharedOperationFields(response.Operation);
        var operation = response.Operation!;
        Assert.Equal("3b475bee-aa37-4aa4-9fcc-c58d2f9e6242", operation.RequestID);
        Assert.Equal("Completed", operation.Status);
        Assert.Equal("2019-07-02T14:27:42.383", operation.ScheduledDate);
        Assert.Equal("2019-07-02T14:27:42.383", operation.StartDate);
        Assert.Equal("2019-07-02T14:27:42.383", operation.EndDate);
        Assert.Equal("2019-07-02T14:28:00", operation.CreatedDate);
        Assert.Equal("2019-07-02T14:28:00", operation.ModifiedDate);

        Assert.Equal("e35a0144-8b75-4d9b-b75f-9c51037333d6", response.RequestServiceMessageID);
        Assert.Equal(new DateTimeOffset(2019, 7, 2, 14, 27, 42, TimeSpan.FromHours(-4)).AddTicks(9189678), response.ResponseDateTime);
        Assert.Empty(response.ResultMessages!);
        Assert.Equal("e72e7086-3019-43e0-8858-088c7864d6c9", response.ServiceMessageID);
    }

    /// <summary>Fields the second and third examples share, with the same values.</summary>
    private static void AssertSharedOperationFields(DeleteOperation? operation)
    {
        Assert.NotNull(operation);
        Assert.Equal(0, operation.ContextType);
        Assert.False(operation.IsRestrictedForProcessing);
        Assert.Equal(1, operation.ListTypeID);
        Assert.Equal("TestListInput", operation.ListIdentifier);
        Assert.Equal("TestListInput.Key", operation.ListKey);
        Assert.Equal(1, operation.ExpectedListCount);
        Assert.Equal("ContactAndAttributes", operation.DeleteType);
        Assert.False(operation.DeleteListOnCompleted);
        Assert.False(operation.ErrorsOccurredInBatchProcess);
        Assert.Equal("Completed", operation.LastProcessedMilestone);
        Assert.Equal(1L, operation.OperationID);
        Assert.Equal(10650003L, operation.EID);
        Assert.Equal(10650003L, operation.MID);
        Assert.Equal(-1000L, operation.EmployeeID);
        Assert.Equal(0, operation.RetryCount);
        Assert.Equal(-1000L, operation.CreatedBy);
        Assert.Equal(-1000L, operation.ModifiedBy);
    }
}
