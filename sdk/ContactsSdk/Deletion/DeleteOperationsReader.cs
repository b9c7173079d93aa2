using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk;

namespace ContactsSdk;

/// <summary>
/// Pages through the delete operations list: to its end, to the page that lists an operation of
/// interest, or to a page limit, whichever comes first.
/// </summary>
/// <remarks>
/// The list's order is not documented, so the reading stops on what a page says, never on how IDs
/// compare. A page ends the list when it is empty, when the rows read reach the service's
/// <c>count</c>, or (without a count) when it is shorter than the page size the service reports.
/// Operations are kept once each: a new operation arriving between two pages shifts the rest, so one
/// can show up on two pages.
/// </remarks>
internal sealed class DeleteOperationsReader(ContactsApiClient api)
{
    public async Task<DeleteOperationList> ReadAsync(long? untilOperationId, int pageSize, int maxPages, CancellationToken cancellationToken)
    {
        var operations = new List<ListedDeleteOperation>();
        var seen = new HashSet<long>();
        long rowsRead = 0;
        long? totalCount = null;
        for (var page = 1; page <= maxPages; page++)
        {
            var number = page;
            var response = await api.Contacts.V1.Contacts.DeleteOperations.GetAsync(r =>
            {
                r.QueryParameters.Page = number;
                r.QueryParameters.PageSize = pageSize;
            }, cancellationToken).ConfigureAwait(false)
                ?? throw new ContactsRequestException("The delete operations page came back with an empty body.", statusCode: 200);
            ContactsServiceException.ThrowIfFailed(response, "Reading the delete operations");

            var items = response.Items ?? [];
            var found = false;
            foreach (var item in items)
            {
                if (ListedDeleteOperation.From(item) is { } operation && seen.Add(operation.OperationId))
                {
                    operations.Add(operation);
                }
                found |= item.OperationID is { } id && id == untilOperationId;
            }
            rowsRead += items.Count;
            totalCount = response.Count;

            var lastPage = items.Count == 0
                || (totalCount is { } count ? rowsRead >= count : items.Count < (response.PageSize ?? pageSize));
            if (lastPage || found)
            {
                return new DeleteOperationList { Operations = operations, PagesRead = page, TotalCount = totalCount, IsComplete = true };
            }
        }

        return new DeleteOperationList { Operations = operations, PagesRead = maxPages, TotalCount = totalCount, IsComplete = false };
    }
}
