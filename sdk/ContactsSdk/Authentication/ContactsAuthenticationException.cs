using System;

namespace ContactsSdk;

/// <summary>
/// The token endpoint refused the credentials or answered with something unusable. The message
/// carries the endpoint's error code and description, never the client secret or a token.
/// <see cref="ContactsSdkException.StatusCode"/> is the HTTP status of the token response, when there was one.
/// </summary>
public sealed class ContactsAuthenticationException : ContactsSdkException
{
    /// <summary>Creates the exception.</summary>
    public ContactsAuthenticationException(string message, int? statusCode = null, string? error = null, Exception? innerException = null)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        Error = error;
    }

    /// <summary>The OAuth error code (for example <c>invalid_client</c>), when the endpoint sent one.</summary>
    public string? Error { get; }
}
