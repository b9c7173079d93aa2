using System;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Diagnostics;

/// <summary>
/// Every log message of the SDK, source-generated, with event IDs that stay stable across versions
/// (docs/observability.md lists them). Arguments are IDs, states, counts and host names: never a
/// contact key, an email address, a secret or a token.
/// </summary>
internal static partial class ContactsSdkLog
{
    [LoggerMessage(EventId = 1, EventName = "DeletionStarted", Level = LogLevel.Information,
        Message = "Deletion started as operation {OperationId}.")]
    public static partial void DeletionStarted(ILogger logger, long operationId);

    [LoggerMessage(EventId = 2, EventName = "DeletionStateChanged", Level = LogLevel.Information,
        Message = "Operation {OperationId}: {Phase} phase, state {State} (wire status '{RawStatus}').")]
    public static partial void DeletionStateChanged(ILogger logger, long operationId, object? phase, object? state, string? rawStatus);

    [LoggerMessage(EventId = 3, EventName = "StatusReadFailed", Level = LogLevel.Debug,
        Message = "Operation {OperationId}: transient failure {Failures}/{Limit} ({Kind}); next try in {Wait}.")]
    public static partial void StatusReadFailed(ILogger logger, long operationId, int failures, int limit, string kind, TimeSpan wait);

    [LoggerMessage(EventId = 4, EventName = "WaitGaveUp", Level = LogLevel.Warning,
        Message = "Operation {OperationId}: giving up after {Failures} consecutive failures.")]
    public static partial void WaitGaveUp(ILogger logger, long operationId, int failures);

    [LoggerMessage(EventId = 5, EventName = "TokenObtained", Level = LogLevel.Debug,
        Message = "Obtained a Marketing Cloud token, renewing at {RefreshAt:O}.")]
    public static partial void TokenObtained(ILogger logger, DateTimeOffset refreshAt);

    [LoggerMessage(EventId = 6, EventName = "TokenDropped", Level = LogLevel.Debug,
        Message = "Dropped a Marketing Cloud token the API rejected.")]
    public static partial void TokenDropped(ILogger logger);

    [LoggerMessage(EventId = 7, EventName = "TokenWithheld", Level = LogLevel.Warning,
        Message = "Not sending a Marketing Cloud token to {Host}: it is not an allowed host.")]
    public static partial void TokenWithheld(ILogger logger, string? host);

    // Event 8 (StatusRateLimited) is retired: the retry policy logs every retry as event 13.

    [LoggerMessage(EventId = 9, EventName = "RequestsPaused", Level = LogLevel.Warning,
        Message = "Marketing Cloud answered 429 (requests temporarily blocked): every request of this worker waits {Pause} before it is sent.")]
    public static partial void RequestsPaused(ILogger logger, TimeSpan pause);

    [LoggerMessage(EventId = 10, EventName = "RequestBudgetUsedUp", Level = LogLevel.Debug,
        Message = "Request budget of {Budget} per minute used up: the next request waits {Wait}.")]
    public static partial void RequestBudgetUsedUp(ILogger logger, int budget, TimeSpan wait);

    [LoggerMessage(EventId = 11, EventName = "SweepGivenUp", Level = LogLevel.Warning,
        Message = "The delete-requests sweep failed {Failures} times ({Kind}); following each deletion on its own.")]
    public static partial void SweepGivenUp(ILogger logger, int failures, string kind);

    [LoggerMessage(EventId = 12, EventName = "EmailAddressesResolved", Level = LogLevel.Information,
        Message = "Resolved {AddressCount} email addresses: {FoundCount} with contact keys.")]
    public static partial void EmailAddressesResolved(ILogger logger, int addressCount, int foundCount);

    [LoggerMessage(EventId = 13, EventName = "Retrying", Level = LogLevel.Debug,
        Message = "{Method} request failed ({Reason}): retry {Retry} in {Wait}.")]
    public static partial void Retrying(ILogger logger, string method, string reason, int retry, TimeSpan wait);
}
