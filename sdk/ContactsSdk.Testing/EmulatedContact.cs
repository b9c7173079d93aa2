using System;

namespace ContactsSdk.Testing;

/// <summary>
/// A contact the emulator knows, for the email address search route
/// (<c>POST /contacts/v1/addresses/email/search</c>). Register contacts through
/// <see cref="EmulatorOptions.Contacts"/>; several contacts may share one email address.
/// </summary>
/// <param name="ContactKey">The contact key the search returns.</param>
/// <param name="EmailAddress">The email address it is found by (compared ignoring case).</param>
/// <param name="CreatedAt">When the contact key was created (<c>createDate</c>); keys are returned oldest first.</param>
public sealed record EmulatedContact(string ContactKey, string EmailAddress, DateTimeOffset CreatedAt);
