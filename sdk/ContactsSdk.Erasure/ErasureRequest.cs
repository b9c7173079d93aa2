using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ContactsSdk.Erasure;

/// <summary>
/// One erasure to carry out: the caller's request ID (submitting it again returns the same erasure
/// and never starts a second deletion) and the subjects, all of one kind.
/// </summary>
public sealed record ErasureRequest
{
    /// <summary>The most characters a request ID may have.</summary>
    public static readonly int MaxRequestIdLength = 200;

    /// <summary>The most subjects one erasure may have.</summary>
    public static readonly int MaxSubjects = 1000;

    /// <summary>Creates a request.</summary>
    /// <param name="requestId">The caller-chosen, stable ID (for example the ticket of the GDPR request). Not personal data: it appears in receipts in clear.</param>
    /// <param name="subjects">Who to erase.</param>
    public ErasureRequest(string requestId, ErasureSubjects subjects)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        ArgumentNullException.ThrowIfNull(subjects);
        if (requestId.Length > MaxRequestIdLength || requestId.Any(char.IsControl))
        {
            throw new ArgumentException($"A request ID has at most {MaxRequestIdLength} characters and no control characters.", nameof(requestId));
        }
        RequestId = requestId;
        Subjects = subjects;
    }

    /// <summary>The idempotency key.</summary>
    public string RequestId { get; }

    /// <summary>Who to erase.</summary>
    public ErasureSubjects Subjects { get; }

    /// <summary>
    /// When the data subject's request was received: the legal deadline runs from then. Null (the
    /// default) means the submission time. Later than the submission, or more than
    /// <see cref="MaxReceivedAge"/> before it, is refused. Its offset chooses the calendar of a GDPR
    /// month (give the offset of the office that received the request).
    /// </summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>Which legal deadline applies; null (the default) means <see cref="ErasureDeadline.Gdpr"/>.</summary>
    public ErasureDeadline? Deadline { get; init; }

    /// <summary>
    /// The oldest <see cref="ReceivedAt"/> accepted, before the submission: anything older is taken for a
    /// mistyped date rather than a request a year overdue.
    /// </summary>
    public static readonly TimeSpan MaxReceivedAge = TimeSpan.FromDays(366);

    /// <summary>
    /// The business unit (MID) the contacts belong to. When set it must be the MID the client is
    /// configured for (a token is for one MID); when null, the client's MID is recorded.
    /// </summary>
    public AccountId? AccountId { get; init; }
}

/// <summary>The subjects of an erasure: contact keys, contact IDs or email addresses, never mixed.</summary>
public sealed class ErasureSubjects
{
    private ErasureSubjects(SubjectKind kind, IReadOnlyList<string> values)
    {
        Kind = kind;
        Values = values;
    }

    /// <summary>What the subjects are.</summary>
    public SubjectKind Kind { get; }

    /// <summary>The distinct identifiers, in the order first given (IDs as invariant text).</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>Contact keys (subscriber keys).</summary>
    public static ErasureSubjects ContactKeys(IEnumerable<string> contactKeys) =>
        new(SubjectKind.ContactKeys, Require(contactKeys, nameof(contactKeys), static key => !string.IsNullOrWhiteSpace(key), "Contact keys must not be empty."));

    /// <summary>Numeric contact IDs.</summary>
    public static ErasureSubjects ContactIds(IEnumerable<long> contactIds)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        var ids = contactIds.ToList();
        if (ids.Any(id => id <= 0))
        {
            throw new ArgumentException("Contact IDs must be positive.", nameof(contactIds));
        }
        return new(SubjectKind.ContactIds, Require(ids.Select(id => id.ToString(CultureInfo.InvariantCulture)), nameof(contactIds), static _ => true, string.Empty));
    }

    /// <summary>Email addresses: each is resolved to its contact keys before the deletion, as a recorded step.</summary>
    public static ErasureSubjects EmailAddresses(IEnumerable<string> emailAddresses) =>
        new(SubjectKind.EmailAddresses, Require(emailAddresses, nameof(emailAddresses), LooksLikeEmail, "An email address must have one '@' with text on both sides and no spaces."));

    private static bool LooksLikeEmail(string value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsWhiteSpace))
        {
            return false;
        }
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1;
    }

    private static IReadOnlyList<string> Require(IEnumerable<string> values, string name, Func<string, bool> isValid, string invalid)
    {
        ArgumentNullException.ThrowIfNull(values, name);
        var list = values.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("An erasure needs at least one subject.", name);
        }
        // The message never quotes the value: subjects are personal data.
        if (list.Any(value => value is null || !isValid(value)))
        {
            throw new ArgumentException(invalid, name);
        }
        var distinct = list.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > ErasureRequest.MaxSubjects)
        {
            throw new ArgumentException($"An erasure has at most {ErasureRequest.MaxSubjects} subjects; split the request.", name);
        }
        return distinct;
    }
}
