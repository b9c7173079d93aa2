using System;

namespace ContactsSdk.Erasure;

/// <summary>
/// The legal deadline an erasure is held to: GDPR (one calendar month), CCPA (45 days) or a custom
/// number of days, counted from when the data subject's request was received. Every date is computed
/// in the calendar of the offset the received-at time is given in (UTC when it is UTC) and keeps its
/// time of day; weekends and public holidays never move a due date (it is never later than the law's).
/// </summary>
public sealed class ErasureDeadline : IEquatable<ErasureDeadline>
{
    /// <summary>The longest custom period, in days.</summary>
    public static readonly int MaxCustomDays = 366;

    /// <summary>CCPA's period, and the most it may be extended by, in days.</summary>
    public const int CcpaDays = 45;

    private ErasureDeadline(DeadlineRegime regime, int? customDays)
    {
        Regime = regime;
        CustomDays = customDays;
    }

    /// <summary>GDPR: due one calendar month after receipt; at most three months after receipt once extended.</summary>
    public static ErasureDeadline Gdpr { get; } = new(DeadlineRegime.Gdpr, null);

    /// <summary>CCPA: due 45 days after receipt; at most 90 days after receipt once extended.</summary>
    public static ErasureDeadline Ccpa { get; } = new(DeadlineRegime.Ccpa, null);

    /// <summary>Which regime applies.</summary>
    public DeadlineRegime Regime { get; }

    /// <summary>The period in days, for <see cref="DeadlineRegime.Custom"/>; null otherwise.</summary>
    public int? CustomDays { get; }

    /// <summary>A custom period of <paramref name="days"/> calendar days (1 to <see cref="MaxCustomDays"/>), with no legal maximum for extensions.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The period is not 1 to <see cref="MaxCustomDays"/> days.</exception>
    public static ErasureDeadline Custom(int days)
    {
        if (days < 1 || days > MaxCustomDays)
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"A custom deadline is 1 to {MaxCustomDays} days.");
        }
        return new(DeadlineRegime.Custom, days);
    }

    /// <summary>
    /// The due date for a request received at <paramref name="receivedAt"/>. GDPR: the same day of
    /// the next month, or that month's last day when it is shorter (31 January gives 28 February, or
    /// 29 February in a leap year). CCPA: 45 days later. Custom: <see cref="CustomDays"/> days later.
    /// </summary>
    public DateTimeOffset DueAt(DateTimeOffset receivedAt) => Regime switch
    {
        // DateTime.AddMonths keeps the day of the month, clamped to the last day of a shorter month.
        DeadlineRegime.Gdpr => receivedAt.AddMonths(1),
        DeadlineRegime.Ccpa => receivedAt.AddDays(CcpaDays),
        _ => receivedAt.AddDays(CustomDays!.Value),
    };

    /// <summary>
    /// The latest due date an extension may set, or null for a custom deadline (no legal maximum).
    /// GDPR: the earlier of three months after receipt and two months after the first due date (they
    /// differ only when the first month was clamped: received 31 January, due 28 February, latest
    /// 28 April). CCPA: 90 days after receipt.
    /// </summary>
    public DateTimeOffset? LatestPermittedDueAt(DateTimeOffset receivedAt) => Regime switch
    {
        DeadlineRegime.Gdpr => Earlier(receivedAt.AddMonths(3), DueAt(receivedAt).AddMonths(2)),
        DeadlineRegime.Ccpa => receivedAt.AddDays(2 * CcpaDays),
        _ => null,
    };

    /// <summary>The deadline a ledger recorded.</summary>
    internal static ErasureDeadline From(DeadlineRegime regime, int? customDays) => regime switch
    {
        DeadlineRegime.Gdpr => Gdpr,
        DeadlineRegime.Ccpa => Ccpa,
        _ => Custom(customDays ?? throw new ArgumentException("A custom deadline needs its number of days.", nameof(customDays))),
    };

    /// <inheritdoc />
    public bool Equals(ErasureDeadline? other) => other is not null && other.Regime == Regime && other.CustomDays == CustomDays;

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ErasureDeadline);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Regime, CustomDays);

    /// <summary>"GDPR", "CCPA" or "30 days".</summary>
    public override string ToString() => Regime switch
    {
        DeadlineRegime.Gdpr => "GDPR",
        DeadlineRegime.Ccpa => "CCPA",
        _ => $"{CustomDays} days",
    };

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;
}
