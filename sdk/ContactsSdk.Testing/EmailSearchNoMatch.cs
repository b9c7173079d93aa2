namespace ContactsSdk.Testing;

/// <summary>
/// How the email address search reports an address that matches no contact. The documentation shows
/// both shapes, so a client must handle both; the emulator answers with the one chosen in
/// <see cref="EmulatorOptions.EmailSearchNoMatch"/>.
/// </summary>
public enum EmailSearchNoMatch
{
    /// <summary>An entry for the address whose <c>contactKeyDetails</c> holds one empty object.</summary>
    EmptyContactKeyDetail = 0,

    /// <summary>No entry for the address (an empty <c>channelAddressResponseEntities</c> when none matched).</summary>
    OmitAddress = 1,
}
