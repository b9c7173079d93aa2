using System;
using System.Diagnostics.CodeAnalysis;

namespace ContactsSdk.Testing;

/// <summary>
/// A contact the emulator knows, for the email address search route
/// (<c>POST /contacts/v1/addresses/email/search</c>). Register contacts through
/// <see cref="EmulatorOptions.Contacts"/>; several contacts may share one email address.
/// </summary>
public sealed record EmulatedContact
{
    /// <summary>An empty EmulatedContact: set its properties in an object initializer.</summary>
    public EmulatedContact()
    {
    }

    // The library's own shorthand; callers use an object initializer, so a property can be added
    // without breaking them.
    [SetsRequiredMembers]
    internal EmulatedContact(string contactKey, string emailAddress, DateTimeOffset createdAt)
    {
        ContactKey = contactKey;
        EmailAddress = emailAddress;
        CreatedAt = createdAt;
    }

    /// <summary>The contact key the search returns.</summary>
    public required string ContactKey { get; init; }

    /// <summary>The email address it is found by (compared ignoring case).</summary>
    public required string EmailAddress { get; init; }

    /// <summary>When the contact key was created (<c>createDate</c>); keys are returned oldest first.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
