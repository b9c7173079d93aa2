using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Http;
using ContactsSdk;
using ContactsSdk.Models;

namespace ContactsSdk;

/// <summary>
/// One look at many deletions at once: the analytics delete-requests route, paged newest operation
/// first, down to the oldest operation still followed. A page lists up to a thousand operations, so
/// the status of thousands of deletions costs a handful of requests.
/// </summary>
/// <remarks>
/// What a sweep shows only decides which operations deserve a status read; the status route stays
/// the authority for every state and verdict.
/// </remarks>
internal sealed class DeleteRequestSweep
{
    private const string NewestFirst = "operationId desc";
    private readonly ContactsApiClient _api;
    private readonly bool _retried;

    /// <param name="api">The generated client.</param>
    /// <param name="retried">
    /// Whether the pipeline's retry policy applies: false for the sweeps of a deletion wait, whose
    /// own loop counts and spaces failed sweeps.
    /// </param>
    public DeleteRequestSweep(ContactsApiClient api, bool retried = true)
    {
        _api = api;
        _retried = retried;
    }

    /// <summary>
    /// The delete requests received in [<paramref name="from"/>, <paramref name="to"/>), down to the page
    /// that reaches an operation older than <paramref name="oldestOperationId"/> (every page when null).
    /// </summary>
    /// <returns>The requests by operation ID, and how many pages were read.</returns>
    public async Task<(IReadOnlyDictionary<long, DeleteRequestDetails> Requests, int Pages)> ReadAsync(
        DateTimeOffset from, DateTimeOffset to, long? oldestOperationId, int pageSize, CancellationToken cancellationToken)
    {
        var requests = new Dictionary<long, DeleteRequestDetails>();
        for (var page = 1; ; page++)
        {
            var number = page;
            var response = await _api.Contacts.V1.Contacts.Analytics.Deleterequests.GetAsync(r =>
            {
                r.QueryParameters.Startdateutc = UtcQueryTime(from);
                r.QueryParameters.Enddateutc = UtcQueryTime(to);
                r.QueryParameters.Page = number;
                r.QueryParameters.Pagesize = pageSize;
                r.QueryParameters.Orderby = NewestFirst;
                if (!_retried)
                {
                    r.Options.Add(RetryOverride.None);
                }
            }, cancellationToken).ConfigureAwait(false)
                ?? throw new ContactsRequestException("The delete-requests page came back with an empty body.", statusCode: 200);
            ContactsServiceException.ThrowIfFailed(response, "Reading the delete requests");

            var operations = response.Operations ?? [];
            var reachedOldest = false;
            foreach (var operation in operations)
            {
                if (operation.OperationId is { } id)
                {
                    requests[id] = operation;
                    reachedOldest |= id < oldestOperationId;
                }
            }
            // A short page is the last one; below the oldest followed operation nothing more is of interest.
            if (operations.Count < pageSize || reachedOldest)
            {
                return (requests, page);
            }
        }
    }

    /// <summary>The route's date format: UTC, without an offset.</summary>
    private static string UtcQueryTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss", CultureInfo.InvariantCulture);
}
