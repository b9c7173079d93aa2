using System;
using System.Collections.Generic;
using System.Net;
using Microsoft.Extensions.Options;

namespace ContactsSdk;

/// <summary>
/// Checks <see cref="ContactsClientOptions"/> before the first request, with messages that say what
/// to fix. Messages name settings, never their secret values.
/// </summary>
public sealed class ContactsClientOptionsValidator : IValidateOptions<ContactsClientOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ContactsClientOptions options)
    {
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem of <paramref name="options"/>.</summary>
    public static void ThrowIfInvalid(ContactsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Collect(options);
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ContactsClientOptions), failures);
        }
    }

    private static List<string> Collect(ContactsClientOptions options)
    {
        var failures = new List<string>();
        if (options.EndpointOverride is null)
        {
            if (string.IsNullOrWhiteSpace(options.Subdomain))
            {
                failures.Add($"{nameof(ContactsClientOptions.Subdomain)} is required (the tenant subdomain of the installed package), unless {nameof(ContactsClientOptions.EndpointOverride)} is set.");
            }
            else if (!IsValidSubdomain(options.Subdomain))
            {
                failures.Add($"{nameof(ContactsClientOptions.Subdomain)} '{options.Subdomain}' is malformed: use only the subdomain (letters, digits and hyphens, at most 63 characters), not a URL or host name.");
            }
        }
        else
        {
            ValidateOverride(options.EndpointOverride, failures);
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add($"{nameof(ContactsClientOptions.ClientId)} is required (the installed package's client ID).");
        }
        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add($"{nameof(ContactsClientOptions.ClientSecret)} is required (the installed package's client secret).");
        }
        if (options.AccountId is { Value: <= 0 })
        {
            // Only default(AccountId) gets here: its constructor and parsing refuse anything but a MID.
            failures.Add($"{nameof(ContactsClientOptions.AccountId)} must be the numeric MID of a business unit, not the default value.");
        }
        if (options.TokenRefreshMargin < TimeSpan.Zero || options.TokenRefreshMargin > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{nameof(ContactsClientOptions.TokenRefreshMargin)} must be between 0 and 10 minutes (tokens live about 18 minutes).");
        }
        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ContactsClientOptions.RequestTimeout)} must be positive.");
        }
        ValidateRateLimits(options, failures);
        return failures;
    }

    private static void ValidateRateLimits(ContactsClientOptions options, List<string> failures)
    {
        if (options.RequestBudgetPerMinute is < 1)
        {
            failures.Add($"{nameof(ContactsClientOptions.RequestBudgetPerMinute)} must be at least 1 (or unset for no budget).");
        }
        if (options.TemporarilyBlockedPause < ContactsClientOptions.MinTemporarilyBlockedPause || options.TemporarilyBlockedPause > ContactsClientOptions.MaxTemporarilyBlockedPause)
        {
            failures.Add($"{nameof(ContactsClientOptions.TemporarilyBlockedPause)} must be between 1 second and 1 hour.");
        }
        ValidateRetry(options.Retry, failures);
    }

    private static void ValidateRetry(ContactsRetryOptions retry, List<string> failures)
    {
        const string prefix = nameof(ContactsClientOptions.Retry) + ".";
        if (retry.MaxRetries < 0 || retry.MaxRetries > ContactsRetryOptions.MaxRetriesLimit)
        {
            failures.Add($"{prefix}{nameof(ContactsRetryOptions.MaxRetries)} must be between 0 and {ContactsRetryOptions.MaxRetriesLimit}.");
        }
        if (retry.Delay < TimeSpan.Zero || retry.Delay > TimeSpan.FromHours(1))
        {
            failures.Add($"{prefix}{nameof(ContactsRetryOptions.Delay)} must be between 0 and 1 hour.");
        }
        if (retry.MaxDelay < TimeSpan.Zero || retry.MaxDelay > TimeSpan.FromDays(1))
        {
            failures.Add($"{prefix}{nameof(ContactsRetryOptions.MaxDelay)} must be between 0 and 1 day.");
        }
    }

    private static void ValidateOverride(Uri endpoint, List<string> failures)
    {
        const string name = nameof(ContactsClientOptions.EndpointOverride);
        if (!endpoint.IsAbsoluteUri)
        {
            failures.Add($"{name} must be an absolute URI.");
            return;
        }
        if (endpoint.Scheme == Uri.UriSchemeHttp && !IsLoopback(endpoint))
        {
            failures.Add($"{name} '{endpoint}' uses http:// on a non-loopback host: credentials would travel in clear text. Use https://, or http:// only for a local emulator on loopback.");
        }
        else if (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)
        {
            failures.Add($"{name} '{endpoint}' must use https:// (or http:// on loopback).");
        }
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));

    private static bool IsValidSubdomain(string subdomain)
    {
        if (subdomain.Length > 63 || subdomain[0] == '-' || subdomain[^1] == '-')
        {
            return false;
        }
        foreach (var c in subdomain)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }
        return true;
    }
}
