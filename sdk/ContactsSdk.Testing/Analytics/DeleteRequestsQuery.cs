namespace ContactsSdk.Testing.Analytics;

/// <summary>What a request to the delete requests list asks for.</summary>
/// <param name="Range">The <c>startdateutc</c>/<c>enddateutc</c> range.</param>
/// <param name="Status">The status the <c>statusid</c> filter keeps, or null for all.</param>
/// <param name="Page"><c>$page</c>, from 1.</param>
/// <param name="PageSize"><c>$pagesize</c>.</param>
/// <param name="Descending">Whether <c>$orderBy</c> asks for descending operation IDs.</param>
internal sealed record DeleteRequestsQuery(DateRange Range, string? Status, int Page, int PageSize, bool Descending);
