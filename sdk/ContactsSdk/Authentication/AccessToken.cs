using System;

namespace ContactsSdk.Authentication;

/// <summary>
/// A cached access token. <see cref="ToString"/> is redacted so the value cannot reach a log by
/// accident.
/// </summary>
internal sealed record AccessToken(string Value, DateTimeOffset RefreshAt, Uri? RestInstanceUrl)
{
    public override string ToString() => $"AccessToken(refresh at {RefreshAt:O})";
}
