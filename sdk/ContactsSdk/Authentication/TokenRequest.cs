using System;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Configuration;

namespace ContactsSdk.Authentication;

/// <summary>One call to the <c>/v2/token</c> endpoint and the reading of its answer.</summary>
internal static class TokenRequest
{
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
                throw Failure((int)response.StatusCode, body, options);
            }
            return Read(body, timeProvider.GetUtcNow(), options);
        }
    }

    private static byte[] WriteBody(ContactsClientOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("grant_type", "client_credentials");
            writer.WriteString("client_id", options.ClientId);
            writer.WriteString("client_secret", options.ClientSecret);
            if (!string.IsNullOrEmpty(options.AccountId))
            {
                writer.WriteString("account_id", options.AccountId);
            }
            if (!string.IsNullOrEmpty(options.Scope))
            {
                writer.WriteString("scope", options.Scope);
            }
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static AccessToken Read(byte[] body, DateTimeOffset now, ContactsClientOptions options)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            var value = root.TryGetProperty("access_token", out var token) ? token.GetString() : null;
            if (string.IsNullOrEmpty(value))
            {
                throw new ContactsAuthenticationException("The token endpoint answered without an access_token.");
            }
            var lifetime = TimeSpan.FromSeconds(root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) && seconds > 0 ? seconds : 0);
            // Renew a margin before expiry, but never sooner than half-way through a short lifetime.
            var margin = options.TokenRefreshMargin < lifetime / 2 ? options.TokenRefreshMargin : lifetime / 2;
            Uri? restInstance = null;
            if (root.TryGetProperty("rest_instance_url", out var rest) && rest.ValueKind == JsonValueKind.String)
            {
                Uri.TryCreate(rest.GetString(), UriKind.Absolute, out restInstance);
            }
            return new AccessToken(value, now + lifetime - margin, restInstance);
        }
        catch (JsonException ex)
        {
            throw new ContactsAuthenticationException("The token endpoint answered with a body that is not JSON.", innerException: ex);
        }
    }

    private static ContactsAuthenticationException Failure(int status, byte[] body, ContactsClientOptions options)
    {
        string? error = null;
        string? description = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                error = document.RootElement.TryGetProperty("error", out var e) ? e.GetString() : null;
                description = document.RootElement.TryGetProperty("error_description", out var d) ? d.GetString() : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the status code alone has to do.
        }
        var message = $"The token endpoint refused the request with HTTP {status}" +
            (error is null ? "" : $" ({error})") +
            (description is null ? "." : $": {Redact(description, options)}") +
            // Only a refusal is about the credentials; a 429 or a 5xx is the endpoint's own trouble.
            (status is >= 400 and < 500 and not 429 ? " Check ClientId, ClientSecret and AccountId." : "");
        return new ContactsAuthenticationException(message, status, error);
    }

    /// <summary>Never echo the secret, even if an endpoint puts it into its own message.</summary>
    private static string Redact(string text, ContactsClientOptions options) =>
        string.IsNullOrEmpty(options.ClientSecret) ? text : text.Replace(options.ClientSecret, "***", StringComparison.Ordinal);
}
