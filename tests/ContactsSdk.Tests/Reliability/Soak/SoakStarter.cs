using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ContactsSdk.Authentication;
using ContactsSdk.Tests.Support;
using Microsoft.Kiota.Abstractions;

namespace ContactsSdk.Tests.Reliability.Soak;

/// <summary>
/// Starts the soak's deletions one after another the way an application should: a start the SDK
/// reports as refused unprocessed is sent again; a start whose outcome is unknown is looked up on
/// the analytics delete-requests route, and sent again only when no new deletion shows there.
/// </summary>
internal sealed class SoakStarter(InstrumentedTenant tenant, SoakFigures figures)
{
    /// <summary>Enough for the worst luck the fault mix allows; more means something loops.</summary>
    private const int MaxCallsPerKey = 8;

    private const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss";

    private readonly HashSet<long> _known = new();

    /// <summary>Starts the deletion of <paramref name="key"/> and returns its operation ID, whatever the faults.</summary>
    public async Task<long> StartAsync(string key)
    {
        for (var call = 1; call <= MaxCallsPerKey; call++)
        {
            var before = tenant.Clock.GetUtcNow();
            var sendsBefore = tenant.DeleteExchanges.Count;
            figures.StartCalls++;
            try
            {
                return Adopt((await tenant.Client.StartDeletionByKeysAsync(new[] { key })).OperationId);
            }
            catch (DeletionOutcomeUnknownException)
            {
                figures.StartsOutcomeUnknown++;
                if (await FindNewDeletionAsync(before) is { } found)
                {
                    figures.RecoveredByLookup++;
                    return Adopt(found);
                }

                figures.ResentAfterEmptyLookup++;
            }
            catch (Exception error) when (IsRefusedUnprocessed(error))
            {
                figures.StartsRefusedAndResent++;
            }
            finally
            {
                // Calls are sequential: every send since the call began is this call's.
                figures.MaxDeleteSendsPerCall = Math.Max(figures.MaxDeleteSendsPerCall, tenant.DeleteExchanges.Count - sendsBefore);
            }
        }

        throw new InvalidOperationException($"{key}: no deletion started after {MaxCallsPerKey} calls.");
    }

    /// <summary>
    /// What the SDK reports only when the service cannot have acted: safe to send again. A 429 that
    /// outlasts the SDK's own retries surfaces as <see cref="ContactsRateLimitException"/> (the
    /// gateway refused every send, so nothing was queued).
    /// </summary>
    private static bool IsRefusedUnprocessed(Exception error) => error is
        ContactsRateLimitException or
        ContactsRequestException { StatusCode: 401 or 429, IsOutcomeUnknown: false } or
        ContactsRequestException { InnerException: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }, IsOutcomeUnknown: false } or
        ContactsAuthenticationException;

    private long Adopt(long operationId)
    {
        if (!_known.Add(operationId))
        {
            throw new InvalidOperationException($"Operation {operationId} was handed out twice.");
        }

        return operationId;
    }

    /// <summary>
    /// The deletion received since <paramref name="since"/> that the soak does not know yet. Starts
    /// are sequential, so there is at most one; the window is widened by a few minutes because the
    /// route reports receipt times rounded to the minute.
    /// </summary>
    private async Task<long?> FindNewDeletionAsync(DateTimeOffset since)
    {
        var start = (since - TimeSpan.FromMinutes(2)).UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture);
        var end = (tenant.Clock.GetUtcNow() + TimeSpan.FromMinutes(2)).UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture);
        for (var attempt = 1; ; attempt++)
        {
            figures.Lookups++;
            try
            {
                var page = await tenant.Client.Api.Contacts.V1.Contacts.Analytics.Deleterequests.GetAsync(request =>
                {
                    request.QueryParameters.Startdateutc = start;
                    request.QueryParameters.Enddateutc = end;
                    request.QueryParameters.Pagesize = 1000;
                });
                var unknown = (page?.Operations ?? new()).Select(o => o.OperationId ?? 0).Where(id => id > 0 && !_known.Contains(id)).ToList();
                return unknown.Count switch
                {
                    0 => null,
                    1 => unknown[0],
                    _ => throw new InvalidOperationException($"{unknown.Count} unknown deletions in one look-up window: {string.Join(", ", unknown)}."),
                };
            }
            catch (Exception error) when (attempt < 5 && error is not InvalidOperationException)
            {
                // A token-route fault on the look-up itself; the look-up is a plain read, so it is repeated.
            }
        }
    }
}
