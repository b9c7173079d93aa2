using System.Collections.Generic;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Contacts.V1.Contacts.Actions.Restrict;
using ContactsSdk.Models;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.GeneratedRoutes;

/// <summary>The restrict route and its status route through the generated client, against the emulator.</summary>
public sealed class RestrictionTests
{
    [Fact]
    public async Task A_restriction_goes_from_pending_to_restricted_and_the_generated_interpretation_follows()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var restrict = tenant.Client.Api.Contacts.V1.Contacts.Actions.Restrict;

        var started = await restrict.PostAsync(
            new RestrictRequestBuilder.RestrictPostRequestBody { RestrictByKeysRequest = new RestrictByKeysRequest { Values = ["contact-1", "contact-2"] } },
            r => r.QueryParameters.Type = PostTypeQueryParameterType.Keys);

        Assert.NotNull(started);
        Assert.True(started.OperationInitiated);
        Assert.False(started.HasErrors);
        var operationId = started.OperationID!.Value;
        var pending = await restrict.Status.GetAsync(r => r.QueryParameters.OperationID = operationId);
        var pendingState = pending.GetRestrictionState();
        Assert.Equal(ContactRestrictionPhase.Restriction, pendingState.Phase);
        Assert.Equal(ContactRestrictionState.RestrictionPending, pendingState.State);
        Assert.False(pendingState.IsTerminal);
        Assert.Equal(RestrictionStatus.Pending, pending!.Operation.GetRestrictionStatus());
        Assert.Equal(operationId, pending.Operation!.OperationID);
        Assert.Equal(2, pending.Operation.ExpectedListCount);
        Assert.Equal(started.RequestServiceMessageID, pending.Operation.OperationRequestID);
        Assert.Equal(0, pending.Operation.RetryCount);
        Assert.False(pending.Operation.IsRestrictedForProcessing);
        Assert.Empty(pending.BackgroundOperationsSummary!);
        Assert.Equal(-1, pending.NumberofRestorableDays);

        tenant.Clock.Advance(EmulatorOptions.DefaultPendingDuration);
        var restricted = await restrict.Status.GetAsync(r => r.QueryParameters.OperationID = operationId);

        var state = restricted.GetRestrictionState();
        Assert.Equal(ContactRestrictionState.Restricted, state.State);
        Assert.True(state.IsTerminal);
        Assert.True(state.IsFullyProcessed);
        Assert.Equal(RestrictionStatus.Completed, restricted!.Operation.GetRestrictionStatus());
        Assert.Equal("Completed", restricted.Operation!.Status);
        Assert.True(restricted.Operation.IsRestrictedForProcessing);
        Assert.Equal(2, restricted.Operation.ActualListCount);
        Assert.Equal(["contact-1", "contact-2"], tenant.Emulator.FindRestriction(operationId)!.Request.Keys);
    }

    [Fact]
    public async Task Restrictions_by_ids_and_by_list_reference_reach_the_emulator_with_their_shape()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var restrict = tenant.Client.Api.Contacts.V1.Contacts.Actions.Restrict;

        var byIds = await restrict.PostAsync(
            new RestrictRequestBuilder.RestrictPostRequestBody { RestrictByIdsRequest = new RestrictByIdsRequest { Values = new List<long?> { 193655592L, 1234567923123123L } } },
            r => r.QueryParameters.Type = PostTypeQueryParameterType.Ids);
        var byList = await restrict.PostAsync(
            new RestrictRequestBuilder.RestrictPostRequestBody
            {
                RestrictByListReferenceRequest = new RestrictByListReferenceRequest
                {
                    TargetList = new TargetList { ListKey = "RestrictQueue", ListType = new ListType { ListTypeID = 3 } },
                    DeleteListWhenCompleted = false,
                    DeleteListContentsWhenCompleted = true,
                },
            },
            r => r.QueryParameters.Type = PostTypeQueryParameterType.ListReference);

        var ids = tenant.Emulator.FindRestriction(byIds!.OperationID!.Value)!.Request;
        Assert.Equal(DeleteRequestType.Ids, ids.Type);
        Assert.Equal([193655592L, 1234567923123123L], ids.Ids);
        var list = tenant.Emulator.FindRestriction(byList!.OperationID!.Value)!.Request;
        Assert.Equal(DeleteRequestType.ListReference, list.Type);
        Assert.Equal("RestrictQueue", list.ListKey);
        Assert.Equal(3, list.ListTypeId);
        Assert.True(list.DeleteListContentsWhenCompleted);
        var status = await restrict.Status.GetAsync(r => r.QueryParameters.OperationID = byList.OperationID);
        Assert.Equal("RestrictQueue", status!.Operation!.ListKey);
    }

    [Fact]
    public async Task A_restriction_the_service_refuses_comes_back_with_HTTP_200_and_its_errors()
    {
        await using var tenant = await EmulatedTenant.StartAsync();

        var refused = await tenant.Client.Api.Contacts.V1.Contacts.Actions.Restrict.PostAsync(
            new RestrictRequestBuilder.RestrictPostRequestBody { RestrictByKeysRequest = new RestrictByKeysRequest { Values = [] } },
            r => r.QueryParameters.Type = PostTypeQueryParameterType.Keys);

        Assert.False(refused!.OperationInitiated);
        Assert.True(refused.HasErrors);
        Assert.Null(refused.OperationID);
        Assert.Equal("ValuesRequired", Assert.Single(refused.ResultMessages!).ResultCode);
        Assert.Empty(tenant.Emulator.Restrictions);
    }

    [Fact]
    public async Task An_unknown_restriction_reads_as_pending_and_carries_the_service_error()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var deletion = await tenant.Client.StartDeletionByKeysAsync(["contact-1"]);

        // A deletion's ID names no restriction.
        var unknown = await tenant.Client.Api.Contacts.V1.Contacts.Actions.Restrict.Status.GetAsync(r => r.QueryParameters.OperationID = deletion.OperationId);

        Assert.True(unknown!.HasErrors);
        Assert.Null(unknown.Operation);
        Assert.Equal("OperationNotFound", Assert.Single(unknown.ResultMessages!).ResultCode);
        // No operation: never read as restricted.
        Assert.Equal(ContactRestrictionState.RestrictionPending, unknown.GetRestrictionState().State);
    }
}
