using System;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Deadlines;

/// <summary>The calendar rules of the three regimes: due dates, legal maxima, edge days.</summary>
public sealed class ErasureDeadlineTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour = 10, int minute = 30) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(2026, 3, 15, 2026, 4, 15)]   // the same day of the next month
    [InlineData(2026, 1, 31, 2026, 2, 28)]   // clamped to a short February
    [InlineData(2028, 1, 31, 2028, 2, 29)]   // leap year: 29 February exists
    [InlineData(2028, 1, 29, 2028, 2, 29)]
    [InlineData(2028, 2, 29, 2028, 3, 29)]   // from a leap day: the 29th of March, not its last day
    [InlineData(2026, 3, 31, 2026, 4, 30)]   // clamped to a 30-day month
    [InlineData(2026, 8, 31, 2026, 9, 30)]
    [InlineData(2026, 12, 31, 2027, 1, 31)]  // across the year
    [InlineData(2026, 2, 28, 2026, 3, 28)]   // the 28th of February gives the 28th of March, not the 31st
    public void A_GDPR_deadline_is_the_same_day_of_the_next_month_clamped_to_its_last_day(int year, int month, int day, int dueYear, int dueMonth, int dueDay)
    {
        Assert.Equal(Utc(dueYear, dueMonth, dueDay), ErasureDeadline.Gdpr.DueAt(Utc(year, month, day)));
    }

    [Fact]
    public void A_GDPR_month_is_counted_in_the_calendar_of_the_received_at_offset_and_keeps_the_time_of_day()
    {
        // 1 February 00:30 in Berlin is still 31 January in UTC: the office's calendar decides.
        var berlin = new DateTimeOffset(2026, 2, 1, 0, 30, 0, TimeSpan.FromHours(1));

        var due = ErasureDeadline.Gdpr.DueAt(berlin);

        Assert.Equal(new DateTimeOffset(2026, 3, 1, 0, 30, 0, TimeSpan.FromHours(1)), due);
        Assert.Equal(Utc(2026, 2, 28, 23, 30), due.ToUniversalTime());
    }

    [Fact]
    public void A_CCPA_deadline_is_45_calendar_days_and_a_custom_one_its_own_number_of_days()
    {
        Assert.Equal(Utc(2026, 3, 17), ErasureDeadline.Ccpa.DueAt(Utc(2026, 1, 31)));
        Assert.Equal(Utc(2028, 3, 16), ErasureDeadline.Ccpa.DueAt(Utc(2028, 1, 31)));   // 29 February counts
        Assert.Equal(Utc(2026, 3, 2), ErasureDeadline.Custom(30).DueAt(Utc(2026, 1, 31)));
        Assert.Equal(Utc(2026, 2, 1), ErasureDeadline.Custom(1).DueAt(Utc(2026, 1, 31)));
    }

    [Theory]
    [InlineData(2026, 3, 15, 2026, 6, 15)]
    [InlineData(2026, 1, 31, 2026, 4, 28)]   // the first month was clamped: two months after 28 February
    [InlineData(2028, 1, 31, 2028, 4, 29)]
    [InlineData(2026, 11, 30, 2027, 2, 28)]
    [InlineData(2026, 12, 31, 2027, 3, 31)]
    public void A_GDPR_deadline_may_be_extended_to_two_more_months_never_more_than_three_after_receipt(int year, int month, int day, int latestYear, int latestMonth, int latestDay)
    {
        Assert.Equal(Utc(latestYear, latestMonth, latestDay), ErasureDeadline.Gdpr.LatestPermittedDueAt(Utc(year, month, day)));
    }

    [Fact]
    public void A_CCPA_deadline_may_be_extended_by_45_days_and_a_custom_one_has_no_maximum()
    {
        Assert.Equal(Utc(2026, 5, 1), ErasureDeadline.Ccpa.LatestPermittedDueAt(Utc(2026, 1, 31)));
        Assert.Null(ErasureDeadline.Custom(10).LatestPermittedDueAt(Utc(2026, 1, 31)));
    }

    public static TheoryData<int> PeriodsOutOfRange => new() { 0, -5, ErasureDeadline.MaxCustomDays + 1 };

    [Theory]
    [MemberData(nameof(PeriodsOutOfRange))]
    public void A_custom_period_outside_1_to_366_days_is_refused(int days)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ErasureDeadline.Custom(days));
        Assert.Contains("1 to 366 days", error.Message);
    }

    [Fact]
    public void Deadlines_compare_by_regime_and_period_and_read_as_their_names()
    {
        Assert.Equal(ErasureDeadline.Custom(30), ErasureDeadline.Custom(30));
        Assert.NotEqual(ErasureDeadline.Custom(30), ErasureDeadline.Custom(31));
        Assert.NotEqual(ErasureDeadline.Gdpr, ErasureDeadline.Ccpa);
        Assert.Equal(["GDPR", "CCPA", "30 days"], new[] { ErasureDeadline.Gdpr.ToString(), ErasureDeadline.Ccpa.ToString(), ErasureDeadline.Custom(30).ToString() });
    }
}
