using System;
using System.Globalization;
using System.Text.RegularExpressions;
using ContactsSdk.Testing.Analytics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ContactsSdk.Testing.Routes;

/// <summary>
/// Reads the analytics routes' query strings. Any problem is a gateway 400 naming the parameter:
/// the service never sees a request it cannot read. Parameter names match whatever their case
/// (the route document writes both <c>$orderBy</c> and <c>$orderby</c>).
/// </summary>
internal static partial class AnalyticsQueryParser
{
    public const string StartDate = "startdateutc";
    public const string EndDate = "enddateutc";
    public const string StatusId = "statusid";
    public const string Page = "$page";
    public const string PageSize = "$pagesize";
    // Spelled as the route document's example request does; the query collection ignores case, so $orderBy works too.
    public const string OrderBy = "$orderby";

    public const int DefaultPage = 1;
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;

    private const string OrderByProperty = "operationId";
    private const string Ascending = "asc";
    private const string Descending = "desc";

    private static readonly string[] TimestampFormats = ["yyyy'-'MM'-'dd'T'HH':'mm':'ss", "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF"];

    /// <summary>The date range both analytics routes require.</summary>
    public static bool TryParseRange(IQueryCollection query, out DateRange range, out string problem)
    {
        range = default;
        if (!TryParseUtc(query, StartDate, out var start, out problem) || !TryParseUtc(query, EndDate, out var end, out problem))
        {
            return false;
        }

        if (end <= start)
        {
            problem = $"{EndDate} must be later than {StartDate}.";
            return false;
        }

        range = new DateRange(start, end);
        return true;
    }

    /// <summary>The range, the status filter, the page and the order of the delete requests list.</summary>
    public static bool TryParseList(IQueryCollection query, out DeleteRequestsQuery? result, out string problem)
    {
        result = null;
        if (!TryParseRange(query, out var range, out problem)
            || !TryParseStatus(query, out var status, out problem)
            || !TryParseInt(query, Page, DefaultPage, 1, int.MaxValue, out var page, out problem)
            || !TryParseInt(query, PageSize, DefaultPageSize, 1, MaxPageSize, out var pageSize, out problem)
            || !TryParseOrder(query, out var descending, out problem))
        {
            return false;
        }

        result = new DeleteRequestsQuery(range, status, page, pageSize, descending);
        return true;
    }

    private static bool TryParseUtc(IQueryCollection query, string name, out DateTimeOffset value, out string problem)
    {
        value = default;
        problem = $"{name} is required once, as a UTC date and time without an offset or with a Z, such as 2019-02-18T00:00:00 or 2018-01-15T00:00:00Z.";
        // The pattern first: any other offset would be accepted by the parser and silently converted.
        if (!TryGetSingle(query, name, out var text) || !UtcTimestampPattern().IsMatch(text))
        {
            return false;
        }

        // The summary route document writes the range with a Z; it says UTC, as no designator does.
        text = text.TrimEnd('Z');

        if (!DateTime.TryParseExact(
                text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        value = new DateTimeOffset(parsed, TimeSpan.Zero);
        return true;
    }

    private static bool TryParseStatus(IQueryCollection query, out string? status, out string problem)
    {
        status = null;
        problem = string.Empty;
        if (!query.ContainsKey(StatusId))
        {
            return true;
        }

        problem = string.Create(
            CultureInfo.InvariantCulture,
            $"{StatusId} must be {DeleteRequestStatuses.ProcessingId} (Processing), {DeleteRequestStatuses.CompletedId} (Completed) or {DeleteRequestStatuses.InvalidId} (Invalid).");
        if (!TryGetSingle(query, StatusId, out var text)
            || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || DeleteRequestStatuses.FromStatusId(id) is not { } known)
        {
            return false;
        }

        status = known;
        return true;
    }

    internal static bool TryParseInt(IQueryCollection query, string name, int defaultValue, int min, int max, out int value, out string problem)
    {
        value = defaultValue;
        problem = string.Empty;
        if (!query.ContainsKey(name))
        {
            return true;
        }

        problem = string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min} to {max}.");
        return TryGetSingle(query, name, out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= min
            && value <= max;
    }

    private static bool TryParseOrder(IQueryCollection query, out bool descending, out string problem)
    {
        descending = false;
        problem = string.Empty;
        if (!query.ContainsKey(OrderBy))
        {
            return true;
        }

        problem = $"{OrderBy} must be \"{OrderByProperty}\", \"{OrderByProperty} {Ascending}\" or \"{OrderByProperty} {Descending}\".";
        if (!TryGetSingle(query, OrderBy, out var text))
        {
            return false;
        }

        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length is < 1 or > 2 || !string.Equals(parts[0], OrderByProperty, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (parts.Length == 1 || string.Equals(parts[1], Ascending, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        descending = string.Equals(parts[1], Descending, StringComparison.OrdinalIgnoreCase);
        return descending;
    }

    private static bool TryGetSingle(IQueryCollection query, string name, out string text)
    {
        StringValues values = query[name];
        text = values.Count == 1 ? values[0] ?? string.Empty : string.Empty;
        return values.Count == 1;
    }

    // The spec's UtcQueryTimestamp: ASCII digits only, at most seven fraction digits, no offset but an optional Z.
    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,7})?Z?$", RegexOptions.CultureInvariant)]
    private static partial Regex UtcTimestampPattern();
}
