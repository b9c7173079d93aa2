using System;
using System.Collections.Generic;
using System.Globalization;

namespace ContactsSdk.Erasure.Worker;

/// <summary>
/// The worker's command line: <c>--name value</c> pairs, all required but <c>--timeout-minutes</c>
/// (how long to wait for every erasure to close; 6 by default), <c>--load</c> (<c>yes</c>: the
/// timings of the load test, see <see cref="Program"/>) and <c>--checkin-ms</c> (Quartz's cluster
/// check-in interval and misfire threshold, both; Quartz's defaults when absent).
/// </summary>
public sealed record WorkerArguments(string LedgerPath, Uri Endpoint, string ClientId, string ClientSecret, AccountId AccountId, string RequestPrefix, int Count)
{
    /// <summary>How long the worker waits for every erasure to close before it gives up (exit code 2).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(6);

    /// <summary>Whether the worker runs with the load test's settings (faults expected on every route).</summary>
    public bool Load { get; init; }

    /// <summary>Quartz's cluster check-in interval and misfire threshold, or null for Quartz's defaults.</summary>
    public TimeSpan? Checkin { get; init; }

    internal static WorkerArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        string Get(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
        return new WorkerArguments(
            Get("ledger"), new Uri(Get("endpoint")), Get("client-id"), Get("client-secret"), ContactsSdk.AccountId.Parse(Get("account-id")), Get("prefix"),
            int.Parse(Get("count"), CultureInfo.InvariantCulture))
        {
            Timeout = values.TryGetValue("timeout-minutes", out var minutes) ? TimeSpan.FromMinutes(double.Parse(minutes, CultureInfo.InvariantCulture)) : TimeSpan.FromMinutes(6),
            Load = values.TryGetValue("load", out var load) && load == "yes",
            Checkin = values.TryGetValue("checkin-ms", out var checkin) ? TimeSpan.FromMilliseconds(int.Parse(checkin, CultureInfo.InvariantCulture)) : null,
        };
    }

    /// <summary>The request ID of erasure <paramref name="index"/> of a run with <paramref name="prefix"/>.</summary>
    public static string RequestIdOf(string prefix, int index) => $"{prefix}-{index}";

    /// <summary>The contact keys of erasure <paramref name="index"/>: 1 to 3 keys, so contact counts differ and repeat.</summary>
    public static string[] KeysOf(string requestId, int index)
    {
        var keys = new string[1 + (index % 3)];
        for (var k = 0; k < keys.Length; k++)
        {
            keys[k] = $"{requestId}-contact-{k}";
        }
        return keys;
    }
}
