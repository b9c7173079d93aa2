using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Models;

namespace ContactsSdk;

/// <summary>
/// Sends a delete request once and says what its failure means. The retries that cannot queue a
/// second deletion (after a 429 or a 401, a connection never established, a token request that
/// failed before the delete was sent) are the pipeline's retry policy's; any failure after the
/// request may have reached the service (<see cref="ContactsSdkException.IsOutcomeUnknown"/>, as
/// <see cref="FailureClassifier"/> decides) becomes <see cref="DeletionOutcomeUnknownException"/>.
/// </summary>
internal static class DeleteRequestSender
{
    private const string NotResent =
        " The deletion may or may not have been queued; the request was not sent again so as not to queue a second deletion." +
        " Look the deletion up (for example on the analytics delete-requests route) before sending it again.";

    public static async Task<DeleteContactsResponse> SendAsync(
        Func<CancellationToken, Task<DeleteContactsResponse?>> send,
        CancellationToken cancellationToken)
    {
        try
        {
            return await send(cancellationToken).ConfigureAwait(false)
                ?? throw new DeletionOutcomeUnknownException("Marketing Cloud answered the delete request with an empty body." + NotResent);
        }
        catch (ContactsSdkException ex) when (ex is not DeletionOutcomeUnknownException && ex.IsOutcomeUnknown)
        {
            throw new DeletionOutcomeUnknownException(Reason(ex) + NotResent, ex);
        }
    }

    /// <summary>Why the service may have acted on the failed request.</summary>
    private static string Reason(ContactsSdkException exception) => exception switch
    {
        { StatusCode: >= 500 and var status } => $"Marketing Cloud answered the delete request with HTTP {status}.",
        { InnerException: System.Text.Json.JsonException } or { InnerException: Microsoft.Kiota.Abstractions.ApiException { InnerException: System.Text.Json.JsonException } } =>
            "Marketing Cloud's answer to the delete request could not be read.",
        { InnerException: System.Net.Http.HttpRequestException http } => $"The connection broke after the delete request was sent ({http.Message}).",
        { InnerException: OperationCanceledException } => "No answer to the delete request came within the request timeout.",
        _ => exception.Message,
    };
}
