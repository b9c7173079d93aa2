using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.AspNetCore;

/// <summary>
/// The list endpoint's filters over the ledger's keyset pages. State, verdict and MID are applied to the
/// pages as they are read (the store pages by submission time), reading at most <see cref="MaxScanned"/>
/// erasures per call: a sparse filter returns a short page with a cursor to go on from.
/// </summary>
internal sealed record ErasureListFilter(ErasureState? State, ErasureVerdict? Verdict, AccountId? AccountId, DateTimeOffset? From, DateTimeOffset? To, int Limit)
{
    public const int DefaultLimit = 100;
    private const int MaxScanned = 10_000;

    public string? Problem() =>
        Limit < 1 || Limit > ErasureListQuery.MaxPageSize ? $"'limit' is 1 to {ErasureListQuery.MaxPageSize}."
        : From is { } from && To is { } to && to <= from ? "'to' must be after 'from'."
        : null;

    public async Task<ErasurePage> PageAsync(IErasureService service, (DateTimeOffset SubmittedAt, Guid ErasureId)? after, CancellationToken cancellationToken)
    {
        var items = new List<ErasureView>();
        var cursor = after;
        var scanned = 0;
        while (true)
        {
            // Unfiltered, the store's page is the answer; filtered, read whole pages and keep what matches.
            var size = Filters ? ErasureListQuery.MaxPageSize : Limit - items.Count;
            var page = await service.ListAsync(new ErasureListQuery
            {
                SubmittedFrom = From,
                SubmittedTo = To,
                ActiveOnly = State is not null and not ErasureState.Closed,
                After = cursor,
                PageSize = size,
            }, cancellationToken).ConfigureAwait(false);
            foreach (var record in page)
            {
                cursor = (record.SubmittedAt, record.ErasureId);
                scanned++;
                if (Matches(record))
                {
                    items.Add(ErasureView.Of(record));
                    if (items.Count == Limit)
                    {
                        return new ErasurePage(items, Cursor(cursor.Value));
                    }
                }
            }
            if (page.Count < size)
            {
                return new ErasurePage(items, null);
            }
            if (scanned >= MaxScanned)
            {
                return new ErasurePage(items, Cursor(cursor!.Value));
            }
        }
    }

    private bool Filters => State is not null || Verdict is not null || AccountId is not null;

    private bool Matches(ErasureRecord record) =>
        (State is null || record.State == State) && (Verdict is null || record.Verdict == Verdict) && (AccountId is null || record.AccountId == AccountId);

    private static string Cursor((DateTimeOffset SubmittedAt, Guid ErasureId) at) =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{at.SubmittedAt.ToUnixTimeMilliseconds()}:{at.ErasureId:D}")));

    public static (DateTimeOffset, Guid)? ParseCursor(string text)
    {
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(text)).Split(':');
            return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var millis) && Guid.TryParse(parts[1], out var id)
                ? (DateTimeOffset.FromUnixTimeMilliseconds(millis), id)
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
