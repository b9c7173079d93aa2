using System.Globalization;

namespace ContactsSdk;

/// <summary>
/// Some email addresses matched at least as many contacts as the address search was asked for, even at
/// <see cref="ContactsClient.MaximumKeysPerAddressLimit"/>: their answers may be truncated, so they are
/// not resolved at all rather than resolved to only some of their contacts. The addresses themselves are
/// personal data and are not part of the exception.
/// </summary>
public sealed class ContactKeysTruncatedException : ContactsSdkException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="addressCount">How many addresses had full answers.</param>
    /// <param name="maximumCount">The largest count they were searched with.</param>
    public ContactKeysTruncatedException(int addressCount, int maximumCount)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"{addressCount} email address(es) matched at least {maximumCount} contacts each; their contact keys may be incomplete and were not taken. Resolve them by another means (for example a data extension of their keys)."))
    {
        AddressCount = addressCount;
        MaximumCount = maximumCount;
    }

    /// <summary>How many addresses had full answers at the largest count.</summary>
    public int AddressCount { get; }

    /// <summary>The largest count they were searched with.</summary>
    public int MaximumCount { get; }
}
