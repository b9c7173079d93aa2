using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Models;
using ContactsSdk.Serialization;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace ContactsSdk.Authentication;

/// <summary>
/// One call to the <c>/v2/token</c> endpoint and the reading of its answer, through the spec's
/// token models (<c>AccessTokenRequest</c>, <c>AccessTokenResponse</c>, <c>AccessTokenError</c>).
/// </summary>
internal static class TokenRequest
{
    private const string ClientCredentialsGrant = "client_credentials";

    public static async Task<AccessToken> SendAsync(HttpClient httpClient, ContactsClientOptions options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.AuthBaseAddress, "v2/token"))
        {
            Content = new ByteArrayContent(WriteBody(options)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new ContactsAuthenticationException($"The token endpoint {options.AuthBaseAddress.Host} could not be reached: {ex.Message}", innerException: ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The HttpClient timeout. Reported as an authentication failure so that no caller
            // mistakes it for a timeout of the API request the token was for (which was never sent).
            throw new ContactsAuthenticationException($"The token endpoint {options.AuthBaseAddress.Host} did not answer within {httpClient.Timeout}.", innerException: ex);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw await FailureAsync((int)response.StatusCode, body, options, cancellationToken).ConfigureAwait(false);
            }
            return await ReadAsync(body, timeProvider.GetUtcNow(), options, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The body, written from the spec's <c>AccessTokenRequest</c> model (null fields are left out).</summary>
    private static byte[] WriteBody(ContactsClientOptions options)
    {
        var body = new AccessTokenRequest
        {
            GrantType = ClientCredentialsGrant,
            ClientId = options.ClientId,
            ClientSecret = options.ClientSecret,
            AccountId = options.AccountId?.ToString(),
            Scope = string.IsNullOrEmpty(options.Scope) ? null : options.Scope,
        };
        using var writer = new JsonSerializationWriter();
        writer.WriteObjectValue(null, body);
        using var content = writer.GetSerializedContent();
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static async Task<AccessToken> ReadAsync(byte[] body, DateTimeOffset now, ContactsClientOptions options, CancellationToken cancellationToken)
    {
        if (TokenEndpointProblems.LooksLikeHtml(body))
        {
            throw new ContactsAuthenticationException(TokenEndpointProblems.HtmlAnswer(options));
        }

        var response = await ReadModelAsync(body, AccessTokenResponse.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
        if (response is null)
        {
            throw new ContactsAuthenticationException(TokenEndpointProblems.NotJsonAnswer(options));
        }
        if (string.IsNullOrEmpty(response.AccessToken))
        {
            throw new ContactsAuthenticationException("The token endpoint answered without an access_token.");
        }
        var lifetime = TimeSpan.FromSeconds(response.ExpiresIn is int seconds && seconds > 0 ? seconds : 0);
        // Renew a margin before expiry, but never sooner than half-way through a short lifetime.
        var margin = options.TokenRefreshMargin < lifetime / 2 ? options.TokenRefreshMargin : lifetime / 2;
        return new AccessToken(response.AccessToken, now + lifetime - margin, RestInstanceUrl(response.RestInstanceUrl));
    }

    /// <summary>
    /// The REST host of the token response. The documented example gives it without a scheme
    /// (<c>mc….rest.marketingcloudapis.com/</c>): such a value is read as https.
    /// </summary>
    internal static Uri? RestInstanceUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var text = value.Contains("://", StringComparison.Ordinal) ? value : "https://" + value;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : null;
    }

    private static async Task<ContactsAuthenticationException> FailureAsync(int status, byte[] body, ContactsClientOptions options, CancellationToken cancellationToken)
    {
        if (TokenEndpointProblems.LooksLikeHtml(body))
        {
            return new ContactsAuthenticationException(TokenEndpointProblems.HtmlRefusal(status, options), status);
        }

        var error = await ReadModelAsync(body, AccessTokenError.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
        if (status == 404 && string.IsNullOrEmpty(error?.Error))
        {
            // No route there: the address is wrong, whatever the credentials.
            return new ContactsAuthenticationException(TokenEndpointProblems.NotFound(options), status);
        }

        var code = string.IsNullOrEmpty(error?.Error) ? null : error!.Error;
        var description = string.IsNullOrEmpty(error?.ErrorDescription) ? null : error!.ErrorDescription;
        var message = $"The token endpoint refused the request with HTTP {status}" +
            (code is null ? "" : $" ({code})") +
            (description is null ? "." : $": {Redact(description, options)}") +
            // Only a refusal is about the credentials; a 429 or a 5xx is the endpoint's own trouble.
            (status is >= 400 and < 500 and not 429 ? " Check ClientId, ClientSecret and AccountId." : "");
        return new ContactsAuthenticationException(message, status, code);
    }

    /// <summary>The body read into a spec model, or null when it is not a JSON object.</summary>
    private static async Task<T?> ReadModelAsync<T>(byte[] body, ParsableFactory<T> factory, CancellationToken cancellationToken)
        where T : class, IParsable
    {
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            var node = await new ContactsJsonParseNodeFactory().GetRootParseNodeAsync(ContactsJsonParseNodeFactory.Json, stream, cancellationToken).ConfigureAwait(false);
            return node.GetObjectValue(factory);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            // Not JSON, or a field of the wrong kind: the caller says what it can from the status.
            return null;
        }
    }

    /// <summary>Never echo the secret, even if an endpoint puts it into its own message.</summary>
    private static string Redact(string text, ContactsClientOptions options) =>
        string.IsNullOrEmpty(options.ClientSecret) ? text : text.Replace(options.ClientSecret, "***", StringComparison.Ordinal);
}
