using ContactsSdk.Models;
using Xunit;

namespace ContactsSdk.Tests.Generated;

/// <summary>
/// The delete operations list's status as the spec's annotation makes the compiler read it: which
/// values mean the call is still in Marketing Cloud's queue or running, which mean it has ended and
/// how, and what an undocumented value reads as.
/// </summary>
public sealed class DeleteOperationStatusTests
{
    [Theory]
    [InlineData("Pending", ContactDeleteOperationStatus.Pending)]
    [InlineData("Processing", ContactDeleteOperationStatus.Processing)]
    [InlineData("Cancelling", ContactDeleteOperationStatus.Cancelling)]
    public void A_call_waiting_running_or_being_cancelled_is_not_over(string wire, ContactDeleteOperationStatus expected)
    {
        var status = ContactDeleteOperationStatusExtensions.FromWireValue(wire);

        Assert.Equal(expected, status);
        Assert.False(status.IsPhaseOver());
        Assert.Equal(StatusOutcome.InProgress, status.GetOutcome());
    }

    [Theory]
    [InlineData("Completed", ContactDeleteOperationStatus.Completed, StatusOutcome.Succeeded)]
    [InlineData("CompletedWithErrors", ContactDeleteOperationStatus.CompletedWithErrors, StatusOutcome.Failed)]
    [InlineData("Failed", ContactDeleteOperationStatus.Failed, StatusOutcome.Failed)]
    [InlineData("Cancelled", ContactDeleteOperationStatus.Cancelled, StatusOutcome.Cancelled)]
    [InlineData("completedwitherrors", ContactDeleteOperationStatus.CompletedWithErrors, StatusOutcome.Failed)]
    public void A_call_that_left_the_queue_is_over_with_its_outcome(string wire, ContactDeleteOperationStatus expected, StatusOutcome outcome)
    {
        var status = ContactDeleteOperationStatusExtensions.FromWireValue(wire);

        Assert.Equal(expected, status);
        Assert.True(status.IsPhaseOver());
        Assert.Equal(outcome, status.GetOutcome());
    }

    [Theory]
    [InlineData("Queued")]
    [InlineData("")]
    [InlineData(" Completed")]
    [InlineData(null)]
    public void An_undocumented_or_missing_value_reads_as_Pending_and_is_reported_as_unlisted(string? wire)
    {
        Assert.False(ContactDeleteOperationStatusExtensions.TryFromWireValue(wire, out var status));
        Assert.Equal(ContactDeleteOperationStatus.Pending, status);
        Assert.Equal(ContactDeleteOperationStatus.Pending, new ContactDeleteOperation { Status = wire }.GetContactDeleteOperationStatus());
        Assert.False(status.IsPhaseOver());
    }

    [Fact]
    public void The_accessor_reads_the_model_and_a_null_model_reads_as_the_fallback()
    {
        Assert.Equal(ContactDeleteOperationStatus.Failed, new ContactDeleteOperation { Status = "Failed" }.GetContactDeleteOperationStatus());
        Assert.Equal(ContactDeleteOperationStatus.Pending, ((ContactDeleteOperation?)null).GetContactDeleteOperationStatus());
        Assert.Equal("CompletedWithErrors", ContactDeleteOperationStatus.CompletedWithErrors.GetWireValue());
    }
}
