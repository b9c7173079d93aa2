using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;
using ContactsSdk.Serialization;

namespace ContactsSdk;

/// <summary>
/// A Marketing Cloud account: the MID of a business unit, a positive whole number such as
/// <c>100012345</c>. A token is for one account, and an erasure records the account it ran under.
/// </summary>
/// <remarks>
/// Written as its digits (<see cref="ToString()"/>, <see cref="Parse(string)"/>), read from
/// configuration as a string (<c>MarketingCloud__AccountId=100012345</c>) through its type converter,
/// and written to JSON as a number (a JSON string of digits is read too). The default value is not an
/// account: an optional account is an <c>AccountId?</c>.
/// </remarks>
[TypeConverter(typeof(AccountIdTypeConverter))]
[JsonConverter(typeof(AccountIdJsonConverter))]
public readonly record struct AccountId : IParsable<AccountId>, ISpanFormattable
{
    /// <summary>Wraps a MID.</summary>
    /// <param name="value">The MID: greater than zero.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero or negative.</exception>
    public AccountId(long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value);
        Value = value;
    }

    /// <summary>The MID as a number (0 only for the default value, which is not an account).</summary>
    public long Value { get; }

    /// <summary>Reads a MID written as digits (invariant culture, no sign, no separators).</summary>
    /// <param name="s">The text, such as <c>100012345</c>.</param>
    /// <returns>The account.</returns>
    /// <exception cref="FormatException">The text is not a positive whole number; the message quotes it.</exception>
    public static AccountId Parse(string s) => Parse(s, provider: null);

    /// <inheritdoc cref="Parse(string)"/>
    /// <param name="s">The text, such as <c>100012345</c>.</param>
    /// <param name="provider">Ignored: a MID is always read in the invariant culture.</param>
    public static AccountId Parse(string s, IFormatProvider? provider)
    {
        ArgumentNullException.ThrowIfNull(s);
        return TryParse(s, provider, out var id)
            ? id
            : throw new FormatException($"'{s}' is not an account ID: a MID is a positive whole number such as 100012345.");
    }

    /// <summary>Reads a MID written as digits, without throwing.</summary>
    /// <param name="s">The text, such as <c>100012345</c>; null or blank gives false.</param>
    /// <param name="result">The account, or the default value when the text is not one.</param>
    /// <returns>Whether the text is a positive whole number.</returns>
    public static bool TryParse([NotNullWhen(true)] string? s, out AccountId result) => TryParse(s, provider: null, out result);

    /// <inheritdoc cref="TryParse(string?, out AccountId)"/>
    /// <param name="s">The text, such as <c>100012345</c>; null or blank gives false.</param>
    /// <param name="provider">Ignored: a MID is always read in the invariant culture.</param>
    /// <param name="result">The account, or the default value when the text is not one.</param>
    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out AccountId result)
    {
        // Digits only: "+5", " 5" or "1,000" are not how Marketing Cloud writes a MID.
        if (s is { Length: > 0 and <= 19 } && IsDigits(s)
            && long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            result = new AccountId(value);
            return true;
        }

        result = default;
        return false;
    }

    /// <summary>The MID's digits, as Marketing Cloud writes it (the token request's <c>account_id</c>).</summary>
    /// <returns>The digits, invariant culture.</returns>
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc/>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        Value.TryFormat(destination, out charsWritten, default, CultureInfo.InvariantCulture);

    private static bool IsDigits(string s)
    {
        foreach (var c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
