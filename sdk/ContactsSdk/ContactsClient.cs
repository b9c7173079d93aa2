using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Addresses;
using ContactsSdk.Authentication;
using ContactsSdk.Configuration;
using ContactsSdk.Deletion;
using ContactsSdk.Errors;
using ContactsSdk.Generated;
using ContactsSdk.Generated.Contacts.V1.Contacts.Actions.Delete;
using ContactsSdk.Generated.Models;
using ContactsSdk.Http;
using ContactsSdk.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace ContactsSdk;

/// <summary>
/// The entry point: starts contact deletions and follows them until Marketing Cloud has fully
/// processed them. Every route of the spec is also reachable, generated, through <see cref="Api"/>.
/// </summary>
/// <remarks>
/// Create one per application and reuse it (or let <c>AddContactsSdk</c> register it): it caches
/// the access token and reuses connections.
/// </remarks>
public sealed class ContactsClient : IDisposable
{
    /// <summary>What <c>DeleteOperationType</c> the convenience methods send.</summary>
    public const string ContactAndAttributes = "ContactAndAttributes";

    /// <summary>How many contact keys <see cref="ResolveContactKeysAsync"/> asks for per email address by default.</summary>
    public const int DefaultMaximumKeysPerAddress = 100;

    private readonly HttpClient? _ownedApiHttpClient;
    private readonly HttpClient? _ownedAuthHttpClient;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DeletionWaiter _waiter;

    /// <summary>
    /// Creates a client that owns its HTTP connections. In an application with a service
    /// collection, prefer <c>services.AddContactsSdk(...)</c>.
    /// </summary>
    public ContactsClient(ContactsClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ContactsClientOptionsValidator.ThrowIfInvalid(options);
        loggerFactory ??= NullLoggerFactory.Instance;
        _ownedAuthHttpClient = new HttpClient { Timeout = options.RequestTimeout };
        var tokens = new MarketingCloudTokenProvider(_ownedAuthHttpClient, options, timeProvider, loggerFactory.CreateLogger<MarketingCloudTokenProvider>());
        _ownedApiHttpClient = ContactsHttpPipeline.CreateHttpClient(tokens, options.RequestTimeout);
        (_time, _logger, Tokens, Api) = Initialize(options, timeProvider, loggerFactory, tokens, _ownedApiHttpClient);
        _waiter = new DeletionWaiter(ReadStatusAsync, _time, _logger);
    }

    /// <summary>
    /// Creates a client over an HttpClient whose pipeline already holds
    /// <see cref="ContactsHttpPipeline.CreateHandlers"/> (what the DI registration does).
    /// </summary>
    public ContactsClient(HttpClient apiHttpClient, MarketingCloudTokenProvider tokens, ContactsClientOptions options, TimeProvider? timeProvider = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(apiHttpClient);
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(options);
        ContactsClientOptionsValidator.ThrowIfInvalid(options);
        (_time, _logger, Tokens, Api) = Initialize(options, timeProvider, loggerFactory ?? NullLoggerFactory.Instance, tokens, apiHttpClient);
        _waiter = new DeletionWaiter(ReadStatusAsync, _time, _logger);
    }

    /// <summary>The generated Kiota client: every route of the spec, with its typed models.</summary>
    public ContactsApiClient Api { get; }

    /// <summary>The token provider (shared by every request of this client).</summary>
    public MarketingCloudTokenProvider Tokens { get; }

    private static (TimeProvider, ILogger, MarketingCloudTokenProvider, ContactsApiClient) Initialize(
        ContactsClientOptions options, TimeProvider? timeProvider, ILoggerFactory loggerFactory, MarketingCloudTokenProvider tokens, HttpClient apiHttpClient)
    {
        // JSON bodies are read by the SDK's parse node: Kiota's results at less cost (docs/performance.md).
        var adapter = new HttpClientRequestAdapter(
            new Microsoft.Kiota.Abstractions.Authentication.BaseBearerTokenAuthenticationProvider(tokens),
            parseNodeFactory: ContactsJsonParseNodeFactory.CreateRegistry(),
            httpClient: apiHttpClient)
        {
            BaseUrl = options.RestBaseAddress.ToString().TrimEnd('/'),
        };
        return (timeProvider ?? TimeProvider.System, loggerFactory.CreateLogger<ContactsClient>(), tokens, new ContactsApiClient(adapter));
    }

    /// <summary>Starts deleting the contacts with these contact keys.</summary>
    /// <exception cref="ContactsServiceException">The service refused the deletion (reported with HTTP 200).</exception>
    /// <exception cref="DeletionOutcomeUnknownException">The service may or may not have queued the deletion (see the exception).</exception>
    public Task<DeletionStarted> StartDeletionByKeysAsync(IEnumerable<string> contactKeys, CancellationToken cancellationToken = default)
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
        return StartDeletionAsync(body, PostTypeQueryParameterType.Keys, cancellationToken);
    }

    /// <summary>Starts deleting the contacts with these contact IDs.</summary>
    /// <exception cref="ContactsServiceException">The service refused the deletion (reported with HTTP 200).</exception>
    /// <exception cref="DeletionOutcomeUnknownException">The service may or may not have queued the deletion (see the exception).</exception>
    public Task<DeletionStarted> StartDeletionByIdsAsync(IEnumerable<long> contactIds, CancellationToken cancellationToken = default)
    {
        var body = new DeleteRequestBuilder.DeletePostRequestBody
        {
            DeleteByIdsRequest = new DeleteByIdsRequest { Values = RequireValues(contactIds, nameof(contactIds)).ConvertAll(id => (long?)id), DeleteOperationType = ContactAndAttributes },
        };
        return StartDeletionAsync(body, PostTypeQueryParameterType.Ids, cancellationToken);
    }

    /// <summary>Starts deleting every contact of a data extension, identified by its external key.</summary>
    /// <exception cref="ContactsServiceException">The service refused the deletion (reported with HTTP 200).</exception>
    /// <exception cref="DeletionOutcomeUnknownException">The service may or may not have queued the deletion (see the exception).</exception>
    public Task<DeletionStarted> StartDeletionByListAsync(string dataExtensionKey, bool deleteListWhenCompleted = false, bool deleteListContentsWhenCompleted = false, CancellationToken cancellationToken = default)
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
        return StartDeletionAsync(body, PostTypeQueryParameterType.ListReference, cancellationToken);
    }

    /// <summary>
    /// Finds the contact keys of email addresses (the email address search route), which is where an
    /// erasure request that names an address starts.
    /// </summary>
    /// <param name="emailAddresses">The addresses; duplicates (ignoring case) are searched once.</param>
    /// <param name="maximumKeysPerAddress">The most keys asked for per address (the route's <c>maximumCount</c>).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>
    /// Every requested address (keys compared ignoring case) with all its contact keys; an empty list
    /// when the address matches no contact, whichever of the two documented "no match" shapes the
    /// service used. An address with several contacts gets all of them, up to <paramref name="maximumKeysPerAddress"/>.
    /// </returns>
    /// <remarks>Addresses are personal data: they are never logged, and never part of an exception message.</remarks>
    /// <exception cref="ContactsServiceException">The service answered with errors (reported with HTTP 200).</exception>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ResolveContactKeysAsync(
        IEnumerable<string> emailAddresses, int maximumKeysPerAddress = DefaultMaximumKeysPerAddress, CancellationToken cancellationToken = default)
    {
        var addresses = RequireValues(emailAddresses, nameof(emailAddresses));
        if (addresses.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Email addresses must not be empty.", nameof(emailAddresses));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maximumKeysPerAddress);
        var distinct = addresses.Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        var body = new EmailAddressSearchRequest { ChannelAddressList = distinct, MaximumCount = maximumKeysPerAddress };
        var response = await Api.Contacts.V1.Addresses.Email.Search.PostAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The email address search came back with an empty body.");
        try
        {
            ContactsServiceException.ThrowIfFailed(response, "Resolving email addresses to contact keys");
        }
        catch (ContactsServiceException ex)
        {
            throw new ContactsServiceException(ContactKeyResolution.Redact(ex.Message, distinct), ex.ResultMessages, ex.ServiceMessageId);
        }

        var resolved = ContactKeyResolution.Read(distinct, response);
        _logger.LogInformation(
            "Resolved {AddressCount} email addresses: {FoundCount} with contact keys.", resolved.Count, resolved.Count(pair => pair.Value.Count > 0));
        return resolved;
    }

    /// <summary>Reads the status of a deletion once. Interpret it with the generated <c>GetDeletionState()</c>.</summary>
    /// <exception cref="ContactsServiceException">The service answered with errors (reported with HTTP 200).</exception>
    public Task<DeleteStatusResponse> GetDeletionStatusAsync(long operationId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(operationId);
        return ReadStatusAsync(operationId, cancellationToken);
    }

    /// <summary>
    /// Follows a deletion through both phases until its state is terminal (deleted, restored or
    /// invalid). Polls with backoff up to <see cref="DeletionWaitOptions.MaxPollInterval"/>,
    /// honours <c>Retry-After</c>, survives transient failures up to the options' limit, and reports
    /// progress after every poll.
    /// </summary>
    /// <exception cref="ContactsServiceException">The service answered with errors.</exception>
    /// <exception cref="DeletionWaitTimeoutException">The options' timeout passed first.</exception>
    public Task<DeletionResult> WaitForDeletionAsync(long operationId, DeletionWaitOptions? options = null, IProgress<DeletionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(operationId);
        options ??= DeletionWaitOptions.Default;
        options.Validate();
        return _waiter.WaitAsync(operationId, options, progress, cancellationToken);
    }

    /// <summary>
    /// Follows many deletions at once, at most <see cref="DeletionWaitOptions.MaxConcurrency"/> at a
    /// time. Every operation ID gets an outcome, in the order given: a result, or the error that
    /// ended its wait. Only cancellation ends the whole call early.
    /// </summary>
    public async Task<IReadOnlyList<DeletionWaitOutcome>> WaitForDeletionsAsync(IEnumerable<long> operationIds, DeletionWaitOptions? options = null, IProgress<DeletionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operationIds);
        var ids = operationIds.ToArray();
        foreach (var id in ids)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(id, nameof(operationIds));
        }
        options ??= DeletionWaitOptions.Default;
        options.Validate();

        var outcomes = new DeletionWaitOutcome[ids.Length];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, ids.Length), parallel, async (index, token) =>
        {
            try
            {
                var result = await _waiter.WaitAsync(ids[index], options, progress, token).ConfigureAwait(false);
                outcomes[index] = new DeletionWaitOutcome(ids[index], result, null);
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                outcomes[index] = new DeletionWaitOutcome(ids[index], null, ex);
            }
        }).ConfigureAwait(false);
        return outcomes;
    }

    private async Task<DeletionStarted> StartDeletionAsync(DeleteRequestBuilder.DeletePostRequestBody body, PostTypeQueryParameterType type, CancellationToken cancellationToken)
    {
        var response = await DeleteRequestSender.SendAsync(
            token => Api.Contacts.V1.Contacts.Actions.DeletePath.PostAsync(body, r => r.QueryParameters.Type = type, token),
            _time,
            DeletionWaitOptions.DefaultMaxRetryAfter,
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
        _logger.LogInformation("Deletion started as operation {OperationId}.", operationId);
        return new DeletionStarted(operationId, response);
    }

    private async Task<DeleteStatusResponse> ReadStatusAsync(long operationId, CancellationToken cancellationToken)
    {
        var response = await Api.Contacts.V1.Contacts.Actions.DeletePath.Status
            .GetAsync(r => r.QueryParameters.OperationID = operationId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"The status of operation {operationId} came back with an empty body.");
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

    /// <inheritdoc />
    public void Dispose()
    {
        _ownedApiHttpClient?.Dispose();
        _ownedAuthHttpClient?.Dispose();
    }
}
