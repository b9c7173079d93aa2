using System;
using System.Threading.Tasks;
using ContactsSdk.Testing.Lifecycle;
using ContactsSdk.Models;
using ContactsSdk.Tests.Support;
using Xunit;

namespace ContactsSdk.Tests.GeneratedRoutes;

/// <summary>The delete and restrict retry routes through the generated client, against the emulator.</summary>
public sealed class RetryTests
{
    [Fact]
    public async Task An_invalid_deletion_is_restarted_and_then_completes()
    {
        await using var tenant = await EmulatedTenant.StartAsync(clock => new()
        {
            TimeProvider = clock,
            NumberOfRestorableDays = 1,
            OutcomeSelector = _ => DeleteOutcome.Invalid,
        });
        var v1 = tenant.Client.Api.Contacts.V1;
        var started = await tenant.Client.StartDeletionByKeysAsync(["contact-1"]);
        var failed = await tenant.Client.WaitForDeletionAsync(started.OperationId);
        Assert.Equal(ContactDeletionState.Invalid, failed.State);

        var retry = await v1.Operations.DeletePath[started.OperationId].Retry.PostAsync();

        Assert.NotNull(retry);
        Assert.Equal(started.OperationId, retry.OperationID);
        Assert.True(retry.OperationRestarted);
        Assert.Empty(retry.ResultMessages!);
        var restarted = await v1.Contacts.Actions.DeletePath.Status.GetAsync(r => r.QueryParameters.OperationID = started.OperationId);
        Assert.Equal(new ContactDeletionStatus(ContactDeletionPhase.Delete, ContactDeletionState.Deleting), restarted.GetDeletionState());
        Assert.Equal(1, restarted!.Operation!.RetryCount);

        var completed = await tenant.Client.WaitForDeletionAsync(started.OperationId);

        Assert.Equal(ContactDeletionState.Deleted, completed.State);
        Assert.True(completed.IsDeleted);
        Assert.Equal(1, completed.LastResponse.Operation!.RetryCount);
    }

    [Fact]
    public async Task A_deletion_that_has_not_failed_is_not_restarted_and_the_answer_says_why()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var v1 = tenant.Client.Api.Contacts.V1;
        var started = await tenant.Client.StartDeletionByKeysAsync(["contact-1"]);

        var running = await v1.Operations.DeletePath[started.OperationId].Retry.PostAsync();
        var unknown = await v1.Operations.DeletePath[started.OperationId + 1000].Retry.PostAsync();

        Assert.False(running!.OperationRestarted);
        Assert.True(running.HasErrors);
        var why = Assert.Single(running.ResultMessages!);
        Assert.Equal("Error", why.ResultClass);
        Assert.Equal("OperationNotRetryable", why.ResultCode);
        Assert.Contains("pending", why.Message, StringComparison.Ordinal);
        Assert.False(unknown!.OperationRestarted);
        Assert.Equal("OperationNotFound", Assert.Single(unknown.ResultMessages!).ResultCode);
        Assert.Equal(0, tenant.Emulator.FindOperation(started.OperationId)!.RetryCount);
    }

    [Fact]
    public async Task A_restriction_is_never_restarted_because_it_never_fails()
    {
        await using var tenant = await EmulatedTenant.StartAsync();
        var v1 = tenant.Client.Api.Contacts.V1;
        var restriction = await v1.Contacts.Actions.Restrict.PostAsync(
            new() { RestrictByKeysRequest = new RestrictByKeysRequest { Values = ["contact-1"] } },
            r => r.QueryParameters.Type = global::ContactsSdk.Contacts.V1.Contacts.Actions.Restrict.PostTypeQueryParameterType.Keys);

        var retry = await v1.Operations.Restrict[restriction!.OperationID!.Value].Retry.PostAsync();

        Assert.Equal(restriction.OperationID, retry!.OperationID);
        Assert.False(retry.OperationRestarted);
        Assert.Equal("OperationNotRetryable", Assert.Single(retry.ResultMessages!).ResultCode);
    }
}
