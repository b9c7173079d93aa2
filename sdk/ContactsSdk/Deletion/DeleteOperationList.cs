using System.Collections.Generic;
using System.Linq;

namespace ContactsSdk;

/// <summary>What <see cref="ContactsClient.ListDeleteOperationsAsync"/> read of the delete operations list.</summary>
public sealed class DeleteOperationList
{
    /// <summary>The operations listed, once each, in the order the service listed them.</summary>
    public IReadOnlyList<ListedDeleteOperation> Operations { get; init; } = [];

    /// <summary>How many pages were requested.</summary>
    public int PagesRead { get; init; }

    /// <summary>The service's <c>count</c>: operations in the whole list (null when it sent none).</summary>
    public long? TotalCount { get; init; }

    /// <summary>
    /// True when the reading reached what it was asked for: the end of the list, or the page that
    /// lists the operation asked for. False when the page limit stopped it first: operations may be
    /// missing, so absence from <see cref="Operations"/> proves nothing.
    /// </summary>
    public bool IsComplete { get; init; }

    /// <summary>The listed operation with this ID, or null when it was not listed.</summary>
    public ListedDeleteOperation? Find(long operationId) => Operations.FirstOrDefault(operation => operation.OperationId == operationId);
}
