using System;
using ContactsSdk.Testing.Lifecycle;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Testing.Hosting;

/// <summary>
/// The emulator's log messages. None of them takes a secret or an access token as an argument:
/// a client secret must never reach a log, even the emulator's.
/// </summary>
internal static partial class EmulatorLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Marketing Cloud emulator listening on {BaseAddress}")]
    public static partial void Listening(ILogger logger, Uri baseAddress);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Issued an access token to client {ClientId}, valid until {ExpiresAt:O}")]
    public static partial void TokenIssued(ILogger logger, string clientId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Refused a token request: {Reason}")]
    public static partial void TokenRefused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Refused a request to {Path}: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Rate limited a request to {Path}; the window closes in {RetryAfter}")]
    public static partial void RateLimited(ILogger logger, string path, TimeSpan retryAfter);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Created delete operation {OperationId} ({Type}); its call is processed from {ProcessingStartsAt:O} to {ProcessingEndsAt:O}, and its delete phase will end {Outcome}")]
    public static partial void OperationCreated(
        ILogger logger, long operationId, DeleteRequestType type, DateTimeOffset processingStartsAt, DateTimeOffset processingEndsAt, DeleteOutcome outcome);

    [LoggerMessage(EventId = 7, Level = LogLevel.Information, Message = "Refused a delete request with service error {ResultCode}")]
    public static partial void DeleteRejected(ILogger logger, string resultCode);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "Injected fault {Fault} into a {Route} request")]
    public static partial void FaultInjected(ILogger logger, string fault, EmulatorRoute route);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Revoked every access token")]
    public static partial void AllTokensRevoked(ILogger logger);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Deletions created from now on stay restorable for {Days} days")]
    public static partial void RestorablePeriodSet(ILogger logger, int days);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Refused a configSettings request with service error {ResultCode}")]
    public static partial void SettingsRejected(ILogger logger, string resultCode);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Restarted delete operation {OperationId} (retry {RetryCount}); its delete phase will end Completed")]
    public static partial void OperationRestarted(ILogger logger, long operationId, int retryCount);

    [LoggerMessage(EventId = 13, Level = LogLevel.Information, Message = "Did not restart operation {OperationId}: {ResultCode}")]
    public static partial void RetryRefused(ILogger logger, long operationId, string resultCode);

    [LoggerMessage(EventId = 14, Level = LogLevel.Information, Message = "Created restrict operation {OperationId} ({Type})")]
    public static partial void RestrictionCreated(ILogger logger, long operationId, DeleteRequestType type);

    [LoggerMessage(EventId = 16, Level = LogLevel.Information, Message = "Searched {AddressCount} email addresses, {FoundCount} with contacts")]
    public static partial void EmailAddressesSearched(ILogger logger, int addressCount, int foundCount);

    [LoggerMessage(EventId = 15, Level = LogLevel.Information, Message = "Refused a restrict request with service error {ResultCode}")]
    public static partial void RestrictRejected(ILogger logger, string resultCode);
}
