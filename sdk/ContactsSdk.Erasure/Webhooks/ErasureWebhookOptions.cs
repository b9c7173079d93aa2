using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace ContactsSdk.Erasure.Webhooks;

/// <summary>
/// The webhook endpoints and how deliveries are retried. Defaults are the <c>Default…</c> values; the
/// endpoints are checked when the webhooks are registered (<see cref="Validate"/>).
/// </summary>
public sealed partial class ErasureWebhookOptions
{
    /// <summary>Default <see cref="DeliveryInterval"/>.</summary>
    public static readonly TimeSpan DefaultDeliveryInterval = TimeSpan.FromSeconds(5);

    /// <summary>Default <see cref="FirstRetryDelay"/>.</summary>
    public static readonly TimeSpan DefaultFirstRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>Default <see cref="MaxRetryDelay"/>.</summary>
    public static readonly TimeSpan DefaultMaxRetryDelay = TimeSpan.FromHours(1);

    /// <summary>Default <see cref="MaxAttempts"/>: with the default delays, about a day of retries.</summary>
    public static readonly int DefaultMaxAttempts = 30;

    /// <summary>Default <see cref="MaxAge"/>.</summary>
    public static readonly TimeSpan DefaultMaxAge = TimeSpan.FromDays(3);

    /// <summary>Default <see cref="RequestTimeout"/>.</summary>
    public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Default <see cref="MaxHealthyBacklogAge"/>.</summary>
    public static readonly TimeSpan DefaultMaxHealthyBacklogAge = TimeSpan.FromMinutes(15);

    /// <summary>The receivers. Names must be unique.</summary>
    public IList<WebhookEndpoint> Endpoints { get; set; } = [];

    /// <summary>How often the delivery job looks for due deliveries (it keeps going while it finds some).</summary>
    public TimeSpan DeliveryInterval { get; set; } = DefaultDeliveryInterval;

    /// <summary>The wait after a first failed attempt; each next wait doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = DefaultFirstRetryDelay;

    /// <summary>The longest wait between two attempts of one delivery.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = DefaultMaxRetryDelay;

    /// <summary>After this many failed attempts a delivery is marked failed (still listed, and can be sent again).</summary>
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;

    /// <summary>A delivery still failing this long after its event is marked failed.</summary>
    public TimeSpan MaxAge { get; set; } = DefaultMaxAge;

    /// <summary>How long one attempt may take before it counts as failed.</summary>
    public TimeSpan RequestTimeout { get; set; } = DefaultRequestTimeout;

    /// <summary>The webhook health check is degraded when a delivery has waited longer than this (or any has failed).</summary>
    public TimeSpan MaxHealthyBacklogAge { get; set; } = DefaultMaxHealthyBacklogAge;

    /// <summary>Checks every setting; the message names the endpoint (never its secret or URL).</summary>
    /// <exception cref="InvalidOperationException">A setting cannot work.</exception>
    public void Validate()
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Endpoints.Count; i++)
        {
            var endpoint = Endpoints[i] ?? throw new InvalidOperationException($"Webhook endpoint {i} is empty.");
            var which = $"Webhook endpoint {i}" + (string.IsNullOrWhiteSpace(endpoint.Name) ? string.Empty : $" ('{endpoint.Name}')");
            if (!NamePattern().IsMatch(endpoint.Name ?? string.Empty))
            {
                throw new InvalidOperationException($"{which}: Name is required, up to 100 letters, digits, '.', '_' or '-'.");
            }
            if (!names.Add(endpoint.Name!))
            {
                throw new InvalidOperationException($"{which}: another endpoint has the same Name; names must be unique.");
            }
            if (!Uri.TryCreate(endpoint.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"{which}: Url must be an absolute http or https URL.");
            }
            if (string.IsNullOrWhiteSpace(endpoint.Secret))
            {
                throw new InvalidOperationException($"{which}: Secret is required (deliveries are signed with it).");
            }
            if (endpoint.Events?.FirstOrDefault(e => !WebhookEventTypes.All.Contains(e)) is { } unknown)
            {
                throw new InvalidOperationException($"{which}: unknown event type '{unknown}' (known: {string.Join(", ", WebhookEventTypes.All)}).");
            }
        }
        Positive(DeliveryInterval, nameof(DeliveryInterval));
        Positive(FirstRetryDelay, nameof(FirstRetryDelay));
        Positive(RequestTimeout, nameof(RequestTimeout));
        Positive(MaxAge, nameof(MaxAge));
        Positive(MaxHealthyBacklogAge, nameof(MaxHealthyBacklogAge));
        if (MaxRetryDelay < FirstRetryDelay)
        {
            throw new InvalidOperationException($"{nameof(MaxRetryDelay)} must not be shorter than {nameof(FirstRetryDelay)}.");
        }
        if (MaxAttempts < 1)
        {
            throw new InvalidOperationException($"{nameof(MaxAttempts)} must be at least 1.");
        }
    }

    /// <summary>The wait before the attempt after <paramref name="failedAttempts"/> failed ones: doubling, capped.</summary>
    internal TimeSpan RetryDelayAfter(int failedAttempts)
    {
        var doublings = Math.Min(Math.Max(failedAttempts - 1, 0), 30);
        var delay = FirstRetryDelay * Math.Pow(2, doublings);
        return delay > MaxRetryDelay ? MaxRetryDelay : delay;
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{name} must be positive.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,100}$")]
    private static partial Regex NamePattern();
}
