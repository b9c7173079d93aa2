using System;
using System.IO;
using System.Linq;
using ContactsSdk.Authentication;
using Microsoft.Extensions.Options;

namespace ContactsSdk.Sample.Cli;

/// <summary>
/// Turns an exception into the one line the user reads and the exit code the shell sees. The
/// messages come from the SDK, which never puts a secret or a token in them, or from the sample.
/// </summary>
internal readonly record struct FailureReport(string Line, int ExitCode)
{
    public static FailureReport From(Exception exception) => exception switch
    {
        OptionsValidationException invalid => new(
            $"The {SettingsOf(invalid)} settings are not usable: " + string.Join("; ", invalid.Failures.Select(OneLine)), ExitCodes.Usage),
        // A 429 that outlasted the SDK's own waits: nothing was processed, so trying later is safe.
        ContactsRateLimitException limited => new(
            OneLine(limited.Message) + " Nothing was lost: run the same command again later.", ExitCodes.Failed),
        ContactsAuthenticationException or ContactsServiceException or DeletionOutcomeUnknownException or DeletionWaitTimeoutException =>
            new(OneLine(exception.Message), ExitCodes.Failed),
        ContactsRequestException { StatusCode: { } status } failed => new(
            $"Marketing Cloud refused the request (HTTP {status}): {OneLine(failed.Message)}", ExitCodes.Failed),
        ContactsRequestException failed => new("Could not reach Marketing Cloud: " + OneLine(failed.Message), ExitCodes.Failed),
        TimeoutException => new("Marketing Cloud did not answer in time.", ExitCodes.Failed),
        // The erasure workflow's refusals (a request ID reused for other subjects, an unknown request ID,
        // an unreadable ledger, key or emulator state file) say what to do.
        ContactsSdk.Erasure.Storage.ErasureLedgerException or ContactsSdk.Erasure.ErasureNotFoundException or ArgumentException or NotSupportedException or InvalidDataException or IOException or UnauthorizedAccessException =>
            new(OneLine(exception.Message), ExitCodes.Failed),
        _ => new($"Unexpected {exception.GetType().Name}: {OneLine(exception.Message)}", ExitCodes.Unexpected),
    };

    /// <summary>Which settings were refused, as the help names them (MarketingCloud__…, Erasure__…, Emulator__…).</summary>
    private static string SettingsOf(OptionsValidationException invalid) => invalid.OptionsType switch
    {
        var type when type == typeof(ContactsSdk.Erasure.ErasureOptions) => "erasure (Erasure__…)",
        var type when type == typeof(SampleEmulatorSettings) => "emulator (Emulator__…)",
        _ => "Marketing Cloud",
    };

    /// <summary>Every failure is one line, whatever the message holds.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
