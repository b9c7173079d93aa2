using System;
using System.Globalization;
using System.Text.RegularExpressions;
using ContactsSdk.Erasure;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Sample.Erasure;

/// <summary>How the erasure commands read a deadline argument and show a due date to the operator.</summary>
internal static partial class DeadlineText
{
    public const string Expected = "gdpr, ccpa or a number of days such as 30d";

    /// <summary><c>gdpr</c>, <c>ccpa</c> or <c>&lt;days&gt;d</c>; null when the text is none of them.</summary>
    public static ErasureDeadline? Parse(string text)
    {
        if (text.Equals("gdpr", StringComparison.OrdinalIgnoreCase))
        {
            return ErasureDeadline.Gdpr;
        }

        if (text.Equals("ccpa", StringComparison.OrdinalIgnoreCase))
        {
            return ErasureDeadline.Ccpa;
        }

        return DaysPattern().Match(text) is { Success: true } match
               && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var days)
               && days >= 1 && days <= ErasureDeadline.MaxCustomDays
            ? ErasureDeadline.Custom(days)
            : null;
    }

    /// <summary>"due 2026-04-02 09:00:00Z (30 d 4 h left)", "(overdue by 2 d 1 h)", "(met)", "(missed)", or "no deadline".</summary>
    public static string Due(ErasureRecord record, DateTimeOffset now)
    {
        if (record.DueAt is not { } due)
        {
            return "no deadline";
        }

        return $"due {Time(due)} ({Standing(record, due, now)})";
    }

    public static string Time(DateTimeOffset at) => at.ToString("u", CultureInfo.InvariantCulture);

    /// <summary>Where the erasure stands against its due date: time left, time overdue, met or missed.</summary>
    public static string Standing(ErasureRecord record, DateTimeOffset due, DateTimeOffset now)
    {
        if (record.DeadlineMet is { } met)
        {
            return met ? "met" : "missed";
        }

        var left = due - now;
        return left >= TimeSpan.Zero ? $"{Span(left)} left" : $"overdue by {Span(-left)}";
    }

    /// <summary>Whole days and hours, rounded down: "2 d 23 h" is never shown as three days.</summary>
    private static string Span(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalDays} d {span.Hours} h");

    [GeneratedRegex("^([0-9]{1,3})d$", RegexOptions.CultureInvariant)]
    private static partial Regex DaysPattern();
}
