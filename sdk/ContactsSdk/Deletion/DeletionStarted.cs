using System.Text.Json.Serialization;
using ContactsSdk.Models;

namespace ContactsSdk;

/// <summary>A deletion the service accepted: follow <see cref="OperationId"/> to its end.</summary>
public sealed record DeletionStarted
{
    // Internal, so that a property can be added without breaking callers; tests use ContactsModelFactory.
    // [JsonConstructor] lets System.Text.Json read back what it wrote (receipts, API answers).
    [JsonConstructor]
    internal DeletionStarted(long operationId, DeleteContactsResponse response)
    {
        OperationId = operationId;
        Response = response;
    }

    /// <summary>The operation to pass to the status route and the wait methods.</summary>
    public long OperationId { get; init; }

    /// <summary>The raw answer of the delete call.</summary>
    public DeleteContactsResponse Response { get; init; }
}
