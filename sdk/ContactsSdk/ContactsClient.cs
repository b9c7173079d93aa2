using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Addresses;
using ContactsSdk.Authentication;
using ContactsSdk.Diagnostics;
using ContactsSdk;
using ContactsSdk.Contacts.V1.Contacts.Actions.Delete;
using ContactsSdk.Models;
using ContactsSdk.Http;
using ContactsSdk.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace ContactsSdk;

/// <summary>
/// The entry point: starts contact deletions and follows them until Marketing Cloud has fully
/// processed them. Every route of the spec is also reachable, generated, through <see cref="Api"/>.
/// </summary>
/// <remarks>
/// Thread-safe: create one per application and reuse it (or let <c>AddContactsSdk</c> register it
/// as a singleton): it caches the access token and reuses connections. Its public members are
/// virtual and it has a protected parameterless constructor, so tests of code that uses it can
/// substitute a subclass.
/// </remarks>
public class ContactsClient : IDisposable, IAsyncDisposable
{
    /// <summary>What <c>DeleteOperationType</c> the convenience methods send.</summary>
    public const string ContactAndAttributes = "ContactAndAttributes";

    /// <summary>How many times a single status read tried again after a 429, before the retry policy: <see cref="ContactsRetryOptions.DefaultMaxRetries"/>.</summary>
    [Obsolete("Use ContactsClientOptions.Retry.MaxRetries: one retry policy now covers every request.")]
    public static int MaxRateLimitRetries => ContactsRetryOptions.DefaultMaxRetries;

    /// <summary>How many contact keys <see cref="ResolveContactKeysAsync"/> asks for per email address by default.</summary>
    public static readonly int DefaultMaximumKeysPerAddress = 100;

    /// <summary>
    /// The largest <c>maximumCount</c> an address is searched with again when its answer was full: an
    /// address with at least this many contacts is refused (<see cref="ContactKeysTruncatedException"/>)
    /// rather than resolved to only some of them.
    /// </summary>
    public static readonly int MaximumKeysPerAddressLimit = 10_000;

    /// <summary>Operations per page that <see cref="ListDeleteOperationsAsync"/> asks for by default.</summary>
    public static readonly int DefaultDeleteOperationsPageSize = 1000;

    /// <summary>The most pages <see cref="ListDeleteOperationsAsync"/> reads by default, so one call stays bounded.</summary>
    public static readonly int DefaultMaxDeleteOperationPages = 50;

    private readonly HttpClient? _ownedApiHttpClient;
    private readonly HttpClient? _ownedAuthHttpClient;
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly DeletionWaiter? _waiter;
    private readonly ContactsApiClient? _api;
    private readonly MarketingCloudTokenProvider? _tokens;
    private readonly string? _accountId;

    /// <summary>
    /// Creates a client that owns its HTTP connections. In an application with a service
    /// collection, prefer <c>services.AddContactsSdk(...)</c>.
    /// </summary>
    /// <param name="options">The tenant, credentials and limits.</param>
    /// <param name="timeProvider">The clock of every wait (the system clock when null).</param>
    /// <param name="loggerFactory">Receives the SDK's log.</param>
    /// <param name="requestGate">
    /// The rate-limit gate to share with other clients of this worker; when null the client has a
    /// gate of its own, built from <paramref name="options"/>.
    /// </param>
    public ContactsClient(ContactsClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, ContactsRequestGate? requestGate = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ContactsClientOptionsValidator.ThrowIfInvalid(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        _ownedAuthHttpClient = ContactsHttpPipeline.CreateAuthHttpClient(options.RequestTimeout);
        var tokens = new MarketingCloudTokenProvider(_ownedAuthHttpClient, options, timeProvider, loggerFactory.CreateLogger<MarketingCloudTokenProvider>());
        requestGate ??= new ContactsRequestGate(options, timeProvider, loggerFactory.CreateLogger<ContactsRequestGate>());
        _ownedApiHttpClient = ContactsHttpPipeline.CreateHttpClient(tokens, requestGate, options);
        (_time, _logger, _tokens, _api) = Initialize(options, timeProvider, loggerFactory, tokens, _ownedApiHttpClient);
        _waiter = new DeletionWaiter(ReadStatusForWaitAsync, _time, _logger);
        _accountId = options.AccountId?.ToString();
    }

    /// <summary>
    /// Creates a client over an HttpClient whose pipeline already holds
    /// <see cref="ContactsHttpPipeline.CreateHandlers"/> (what the DI registration does). The client
    /// disposes <paramref name="apiHttpClient"/> when <paramref name="ownsHttpClient"/> is set.
    /// </summary>
    internal ContactsClient(HttpClient apiHttpClient, MarketingCloudTokenProvider tokens, ContactsClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null, bool ownsHttpClient = false)
    {
        ArgumentNullException.ThrowIfNull(apiHttpClient);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        ContactsClientOptionsValidator.ThrowIfInvalid(options);
        (_time, _logger, _tokens, _api) = Initialize(options, timeProvider, loggerFactory ?? NullLoggerFactory.Instance, tokens, apiHttpClient);
        _waiter = new DeletionWaiter(ReadStatusForWaitAsync, _time, _logger);
        _accountId = options.AccountId?.ToString();
        _ownedApiHttpClient = ownsHttpClient ? apiHttpClient : null;
    }

    /// <summary>
    /// For mocking only: a subclass made with this constructor has no connection to Marketing
    /// Cloud, and every member it does not override throws <see cref="InvalidOperationException"/>.
    /// </summary>
    protected ContactsClient()
    {
    }

    /// <summary>The generated Kiota client: every route of the spec, with its typed models.</summary>
    public virtual ContactsApiClient Api => _api ?? throw NotConnected();

    /// <summary>The token cache shared by every request of this client (for tests of the SDK itself).</summary>
    internal MarketingCloudTokenProvider Tokens => _tokens ?? throw NotConnected();

    private DeletionWaiter Waiter => _waiter ?? throw NotConnected();

    /// <summary>The generated client, without the virtual dispatch of <see cref="Api"/>.</summary>
    private ContactsApiClient Routes => _api ?? throw NotConnected();

    private static (TimeProvider, ILogger, MarketingCloudTokenProvider, ContactsApiClient) Initialize(
        ContactsClientOptions options, TimeProvider? timeProvider, ILoggerFactory loggerFactory, MarketingCloudTokenProvider tokens, HttpClient apiHttpClient)
    {
        // The pipeline's BearerTokenHandler is the one place a token is added, so the adapter itself
        // authenticates nothing. JSON bodies are read by the SDK's parse node: Kiota's results at
        // less cost (docs/performance.md).
        // Every failure of every route is mapped to the SDK's exceptions by the adapter around Kiota's.
        var time = timeProvider ?? TimeProvider.System;
        var adapter = new HttpClientRequestAdapter(
            new AnonymousAuthenticationProvider(),
            parseNodeFactory: ContactsJsonParseNodeFactory.CreateRegistry(),
            httpClient: apiHttpClient)
        {
            BaseUrl = options.RestBaseAddress.ToString().TrimEnd('/'),
        };
        return (time, loggerFactory.CreateLogger<ContactsClient>(), tokens, new ContactsApiClient(new ErrorMappingRequestAdapter(adapter, time)));
    }

    private static InvalidOperationException NotConnected() =>
        new("This ContactsClient was made with the constructor meant for mocking: override the member the test uses.");

    /// <summary>Starts deleting the contacts with these contact keys.</summary>
    /// <exception cref="ContactsServiceException">The service refused the deletion (reported with HTTP 200).</exception>
    /// <exception cref="DeletionOutcomeUnknownException">The service may or may not have queued the deletion (see the exception).</exception>
    /// <exception cref="ContactsRateLimitException">Every send was refused with HTTP 429, the retries included: nothing was queued; send again after its <see cref="ContactsRateLimitException.RetryAfter"/>.</exception>
    /// <exception cref="ContactsRequestException">Refused with an HTTP error (a 4xx), or never sent (no connection, the retries included): nothing was queued.</exception>
    public virtual Task<DeletionStarted> StartDeletionByKeysAsync(IEnumerable<string> contactKeys, CancellationToken cancellationToken = default)
    {
        var keys = RequireValues(contactKeys, nameof(contactKeys));
        if (keys.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Contact keys must not be empty.", nameof(contactKeys));
        }
        var body = new DeleteRequestBuilder.DeletePostRequestBody
        {
            DeleteByKeysRequest = new DeleteByKeysRequest { Values = keys, DeleteOperationType = ContactAndAttributes },
        };
        return StartDeletionAsync(body, PostTypeQueryParameterType.Keys, keys.Count, cancellationToken);
    }

    /// <summary>Starts deleting the contacts with these contact IDs.</summary>
    /// <exception cref="ContactsServiceException">The service refused the deletion (reported with HTTP 200).</exception>
    /// <exception cref="DeletionOutcomeUnknownException">The service may or may not have queued the deletion (see the exception).</exception>
    /// <exception cref="ContactsRateLimitException">Every send was refused with HTTP 429, the retries included: nothing was queued; send again after its <see cref="ContactsRateLimitException.RetryAfter"/>.</exception>
    /// <exception cref="ContactsRequestException">Refused with an HTTP error (a 4xx), or never sent (no connection, the retries included): nothing was queued.</exception>
    public virtual Task<DeletionStarted> StartDeletionByIdsAsync(IEnumerable<long> contactIds, CancellationToken cancellationToken = default)
    {
        var ids = RequireValues(contactIds, nameof(contactIds)).ConvertAll(id => (long?)id);
        var body = new DeleteRequestBuilder.DeletePostRequestBody
        {
            DeleteByIdsRequest = new DeleteByIdsRequest { Values = ids, DeleteOperationType = ContactAndAttributes },
        };
        return StartDeletionAsync(body, PostTypeQueryParameterType.Ids, ids.Count, cancellationToken);
    }

    /// <summary>Starts deleting every contact of a data extension, identified by its external key.</summary>
    /// <exception cref="ContactsServiceException">The service refused the deletion (reported with HTTP 200).</exception>
    /// <exception cref="DeletionOutcomeUnknownException">The service may or may not have queued the deletion (see the exception).</exception>
    /// <exception cref="ContactsRateLimitException">Every send was refused with HTTP 429, the retries included: nothing was queued; send again after its <see cref="ContactsRateLimitException.RetryAfter"/>.</exception>
    /// <exception cref="ContactsRequestException">Refused with an HTTP error (a 4xx), or never sent (no connection, the retries included): nothing was queued.</exception>
    public virtual Task<DeletionStarted> StartDeletionByListAsync(string dataExtensionKey, bool deleteListWhenCompleted = false, bool deleteListContentsWhenCompleted = false, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataExtensionKey);
        var body = new DeleteRequestBuilder.DeletePostRequestBody
        {
            DeleteByListReferenceRequest = new DeleteByListReferenceRequest
            {
                DeleteOperationType = ContactAndAttributes,
                TargetList = new TargetList { ListKey = dataExtensionKey, ListType = new ListType { ListTypeID = 3 } },
                DeleteListWhenCompleted = deleteListWhenCompleted,
                DeleteListContentsWhenCompleted = deleteListContentsWhenCompleted,
            },
        };
        return StartDeletionAsync(body, PostTypeQueryParameterType.ListReference, contactCount: null, cancellationToken);
    }

    /// <summary>
    /// Finds the contact keys of email addresses (the email address search route), which is where an
    /// erasure request that names an address starts.
    /// </summary>
    /// <param name="emailAddresses">The addresses; duplicates (ignoring case) are searched once.</param>
    /// <param name="maximumKeysPerAddress">The most keys asked for per address (the route's <c>maximumCount</c>); null: <see cref="DefaultMaximumKeysPerAddress"/>.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// Every requested address (keys compared ignoring case) with all its contact keys; an empty list
    /// when the address matches no contact, whichever of the two documented "no match" shapes the
    /// service used. An address with several contacts gets all of them: one whose answer holds as many
    /// keys as were asked for is searched again with ten times the count, up to <see cref="MaximumKeysPerAddressLimit"/>.
    /// </returns>
    /// <remarks>Addresses are personal data: they are never logged, and never part of an exception message.</remarks>
    /// <exception cref="ContactsServiceException">The service answered with errors (reported with HTTP 200).</exception>
    /// <exception cref="ContactKeysTruncatedException">An address still had as many keys as asked for at <see cref="MaximumKeysPerAddressLimit"/>.</exception>
    public virtual async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ResolveContactKeysAsync(
        IEnumerable<string> emailAddresses, int? maximumKeysPerAddress = null, CancellationToken cancellationToken = default)
    {
        var maximumKeys = maximumKeysPerAddress ?? DefaultMaximumKeysPerAddress;
        var addresses = RequireValues(emailAddresses, nameof(emailAddresses));
        if (addresses.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Email addresses must not be empty.", nameof(emailAddresses));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumKeys, nameof(maximumKeysPerAddress));
        var distinct = addresses.Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        using var activity = ContactsSdkTelemetry.StartOperation(ContactsSdkDiagnostics.Activities.ResolveContactKeys, _accountId);
        try
        {
            var resolved = await SearchAddressesAsync(distinct, maximumKeys, cancellationToken).ConfigureAwait(false);
            // An address with as many keys as were asked for may have more: ask again for those with a
            // larger count, so that a truncated answer is never taken for all of an address's contacts.
            for (var asked = maximumKeys; resolved.Where(p => p.Value.Count >= asked).Select(p => p.Key).ToList() is { Count: > 0 } full; )
            {
                if (asked >= MaximumKeysPerAddressLimit)
                {
                    throw new ContactKeysTruncatedException(full.Count, asked);
                }
                asked = (int)Math.Min((long)asked * 10, MaximumKeysPerAddressLimit);
                foreach (var (address, keys) in await SearchAddressesAsync(full, asked, cancellationToken).ConfigureAwait(false))
                {
                    resolved[address] = keys;
                }
            }
            ContactsSdkLog.EmailAddressesResolved(_logger, resolved.Count, resolved.Count(pair => pair.Value.Count > 0));
            return resolved;
        }
        catch (Exception ex)
        {
            ContactsSdkTelemetry.SetFailure(activity, ex);
            throw;
        }
    }

    /// <summary>One email address search for <paramref name="addresses"/>, asking up to <paramref name="maximumCount"/> keys each.</summary>
    private async Task<Dictionary<string, IReadOnlyList<string>>> SearchAddressesAsync(List<string> addresses, int maximumCount, CancellationToken cancellationToken)
    {
        var body = new EmailAddressSearchRequest { ChannelAddressList = addresses, MaximumCount = maximumCount };
        var response = await Routes.Contacts.V1.Addresses.Email.Search.PostAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new ContactsRequestException("The email address search came back with an empty body.", statusCode: 200);
        try
        {
            ContactsServiceException.ThrowIfFailed(response, "Resolving email addresses to contact keys");
        }
        catch (ContactsServiceException ex)
        {
            // The service may echo an address in its message: personal data stays out of exceptions.
            throw new ContactsServiceException(ContactKeyResolution.Redact(ex.Message, addresses), ex.ResultMessages, ex.ServiceMessageId);
        }
        return new Dictionary<string, IReadOnlyList<string>>(ContactKeyResolution.Read(addresses, response), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Lists the delete requests Marketing Cloud received in a time window (the analytics
    /// delete-requests route), newest operation first, reading pages until the window is exhausted or
    /// the listing passes below <paramref name="downToOperationId"/>. A page holds up to
    /// <see cref="DeletionWaitOptions.DefaultSweepPageSize"/> requests, so thousands of deletions are
    /// looked at for a handful of requests.
    /// </summary>
    /// <param name="receivedFrom">The start of the window (inclusive).</param>
    /// <param name="receivedTo">The end of the window (exclusive).</param>
    /// <param name="downToOperationId">Stop after the page that reaches an operation older than this one; all pages when null.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>Every request listed, one per operation ID.</returns>
    /// <remarks>
    /// The route's status is an account of the request, not a verdict: it tells which deletions are
    /// worth a status read; <see cref="GetDeletionStatusAsync"/> decides their state.
    /// </remarks>
    /// <exception cref="ArgumentException">The window ends before it starts.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="downToOperationId"/> is zero or negative.</exception>
    /// <exception cref="ContactsServiceException">The service answered with errors (reported with HTTP 200).</exception>
    public virtual async Task<IReadOnlyList<DeleteRequestDetails>> ListDeleteRequestsAsync(
        DateTimeOffset receivedFrom, DateTimeOffset receivedTo, long? downToOperationId = null, CancellationToken cancellationToken = default)
    {
        if (receivedTo <= receivedFrom)
        {
            throw new ArgumentException("The end of the window must be after its start.", nameof(receivedTo));
        }
        if (downToOperationId is { } oldest)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(oldest, nameof(downToOperationId));
        }
        using var activity = ContactsSdkTelemetry.StartOperation(ContactsSdkDiagnostics.Activities.ListDeleteRequests, _accountId);
        try
        {
            var (requests, _) = await new DeleteRequestSweep(Routes)
                .ReadAsync(receivedFrom, receivedTo, downToOperationId, DeletionWaitOptions.DefaultSweepPageSize, cancellationToken).ConfigureAwait(false);
            return [.. requests.Values];
        }
        catch (Exception ex)
        {
            ContactsSdkTelemetry.SetFailure(activity, ex);
            throw;
        }
    }

    /// <summary>
    /// Reads the delete operations list: every delete call of the account with its status in
    /// Marketing Cloud's queue (Pending, Processing…) or how it ended, its scheduled, start and end
    /// times, its success and error counts and until when its contacts can be restored. Pages are
    /// read until the end of the list, the page that lists <paramref name="untilOperationId"/>, or
    /// <paramref name="maxPages"/> pages, whichever comes first.
    /// </summary>
    /// <param name="untilOperationId">Stop after the page that lists this operation; null reads the whole list.</param>
    /// <param name="pageSize">Operations per page (<c>$pageSize</c>), from 1 to <see cref="DefaultDeleteOperationsPageSize"/>; null: that most.</param>
    /// <param name="maxPages">The most pages to read (null: <see cref="DefaultMaxDeleteOperationPages"/>); when reached first, the result says it is not complete.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The operations listed, once each, and whether the reading reached what it was asked for.</returns>
    /// <remarks>
    /// A listed status is the delete call's, not the deletion's verdict: Completed means the call is
    /// processed and the contacts suppressed; <see cref="GetDeletionStatusAsync"/> says when they are
    /// deleted. This list is the only documented place for an operation's success and error counts.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">An operation ID of zero or less, or a page size or page limit out of range.</exception>
    /// <exception cref="ContactsServiceException">The service answered with errors (reported with HTTP 200).</exception>
    public virtual async Task<DeleteOperationList> ListDeleteOperationsAsync(
        long? untilOperationId = null, int? pageSize = null, int? maxPages = null, CancellationToken cancellationToken = default)
    {
        var size = pageSize ?? DefaultDeleteOperationsPageSize;
        var pages = maxPages ?? DefaultMaxDeleteOperationPages;
        if (untilOperationId is { } wanted)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(wanted, nameof(untilOperationId));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size, nameof(pageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, DefaultDeleteOperationsPageSize, nameof(pageSize));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pages, nameof(maxPages));
        using var activity = ContactsSdkTelemetry.StartOperation(ContactsSdkDiagnostics.Activities.ListDeleteOperations, _accountId);
        ContactsSdkTelemetry.SetTag(activity, ContactsSdkDiagnostics.Tags.OperationId, untilOperationId);
        try
        {
            return await new DeleteOperationsReader(Routes).ReadAsync(untilOperationId, size, pages, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ContactsSdkTelemetry.SetFailure(activity, ex);
            throw;
        }
    }

    /// <summary>
    /// Reads the status of a deletion. Interpret it with the generated <c>GetDeletionState()</c>.
    /// A transient failure (a 429 whose delay is within <see cref="ContactsRetryOptions.MaxDelay"/>,
    /// a 5xx, a timeout, a dropped connection) is retried by the options' <see cref="ContactsClientOptions.Retry"/> policy.
    /// </summary>
    /// <exception cref="ContactsServiceException">The service answered with errors (reported with HTTP 200).</exception>
    /// <exception cref="ContactsRateLimitException">Rate limited for longer than the retry policy allows, or on every try.</exception>
    /// <exception cref="ContactsRequestException">Marketing Cloud answered with an HTTP error, or no usable answer came, on every try.</exception>
    public virtual async Task<DeleteStatusResponse> GetDeletionStatusAsync(long operationId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(operationId);
        using var activity = ContactsSdkTelemetry.StartOperation(ContactsSdkDiagnostics.Activities.GetDeletionStatus, _accountId);
        ContactsSdkTelemetry.SetTag(activity, ContactsSdkDiagnostics.Tags.OperationId, operationId);
        try
        {
            var response = await ReadStatusAsync(operationId, retried: true, cancellationToken).ConfigureAwait(false);
            if (activity is { IsAllDataRequested: true })
            {
                var lifecycle = response.GetDeletionState();
                ContactsSdkTelemetry.SetLifecycle(activity, lifecycle.Phase, lifecycle.State);
            }
            return response;
        }
        catch (Exception ex)
        {
            ContactsSdkTelemetry.SetFailure(activity, ex);
            throw;
        }
    }

    /// <summary>
    /// Follows a deletion through both phases until its state is terminal (deleted, restored or
    /// invalid). Polls with backoff up to <see cref="DeletionWaitOptions.MaxPollInterval"/>,
    /// honours <c>Retry-After</c>, survives transient failures up to the options' limit, and reports
    /// progress after every poll.
    /// </summary>
    /// <exception cref="ContactsServiceException">The service answered with errors.</exception>
    /// <exception cref="DeletionWaitTimeoutException">The options' timeout passed first.</exception>
    public virtual Task<DeletionResult> WaitForDeletionAsync(long operationId, DeletionWaitOptions? options = null, IProgress<DeletionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(operationId);
        options ??= DeletionWaitOptions.Default;
        options.Validate();
        return WaitOneAsync(operationId, options, progress, cancellationToken);
    }

    /// <summary>
    /// Follows many deletions at once. Every operation ID gets an outcome, in the order given: a
    /// result, or the error that ended its wait. Only cancellation ends the whole call early.
    /// </summary>
    /// <remarks>
    /// With <see cref="DeletionWaitOptions.BatchedTracking"/> (the default), one sweep of the
    /// analytics delete-requests route per <see cref="DeletionWaitOptions.MaxPollInterval"/> shows
    /// which operations have finished; only those, and any the route does not list, get status reads
    /// (at most <see cref="DeletionWaitOptions.MaxConcurrency"/> at a time), and the status route
    /// decides every state. Otherwise each operation is polled on its own, as by
    /// <see cref="WaitForDeletionAsync"/>.
    /// </remarks>
    public virtual async Task<IReadOnlyList<DeletionWaitOutcome>> WaitForDeletionsAsync(IEnumerable<long> operationIds, DeletionWaitOptions? options = null, IProgress<DeletionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operationIds);
        var ids = operationIds.ToArray();
        foreach (var id in ids)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id, nameof(operationIds));
        }
        options ??= DeletionWaitOptions.Default;
        options.Validate();

        using var activity = ContactsSdkTelemetry.StartOperation(ContactsSdkDiagnostics.Activities.WaitForDeletions, _accountId);
        if (options.BatchedTracking && ids.Distinct().Skip(1).Any())
        {
            var batched = await new BatchedDeletionWaiter(ReadStatusForWaitAsync, new DeleteRequestSweep(Routes, retried: false), _time, _logger)
                .WaitAsync(ids, options, progress, cancellationToken).ConfigureAwait(false);
            return Array.ConvertAll(ids, id => batched[id]);
        }

        var outcomes = new DeletionWaitOutcome[ids.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Length), parallel, async (index, token) =>
        {
            try
            {
                var result = await WaitOneAsync(ids[index], options, progress, token).ConfigureAwait(false);
                outcomes[index] = new DeletionWaitOutcome(ids[index], result, null);
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                outcomes[index] = new DeletionWaitOutcome(ids[index], null, ex);
            }
        }).ConfigureAwait(false);
        return outcomes;
    }

    /// <summary>One wait in its own span, with the verdict counted when it comes.</summary>
    private async Task<DeletionResult> WaitOneAsync(long operationId, DeletionWaitOptions options, IProgress<DeletionProgress>? progress, CancellationToken cancellationToken)
    {
        using var activity = ContactsSdkTelemetry.StartOperation(ContactsSdkDiagnostics.Activities.WaitForDeletion, _accountId);
        ContactsSdkTelemetry.SetTag(activity, ContactsSdkDiagnostics.Tags.OperationId, operationId);
        try
        {
            var result = await Waiter.WaitAsync(operationId, options, progress, cancellationToken).ConfigureAwait(false);
            ContactsSdkTelemetry.Verdict(result.State, result.Elapsed);
            ContactsSdkTelemetry.SetLifecycle(activity, result.LastResponse.GetDeletionState().Phase, result.State);
            ContactsSdkTelemetry.SetTag(activity, ContactsSdkDiagnostics.Tags.Verdict, result.State.ToString());
            ContactsSdkTelemetry.SetTag(activity, ContactsSdkDiagnostics.Tags.RequestsMade, result.RequestsMade);
            return result;
        }
        catch (Exception ex)
        {
            ContactsSdkTelemetry.SetFailure(activity, ex);
            throw;
        }
    }

    private async Task<DeletionStarted> StartDeletionAsync(DeleteRequestBuilder.DeletePostRequestBody body, PostTypeQueryParameterType type, int? contactCount, CancellationToken cancellationToken)
    {
        using var activity = ContactsSdkTelemetry.StartOperation(ContactsSdkDiagnostics.Activities.StartDeletion, _accountId);
        var deleteType = DeleteTypeName(type);
        ContactsSdkTelemetry.SetTag(activity, ContactsSdkDiagnostics.Tags.DeleteType, deleteType);
        ContactsSdkTelemetry.SetTag(activity, ContactsSdkDiagnostics.Tags.ContactCount, contactCount);
        try
        {
            var started = await SendDeletionAsync(body, type, cancellationToken).ConfigureAwait(false);
            ContactsSdkTelemetry.SetTag(activity, ContactsSdkDiagnostics.Tags.OperationId, started.OperationId);
            ContactsSdkTelemetry.DeletionStarted(deleteType);
            return started;
        }
        catch (Exception ex)
        {
            ContactsSdkTelemetry.SetFailure(activity, ex);
            throw;
        }
    }

    private static string DeleteTypeName(PostTypeQueryParameterType type) => type switch
    {
        PostTypeQueryParameterType.Keys => "keys",
        PostTypeQueryParameterType.Ids => "ids",
        _ => "listReference",
    };

    private async Task<DeletionStarted> SendDeletionAsync(DeleteRequestBuilder.DeletePostRequestBody body, PostTypeQueryParameterType type, CancellationToken cancellationToken)
    {
        var response = await DeleteRequestSender.SendAsync(
            token => Routes.Contacts.V1.Contacts.Actions.DeletePath.PostAsync(body, r => r.QueryParameters.Type = type, token),
            cancellationToken).ConfigureAwait(false);
        // Only an explicit operationInitiated:false is a refusal: an answer that merely lacks the
        // field must not be reported as "not initiated", or the caller would send a second deletion.
        ContactsServiceException.ThrowIfFailed(response, "Starting the deletion", response.OperationInitiated);
        if (response.OperationID is not (> 0 and var operationId))
        {
            throw new DeletionOutcomeUnknownException(
                "Marketing Cloud reported no error but its answer carried no operationID, so the deletion cannot be followed." +
                " It was probably queued: look it up (for example on the analytics delete-requests route) before sending it again.");
        }
        ContactsSdkLog.DeletionStarted(_logger, operationId);
        return new DeletionStarted(operationId, response);
    }

    /// <summary>
    /// A status read for the deletion waits: without the pipeline's retries, because the wait's poll
    /// loop is itself the retry (it counts failures against <see cref="DeletionWaitOptions.MaxConsecutiveFailures"/>
    /// and backs off on its own schedule).
    /// </summary>
    private Task<DeleteStatusResponse> ReadStatusForWaitAsync(long operationId, CancellationToken cancellationToken) =>
        ReadStatusAsync(operationId, retried: false, cancellationToken);

    private async Task<DeleteStatusResponse> ReadStatusAsync(long operationId, bool retried, CancellationToken cancellationToken)
    {
        var response = await Routes.Contacts.V1.Contacts.Actions.DeletePath.Status
            .GetAsync(r =>
            {
                r.QueryParameters.OperationID = operationId;
                if (!retried)
                {
                    r.Options.Add(RetryOverride.None);
                }
            }, cancellationToken).ConfigureAwait(false)
            ?? throw new ContactsRequestException($"The status of operation {operationId} came back with an empty body.", statusCode: 200);
        if (ContactsServiceException.HasFailed(response))
        {
            // The message is only formatted when there is an error to report: this runs on every poll.
            ContactsServiceException.ThrowIfFailed(response, $"Reading the status of operation {operationId}");
        }
        return response;
    }

    private static List<T> RequireValues<T>(IEnumerable<T> values, string name)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        var list = values.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one value is needed.", name);
        }
        return list;
    }

    /// <summary>Releases the HTTP connections this client made itself (none when DI made it).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// As <see cref="Dispose()"/>, for <c>await using</c>: nothing the client holds needs an asynchronous
    /// release, so a subclass releases its own resources in <see cref="Dispose(bool)"/> for both.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Releases the HTTP connections; subclasses release their own resources here.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedApiHttpClient?.Dispose();
            _ownedAuthHttpClient?.Dispose();
        }
    }
}
