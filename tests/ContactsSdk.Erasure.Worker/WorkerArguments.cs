using System;
using System.Collections.Generic;
using System.Globalization;

namespace ContactsSdk.Erasure.Worker;

/// <summary>The worker's command line: <c>--name value</c> pairs, all required.</summary>
public sealed record WorkerArguments(string LedgerPath, Uri Endpoint, string ClientId, string ClientSecret, string AccountId, string RequestPrefix, int Count)
{
    internal static WorkerArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }
        string Get(string name) => values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"--{name} is required.");
        return new WorkerArguments(
            Get("ledger"), new Uri(Get("endpoint")), Get("client-id"), Get("client-secret"), Get("account-id"), Get("prefix"),
            int.Parse(Get("count"), CultureInfo.InvariantCulture));
    }

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
