using System;

namespace ContactsSdk.Errors;

/// <summary>
/// The base of every exception the SDK itself raises, so that one <c>catch</c> tells the SDK's
/// diagnoses (refused credentials, a service error reported with HTTP 200, a deletion whose outcome
/// is unknown, a wait that ran out of time) from the rest.
/// </summary>
/// <remarks>
/// What the SDK passes through unchanged is not derived from it: the caller's own cancellation
/// (<see cref="OperationCanceledException"/>), transport failures (<see cref="System.Net.Http.HttpRequestException"/>)
/// and gateway errors that Kiota raises for non-success answers of the generated routes
/// (<c>GatewayError</c>, an <c>ApiException</c> carrying Marketing Cloud's <c>errorcode</c>).
/// </remarks>
public abstract class ContactsSdkException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    protected ContactsSdkException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its message and the failure that caused it.</summary>
    protected ContactsSdkException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
