using ContactsSdk.Models;

namespace ContactsSdk;

/// <summary>A deletion the service accepted: follow <paramref name="OperationId"/> to its end.</summary>
/// <param name="OperationId">The operation to pass to the status route and the wait methods.</param>
/// <param name="Response">The raw answer of the delete call.</param>
public sealed record DeletionStarted(long OperationId, DeleteContactsResponse Response);
