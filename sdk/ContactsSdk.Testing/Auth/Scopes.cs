using System;
using System.Collections.Generic;
using System.Linq;

namespace ContactsSdk.Testing.Auth;

/// <summary>The scopes the Contacts routes need, and parsing of space-separated scope lists.</summary>
internal static class Scopes
{
    public const string ListAndSubscribersRead = "list_and_subscribers_read";
    public const string ListAndSubscribersWrite = "list_and_subscribers_write";

    public static IReadOnlySet<string> Parse(string? scope) =>
        (scope ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Space-separated, in a stable order.</summary>
    public static string Format(IEnumerable<string> scopes) => string.Join(' ', scopes.Order(StringComparer.Ordinal));

    /// <summary>
    /// The scope a route needs, or null when it needs none beyond a valid token: reads need the read
    /// scope, anything that starts or changes something needs the write scope.
    /// </summary>
    public static string? RequiredBy(EmulatorRoute route) => route switch
    {
        EmulatorRoute.Delete or EmulatorRoute.ConfigSettings or EmulatorRoute.DeleteRetry
            or EmulatorRoute.Restrict or EmulatorRoute.RestrictRetry => ListAndSubscribersWrite,
        EmulatorRoute.Status or EmulatorRoute.DeleteRequests or EmulatorRoute.DeleteRequestsSummary
            or EmulatorRoute.RestrictStatus or EmulatorRoute.EmailSearch or EmulatorRoute.DeleteOperations => ListAndSubscribersRead,
        _ => null,
    };
}
