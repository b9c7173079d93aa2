using System.Threading;

namespace ContactsSdk.Testing.Lifecycle;

/// <summary>
/// The account-wide deletion settings the configSettings route changes. A deletion copies them when
/// it is created, so changing them never moves an operation that already exists: its lifecycle stays
/// a pure function of the clock.
/// </summary>
internal sealed class DeletionSettings(int numberOfRestorableDays)
{
    /// <summary>The configSettings key of the restorable period.</summary>
    public const string SuppressionRestoreUntilDaysKey = "SuppressionRestoreUntilDays";

    /// <summary>The configSettings value that means "no restorable period": 0 days.</summary>
    public const int ImmediateDeletionValue = -1;

    /// <summary>
    /// The largest restorable period the emulator accepts. Marketing Cloud documents no limit; ten
    /// years keeps every lifecycle instant far from <see cref="System.DateTimeOffset.MaxValue"/>.
    /// </summary>
    public const int MaxRestorableDays = 3650;

    private int _numberOfRestorableDays = numberOfRestorableDays;

    /// <summary>Days a deletion created now stays restorable before its delete phase.</summary>
    public int NumberOfRestorableDays
    {
        get => Volatile.Read(ref _numberOfRestorableDays);
        set => Volatile.Write(ref _numberOfRestorableDays, value);
    }

    /// <summary>The days a SuppressionRestoreUntilDays value stands for: -1 is 0 days, N ≥ 0 is N days.</summary>
    public static int DaysFromSetting(int value) => value == ImmediateDeletionValue ? 0 : value;
}
