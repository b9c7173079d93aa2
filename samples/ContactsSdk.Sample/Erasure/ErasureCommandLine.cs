using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure;
using Spectre.Console;

namespace ContactsSdk.Sample.Erasure;

/// <summary>
/// <c>erasure submit|list|show|export|verify|extend|digest|rotate-signing-key|rotate-subject-key</c>: the compliance operator's commands, each with its
/// arguments and the message a bad one gets.
/// </summary>
internal static class ErasureCommandLine
{
    private static readonly string[] ReasonNames = ["complexity", "number-of-requests", "other"];

    public static Command Build(IAnsiConsole console, TextWriter error, Func<Func<CancellationToken, Task<int>>, CancellationToken, Task<int>> guarded)
    {
        var commands = new ErasureCommands(console, error);
        var ledger = new Option<string>("--ledger")
        {
            Description = "The erasure ledger (SQLite). Its subject-hash key is kept beside it (<ledger>.key), and in emulator mode the emulator's operations too.",
            DefaultValueFactory = _ => ErasureFiles.DefaultLedgerPath,
            Recursive = true,
        };
        ErasureFiles Files(ParseResult result) => new(result.GetValue(ledger)!);

        var erasure = new Command("erasure", "Erase contacts durably: each erasure recorded in a ledger, followed to its end across restarts, closed with a receipt.")
        {
            ledger,
            Submit(commands, Files, guarded),
            List(commands, Files, guarded),
            Show(commands, Files, guarded),
            Export(commands, Files, guarded),
            Verify(commands, Files, guarded),
            Extend(commands, Files, guarded),
            Digest(commands, Files, guarded),
            RotateSigningKey(commands, Files, guarded),
            RotateSubjectKey(commands, Files, guarded),
        };
        return erasure;
    }

    private static Command Submit(ErasureCommands commands, Func<ParseResult, ErasureFiles> files, Func<Func<CancellationToken, Task<int>>, CancellationToken, Task<int>> guarded)
    {
        var requestId = new Option<string>("--request-id")
        {
            Description = "Your ID for the request (for example its ticket). Submitting it again continues the same erasure; it never starts a second deletion.",
            Required = true,
        };
        var keys = new Option<string[]>("--key") { Description = "A contact key to erase (repeat for several).", AllowMultipleArgumentsPerToken = true };
        var emails = new Option<string[]>("--email") { Description = "An email address to erase (repeat for several); resolved to contact keys first.", AllowMultipleArgumentsPerToken = true };
        var noWait = new Option<bool>("--no-wait") { Description = "Record the erasure and return, without following it to its receipt." };
        // Read as text and checked by the command's validator, which reports a bad value in its own words.
        var receivedAt = new Option<string?>("--received-at")
        {
            Description = "When the data subject's request was received (UTC unless an offset is given: the offset's calendar counts a GDPR month); the deadline runs from then. Default: now.",
        };
        var deadline = new Option<string?>("--deadline") { Description = $"The legal deadline: {DeadlineText.Expected}. Default: gdpr (one calendar month)." };
        var submit = new Command("submit", "Submit an erasure and follow it to its receipt (run the same command again after an interruption to continue it).")
        {
            requestId, keys, emails, noWait, receivedAt, deadline,
        };
        submit.Validators.Add(result =>
        {
            var keyCount = result.GetValue(keys)?.Length ?? 0;
            var emailCount = result.GetValue(emails)?.Length ?? 0;
            if ((keyCount == 0) == (emailCount == 0))
            {
                result.AddError("Name the subjects with --key or with --email (one kind per erasure).");
            }

            if (result.GetValue(receivedAt) is { } receivedText)
            {
                ParseTime(result, receivedText);
            }

            if (result.GetValue(deadline) is { } deadlineText && DeadlineText.Parse(deadlineText) is null)
            {
                result.AddError($"'{deadlineText}' is not a deadline: {DeadlineText.Expected} (1 to {ErasureDeadline.MaxCustomDays} days).");
            }
        });
        submit.SetAction((result, cancellation) => guarded(
            token => commands.SubmitAsync(
                files(result),
                RequestOf(result.GetValue(requestId)!, result.GetValue(keys), result.GetValue(emails)) with
                {
                    ReceivedAt = result.GetValue(receivedAt) is { } received ? TimeAsGiven(received) : null,
                    Deadline = result.GetValue(deadline) is { } chosen ? DeadlineText.Parse(chosen) : null,
                },
                !result.GetValue(noWait),
                token),
            cancellation));
        return submit;
    }

    private static Command List(ErasureCommands commands, Func<ParseResult, ErasureFiles> files, Func<Func<CancellationToken, Task<int>>, CancellationToken, Task<int>> guarded)
    {
        var overdue = new Option<bool>("--overdue") { Description = "Only the active erasures past their due date." };
        var atRisk = new Option<bool>("--at-risk") { Description = "Only the active erasures whose deletion is projected to end after their due date." };
        var list = new Command("list", "List the erasures of the ledger with their states, verdicts, due dates and days left.") { overdue, atRisk };
        list.SetAction((result, cancellation) => guarded(
            token => commands.ListAsync(files(result), new ListFilter(result.GetValue(overdue), result.GetValue(atRisk)), token),
            cancellation));
        return list;
    }

    private static Command Show(ErasureCommands commands, Func<ParseResult, ErasureFiles> files, Func<Func<CancellationToken, Task<int>>, CancellationToken, Task<int>> guarded)
    {
        var requestId = new Argument<string>("requestId") { Description = "The erasure's request ID." };
        var show = new Command("show", "Show one erasure, and its receipt once it is closed.") { requestId };
        show.SetAction((result, cancellation) => guarded(token => commands.ShowAsync(files(result), result.GetValue(requestId)!, token), cancellation));
        return show;
    }

    private static Command Export(ErasureCommands commands, Func<ParseResult, ErasureFiles> files, Func<Func<CancellationToken, Task<int>>, CancellationToken, Task<int>> guarded)
    {
        var requestId = new Argument<string?>("requestId") { Description = "The erasure whose receipt to export as JSON.", Arity = ArgumentArity.ZeroOrOne };
        var csv = new Option<bool>("--csv") { Description = "Export every erasure submitted in [--from, --to) as CSV instead." };
        // Read as text and checked by the command's validator, which reports a bad date in its own words.
        var from = new Option<string?>("--from") { Description = "Start of the range (UTC unless an offset is given), with --csv." };
        var to = new Option<string?>("--to") { Description = "End of the range, exclusive, with --csv." };
        var outPath = new Option<string?>("--out") { Description = "Write to this file instead of standard output." };
        var evidence = new Option<bool>("--evidence") { Description = "Export the receipt as standalone evidence: with a digest signed now and the proof that the receipt is in it, checkable with the public key alone." };
        var export = new Command("export", "Export a receipt as JSON, or a date range of erasures as CSV.") { requestId, csv, from, to, outPath, evidence };
        export.Validators.Add(result =>
        {
            var hasId = result.GetValue(requestId) is not null;
            if (!result.GetValue(csv))
            {
                if (!hasId)
                {
                    result.AddError("Name the erasure whose receipt to export, or use --csv --from <date> --to <date>.");
                }

                return;
            }

            if (hasId)
            {
                result.AddError("Give a request ID or --csv, not both.");
            }
            else if (result.GetValue(evidence))
            {
                result.AddError("--evidence exports one receipt: give its request ID, not --csv.");
            }
            else if (result.GetValue(from) is not { } fromText || result.GetValue(to) is not { } toText)
            {
                result.AddError("--csv needs --from and --to.");
            }
            else if (ParseTime(result, fromText) is { } start && ParseTime(result, toText) is { } end && end <= start)
            {
                result.AddError("--to must be after --from.");
            }
        });
        export.SetAction((result, cancellation) => guarded(
            token => result.GetValue(csv)
                ? commands.ExportCsvAsync(files(result), Time(result.GetValue(from)!), Time(result.GetValue(to)!), result.GetValue(outPath), token)
                : result.GetValue(evidence)
                    ? commands.ExportEvidenceAsync(files(result), result.GetValue(requestId)!, result.GetValue(outPath), token)
                    : commands.ExportReceiptAsync(files(result), result.GetValue(requestId)!, result.GetValue(outPath), token),
            cancellation));
        return export;
    }

    private static Command Verify(ErasureCommands commands, Func<ParseResult, ErasureFiles> files, Func<Func<CancellationToken, Task<int>>, CancellationToken, Task<int>> guarded)
    {
        var digest = new Option<string?>("--digest") { Description = "Also prove that the ledger still holds everything this digest (from `erasure digest`) covered, and name what is missing or changed." };
        var verify = new Command("verify", "Check the ledger's hash chains, every erasure's row against its entries and the ledger-wide tree: an edited or deleted entry, an edited row column or a removed erasure is named.") { digest };
        verify.SetAction((result, cancellation) => guarded(
            async token =>
            {
                var code = await commands.VerifyAsync(files(result), token);
                return result.GetValue(digest) is { } path && code == 0 ? await commands.VerifyDigestAsync(files(result), path, token) : code;
            },
            cancellation));
        return verify;
    }

    private static Command Digest(ErasureCommands commands, Func<ParseResult, ErasureFiles> files, Func<Func<CancellationToken, Task<int>>, CancellationToken, Task<int>> guarded)
    {
        var outPath = new Option<string?>("--out") { Description = "Write the digest to this file instead of standard output." };
        var publicKey = new Option<string?>("--public-key") { Description = "Also write the public keys of the digest key ring (PEM) to this file: what an auditor checks digests and receipts with." };
        var digest = new Command("digest", "Sign a digest of the whole ledger (its size and Merkle root, now). Keep it outside the database: `erasure verify --digest` later proves nothing it covered was changed or removed.") { outPath, publicKey };
        digest.SetAction((result, cancellation) => guarded(token => commands.DigestAsync(files(result), result.GetValue(outPath), result.GetValue(publicKey), token), cancellation));
        return digest;
    }

    private static Command RotateSubjectKey(ErasureCommands commands, Func<ParseResult, ErasureFiles> files, Func<Func<CancellationToken, Task<int>>, CancellationToken, Task<int>> guarded)
    {
        var rotate = new Command("rotate-subject-key", "Make a new subject-hash key for new erasures; earlier erasures and their receipts keep the key they name.");
        rotate.SetAction((result, cancellation) => guarded(_ => Task.FromResult(commands.RotateSubjectKey(files(result))), cancellation));
        return rotate;
    }

    private static Command RotateSigningKey(ErasureCommands commands, Func<ParseResult, ErasureFiles> files, Func<Func<CancellationToken, Task<int>>, CancellationToken, Task<int>> guarded)
    {
        var publicKey = new Option<string?>("--public-key") { Description = "Write the public keys of the ring (PEM), the new one included, to this file." };
        var rotate = new Command("rotate-signing-key", "Make a new digest signing key that signs from now on; earlier keys stay to verify what they signed.") { publicKey };
        rotate.SetAction((result, cancellation) => guarded(_ => commands.RotateSigningKeyAsync(files(result), result.GetValue(publicKey)), cancellation));
        return rotate;
    }

    private static Command Extend(ErasureCommands commands, Func<ParseResult, ErasureFiles> files, Func<Func<CancellationToken, Task<int>>, CancellationToken, Task<int>> guarded)
    {
        var requestId = new Argument<string>("requestId") { Description = "The erasure's request ID." };
        var to = new Option<string>("--to") { Description = "The new due date (UTC unless an offset is given); GDPR allows up to 3 months after receipt, CCPA 90 days.", Required = true };
        var reason = new Option<string>("--reason") { Description = $"Why: {string.Join(", ", ReasonNames)}.", Required = true };
        var text = new Option<string?>("--text") { Description = "The reason in words (required with --reason other). Kept in the ledger only: it may name a person." };
        var extend = new Command("extend", "Extend an active erasure's legal deadline, recorded in the ledger with its reason.") { requestId, to, reason, text };
        extend.Validators.Add(result =>
        {
            if (result.GetValue(to) is { } toText)
            {
                ParseTime(result, toText);
            }

            if (result.GetValue(reason) is { } reasonText && ReasonOf(reasonText) is null)
            {
                result.AddError($"'{reasonText}' is not a reason: {string.Join(", ", ReasonNames)}.");
            }
        });
        extend.SetAction((result, cancellation) => guarded(
            token => commands.ExtendAsync(files(result), result.GetValue(requestId)!, Time(result.GetValue(to)!), ReasonOf(result.GetValue(reason)!)!.Value, result.GetValue(text), token),
            cancellation));
        return extend;
    }

    private static DeadlineExtensionReason? ReasonOf(string text) => text.ToLowerInvariant() switch
    {
        "complexity" => DeadlineExtensionReason.Complexity,
        "number-of-requests" => DeadlineExtensionReason.NumberOfRequests,
        "other" => DeadlineExtensionReason.Other,
        _ => null,
    };

    private static ErasureRequest RequestOf(string requestId, string[]? keys, string[]? emails) =>
        new(requestId, keys is { Length: > 0 } ? ErasureSubjects.ContactKeys(keys) : ErasureSubjects.EmailAddresses(emails!));

    /// <summary>A date or time, UTC unless it names its offset; adds the error and returns null when it is neither.</summary>
    private static DateTimeOffset? ParseTime(CommandResult result, string text)
    {
        if (TryTime(text, out var time))
        {
            return time;
        }

        result.AddError($"'{text}' is not a date or time (for example 2026-11-30 or 2026-11-30T12:00:00Z).");
        return null;
    }

    private static DateTimeOffset Time(string text) => TryTime(text, out var time) ? time : throw new FormatException("The validator accepted a bad time.");

    /// <summary>
    /// A time with the offset it was given in (UTC when none): a received-at time's offset chooses the
    /// calendar of a GDPR month, so it is not turned into UTC first.
    /// </summary>
    private static DateTimeOffset TimeAsGiven(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw new FormatException("The validator accepted a bad time.");

    private static bool TryTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
}
