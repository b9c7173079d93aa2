using System;

namespace ContactsSdk.Erasure.Storage;

/// <summary>
/// A page of erasures: those submitted in [<see cref="SubmittedFrom"/>, <see cref="SubmittedTo"/>),
/// optionally only the active ones, after the keyset cursor.
/// </summary>
public sealed record ErasureListQuery
{
    /// <summary>The largest page a store returns.</summary>
    public static readonly int MaxPageSize = 1000;

    /// <summary>Inclusive lower bound of the submission time (none when null).</summary>
    public DateTimeOffset? SubmittedFrom { get; init; }

    /// <summary>Exclusive upper bound of the submission time (none when null).</summary>
    public DateTimeOffset? SubmittedTo { get; init; }

    /// <summary>Only erasures without a verdict yet.</summary>
    public bool ActiveOnly { get; init; }

    /// <summary>
    /// Only erasures accepted by Marketing Cloud and waiting for their verdict, read through their own
    /// index: what the delete-requests sweep follows, however many erasures wait to be sent. Cannot be
    /// combined with a submission range.
    /// </summary>
    public bool AcceptedOnly { get; init; }

    /// <summary>The cursor: the last erasure of the previous page (its submission time and ID).</summary>
    public (DateTimeOffset SubmittedAt, Guid ErasureId)? After { get; init; }

    /// <summary>How many to return (1 to <see cref="MaxPageSize"/>).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>Throws when the query cannot be run.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(PageSize, 1, nameof(PageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(PageSize, MaxPageSize, nameof(PageSize));
        if (SubmittedFrom is { } from && SubmittedTo is { } to && to <= from)
        {
            throw new ArgumentException("The end of the range must be after its start.", nameof(SubmittedTo));
        }
        if (AcceptedOnly && (SubmittedFrom is not null || SubmittedTo is not null))
        {
            throw new ArgumentException("Accepted erasures are listed without a submission range.", nameof(AcceptedOnly));
        }
    }
}
