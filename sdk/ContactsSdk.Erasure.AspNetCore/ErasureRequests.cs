using System;
using System.Globalization;
using System.Linq;
using ContactsSdk.Erasure.Deadlines;

namespace ContactsSdk.Erasure.AspNetCore;

/// <summary>Reads the API's bodies into the erasure service's requests, and says what is wrong with one that cannot be.</summary>
internal static class ErasureRequests
{
    /// <summary>The request of a body <see cref="Problem"/> found nothing wrong with.</summary>
    public static ErasureRequest From(SubmitErasureBody body)
    {
        var subjects = body.ContactKeys is { Count: > 0 } keys ? ErasureSubjects.ContactKeys(keys)
            : body.ContactIds is { Count: > 0 } ids ? ErasureSubjects.ContactIds(ids)
            : ErasureSubjects.EmailAddresses(body.EmailAddresses!);
        return new ErasureRequest(body.RequestId!, subjects)
        {
            AccountId = body.AccountId,
            ReceivedAt = body.ReceivedAt,
            Deadline = body.Deadline is null ? null : DeadlineOf(body.Deadline),
        };
    }

    /// <summary>What is wrong with the body, or null; never quotes a subject.</summary>
    public static string? Problem(SubmitErasureBody body)
    {
        if (string.IsNullOrWhiteSpace(body.RequestId))
        {
            return "'requestId' is required.";
        }
        var kinds = new[] { body.ContactKeys?.Count > 0, body.ContactIds?.Count > 0, body.EmailAddresses?.Count > 0 }.Count(k => k);
        if (kinds != 1)
        {
            return "Give exactly one of 'contactKeys', 'contactIds' and 'emailAddresses', not empty.";
        }
        return body.Deadline is { } deadline && DeadlineOf(deadline) is null
            ? "'deadline' is gdpr, ccpa or a number of days such as 30d."
            : null;
    }

    private static ErasureDeadline? DeadlineOf(string text) => text.Trim().ToLowerInvariant() switch
    {
        "gdpr" => ErasureDeadline.Gdpr,
        "ccpa" => ErasureDeadline.Ccpa,
        var days when days.EndsWith('d') && int.TryParse(days[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 && n <= ErasureDeadline.MaxCustomDays
            => ErasureDeadline.Custom(n),
        _ => null,
    };

    public static DeadlineExtensionReason? ReasonOf(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "complexity" => DeadlineExtensionReason.Complexity,
        "number-of-requests" => DeadlineExtensionReason.NumberOfRequests,
        "other" => DeadlineExtensionReason.Other,
        _ => null,
    };
}
