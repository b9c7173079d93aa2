using System;

namespace ContactsSdk;

/// <summary>
/// A delete request failed in a way that leaves open whether Marketing Cloud acted on it: the
/// connection broke after the request was sent, no answer came in time, the service answered with a
/// server error, or its answer could not be read or carried no operation ID. It is not retried
/// automatically: sending it again could queue a second deletion. Look the deletion up (for example
/// on the analytics delete-requests route) before sending it again.
/// <see cref="ContactsSdkException.IsOutcomeUnknown"/> is always true.
/// </summary>
public sealed class DeletionOutcomeUnknownException : ContactsSdkException
{
    /// <summary>Creates the exception.</summary>
    public DeletionOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
        IsOutcomeUnknown = true;
        // What the failed exchange said, when it said anything (a 5xx, say).
        if (innerException is ContactsSdkException failed)
        {
            StatusCode = failed.StatusCode;
            GatewayErrorCode = failed.GatewayErrorCode;
            ServiceMessageId = failed.ServiceMessageId;
        }
    }

    /// <summary>Creates the exception for an answer that arrived but says too little.</summary>
    public DeletionOutcomeUnknownException(string message)
        : base(message)
    {
        IsOutcomeUnknown = true;
    }
}
