using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Sample.Cli;
using ContactsSdk.Sample.Display;
using Spectre.Console;

namespace ContactsSdk.Sample.Erasure;

/// <summary>The compliance operator's commands over the erasure ledger.</summary>
internal sealed partial class ErasureCommands(IAnsiConsole console, TextWriter error)
{
    private static readonly TimeSpan FollowInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Records the erasure (or finds it, when the request ID was submitted before) and runs the worker
    /// until it is closed with a receipt. Killed and run again, it continues the same erasure. Without
    /// <paramref name="wait"/> it only records the erasure: no worker runs, nothing is sent.
    /// </summary>
    public async Task<int> SubmitAsync(ErasureFiles files, ErasureRequest request, bool wait, CancellationToken cancellationToken)
    {
        await using var session = await ErasureSession.OpenAsync(files, runsWorker: wait);
        console.Line($"Erasure ledger {files.LedgerPath}, talking to the {session.TargetDescription}.");
        await session.StartAsync(cancellationToken);
        var record = await session.Service.SubmitAsync(request, cancellationToken);
        console.Line($"Erasure '{record.RequestId}' is recorded ({record.SubjectCount} subject(s), submitted {Time(record.SubmittedAt)}, {DeadlineText.Due(record, DateTimeOffset.UtcNow)}).");
        if (!wait)
        {
            console.Line("Not waiting: run the same command again, without --no-wait, to follow it to its receipt.");
            return ExitCodes.Success;
        }

        try
        {
            record = await FollowAsync(session.Service, record, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("Cancelled. The erasure is recorded; run the same command again to continue it.");
            return ExitCodes.Cancelled;
        }

        console.Line($"Erasure '{record.RequestId}' closed: {record.Verdict}. Its receipt: erasure show {record.RequestId}");
        return record.Verdict == ErasureVerdict.Deleted ? ExitCodes.Success : ExitCodes.NotDeleted;
    }

    public async Task<int> ListAsync(ErasureFiles files, ListFilter filter, CancellationToken cancellationToken)
    {
        if (!RequireLedger(files))
        {
            return ExitCodes.Failed;
        }

        await using var session = await ErasureSession.OpenAsync(files);
        if (filter.Any)
        {
            return await ListLateAsync(session.Service, filter, cancellationToken);
        }

        var now = DateTimeOffset.UtcNow;
        var count = 0;
        ErasureListQuery query = new() { PageSize = ErasureListQuery.MaxPageSize };
        while (true)
        {
            var page = await session.Service.ListAsync(query, cancellationToken);
            foreach (var record in page)
            {
                count++;
                console.Line(ListLine(record, now));
            }

            if (page.Count < query.PageSize)
            {
                break;
            }

            query = query with { After = (page[^1].SubmittedAt, page[^1].ErasureId) };
        }

        console.Line(count == 0 ? "The ledger holds no erasures." : $"{count} erasure(s).");
        return ExitCodes.Success;
    }

    /// <summary>The overdue or at-risk erasures (or both), earliest due first, each with its projected end.</summary>
    private async Task<int> ListLateAsync(IErasureService service, ListFilter filter, CancellationToken cancellationToken)
    {
        var check = await service.CheckDeadlinesAsync(cancellationToken);
        var late = (filter.Overdue ? check.Overdue : []).Concat(filter.AtRisk ? check.AtRisk : [])
            .OrderBy(r => r.DueAt).ThenBy(r => r.ProjectedEndAt).ToList();
        foreach (var risk in late)
        {
            console.Line($"{ListLine(risk.Erasure, check.CheckedAt)}  projected end {Time(risk.ProjectedEndAt)}");
        }

        var which = filter switch
        {
            { Overdue: true, AtRisk: true } => "overdue or at risk",
            { Overdue: true } => "overdue",
            _ => "at risk",
        };
        console.Line(late.Count == 0
            ? $"No erasure is {which} ({check.Checked} active erasure(s) with a deadline)."
            : $"{late.Count} erasure(s) {which} of {check.Checked} active with a deadline.");
        return ExitCodes.Success;
    }

    private static string ListLine(ErasureRecord record, DateTimeOffset now) =>
        $"{record.RequestId}  {record.State}  {record.Verdict?.ToString() ?? "-"}  operation {record.OperationId?.ToString(CultureInfo.InvariantCulture) ?? "-"}  submitted {Time(record.SubmittedAt)}  {record.SubjectCount} subject(s)  {DeadlineText.Due(record, now)}";

    public async Task<int> ShowAsync(ErasureFiles files, string requestId, CancellationToken cancellationToken)
    {
        if (!RequireLedger(files))
        {
            return ExitCodes.Failed;
        }

        await using var session = await ErasureSession.OpenAsync(files);
        if (await session.Service.GetAsync(requestId, cancellationToken) is not { } record)
        {
            error.WriteLine($"error: the ledger holds no erasure with request ID '{requestId}'.");
            return ExitCodes.Failed;
        }

        console.Line($"Erasure '{record.RequestId}'");
        console.Line($"  state:       {record.State}");
        console.Line($"  verdict:     {record.Verdict?.ToString() ?? "(none yet)"}");
        console.Line($"  operation:   {record.OperationId?.ToString(CultureInfo.InvariantCulture) ?? "(not accepted yet)"}");
        console.Line($"  MID:         {record.AccountId?.ToString() ?? "(unknown)"}");
        console.Line($"  subjects:    {record.SubjectCount} {record.SubjectKind}");
        console.Line($"  submitted:   {Time(record.SubmittedAt)}");
        console.Line($"  concluded:   {(record.ConcludedAt is { } at ? Time(at) : "(not yet)")}");
        ShowDeadline(record, await session.Service.GetDeadlineAsync(requestId, cancellationToken));
        if (record.State == ErasureState.Closed)
        {
            console.Profile.Out.Writer.WriteLine(await session.Service.ExportReceiptJsonAsync(requestId, cancellationToken));
        }

        return ExitCodes.Success;
    }

    public async Task<int> ExportReceiptAsync(ErasureFiles files, string requestId, string? outPath, CancellationToken cancellationToken)
    {
        if (!RequireLedger(files))
        {
            return ExitCodes.Failed;
        }

        await using var session = await ErasureSession.OpenAsync(files);
        if (await session.Service.GetAsync(requestId, cancellationToken) is not { } record)
        {
            error.WriteLine($"error: the ledger holds no erasure with request ID '{requestId}'.");
            return ExitCodes.Failed;
        }

        if (record.State != ErasureState.Closed)
        {
            error.WriteLine($"error: erasure '{requestId}' has no receipt yet: it is {record.State}. Run `erasure submit` with its request ID to continue it.");
            return ExitCodes.Failed;
        }

        var json = await session.Service.ExportReceiptJsonAsync(requestId, cancellationToken);
        await WriteOutAsync(outPath, writer => writer.WriteLineAsync(json));
        return ExitCodes.Success;
    }

    public async Task<int> ExportCsvAsync(ErasureFiles files, DateTimeOffset from, DateTimeOffset to, string? outPath, CancellationToken cancellationToken)
    {
        if (!RequireLedger(files))
        {
            return ExitCodes.Failed;
        }

        await using var session = await ErasureSession.OpenAsync(files);
        var written = 0;
        await WriteOutAsync(outPath, async writer => written = await session.Service.ExportCsvAsync(from, to, writer, cancellationToken));
        if (outPath is not null)
        {
            console.Line($"{written} erasure(s) written to {Path.GetFullPath(outPath)}.");
        }

        return ExitCodes.Success;
    }

    /// <summary>Extends the erasure's deadline; a refusal (ended, beyond the legal maximum, being sent) is one error line.</summary>
    public async Task<int> ExtendAsync(ErasureFiles files, string requestId, DateTimeOffset newDueAt, DeadlineExtensionReason reason, string? text, CancellationToken cancellationToken)
    {
        if (!RequireLedger(files))
        {
            return ExitCodes.Failed;
        }

        await using var session = await ErasureSession.OpenAsync(files);
        if (await session.Service.GetAsync(requestId, cancellationToken) is null)
        {
            error.WriteLine($"error: the ledger holds no erasure with request ID '{requestId}'.");
            return ExitCodes.Failed;
        }

        ErasureRecord record;
        try
        {
            record = await session.Service.ExtendDeadlineAsync(requestId, newDueAt, reason, text, cancellationToken);
        }
        catch (InvalidOperationException refused)
        {
            error.WriteLine("error: " + refused.Message);
            return ExitCodes.Failed;
        }

        // The reason text is not repeated: it may name a person.
        console.Line($"Erasure '{record.RequestId}' deadline extended ({reason}): {DeadlineText.Due(record, DateTimeOffset.UtcNow)}.");
        return ExitCodes.Success;
    }

    public async Task<int> VerifyAsync(ErasureFiles files, CancellationToken cancellationToken)
    {
        if (!RequireLedger(files))
        {
            return ExitCodes.Failed;
        }

        await using var session = await ErasureSession.OpenAsync(files);
        var verification = await session.Service.VerifyLedgerAsync(cancellationToken);
        if (verification.IsIntact)
        {
            console.Line($"The ledger is intact: {verification.ErasuresChecked} erasure(s), {verification.EntriesChecked} entries checked.");
            return ExitCodes.Success;
        }

        foreach (var problem in verification.Problems)
        {
            error.WriteLine("error: " + problem);
        }

        error.WriteLine($"The ledger is NOT intact: {verification.Problems.Count} problem(s) in {verification.ErasuresChecked} erasure(s).");
        return ExitCodes.Failed;
    }

    private void ShowDeadline(ErasureRecord record, DeadlineSummary? deadline)
    {
        if (deadline is null)
        {
            console.Line("  deadline:    (none recorded: submitted before deadlines were)");
            return;
        }

        var regime = deadline.CustomDays is { } days ? $"custom, {days} days" : deadline.Regime.ToString().ToUpperInvariant();
        console.Line($"  deadline:    {regime}, request received {Time(deadline.ReceivedAt)}");
        console.Line($"  due:         {Time(deadline.DueAt)} ({DeadlineText.Standing(record, deadline.DueAt, DateTimeOffset.UtcNow)})");
        if (deadline.Extensions.Count > 0)
        {
            console.Line($"  extended:    {deadline.Extensions.Count} time(s), from {Time(deadline.OriginalDueAt)}");
        }

        console.Line($"  latest due:  {(deadline.LatestPermittedDueAt is { } latest ? Time(latest) + " (the legal maximum with extensions)" : "(no legal maximum)")}");
    }

    private async Task<ErasureRecord> FollowAsync(IErasureService service, ErasureRecord record, CancellationToken cancellationToken)
    {
        var last = (ErasureState?)null;
        while (true)
        {
            if (record.State != last)
            {
                last = record.State;
                var operation = record.OperationId is { } id ? $", operation {id.ToString(CultureInfo.InvariantCulture)}" : string.Empty;
                console.Line($"  erasure '{record.RequestId}': {record.State}{operation}");
            }

            if (record.State == ErasureState.Closed)
            {
                return record;
            }

            await Task.Delay(FollowInterval, cancellationToken);
            record = await service.GetAsync(record.RequestId, cancellationToken) ?? record;
        }
    }

    private bool RequireLedger(ErasureFiles files)
    {
        if (files.LedgerExists)
        {
            return true;
        }

        error.WriteLine($"error: there is no erasure ledger at {files.LedgerPath} yet; `erasure submit` creates it (or pass --ledger).");
        return false;
    }

    private async Task WriteOutAsync(string? outPath, Func<TextWriter, Task> write)
    {
        if (outPath is null)
        {
            await write(console.Profile.Out.Writer);
            return;
        }

        // Written beside, then renamed: a failed export leaves no half-written file.
        var full = Path.GetFullPath(outPath);
        var temporary = full + ".tmp";
        await using (var writer = new StreamWriter(temporary))
        {
            await write(writer);
        }

        File.Move(temporary, full, overwrite: true);
    }

    private static string Time(DateTimeOffset at) => at.ToString("u", CultureInfo.InvariantCulture);
}

/// <summary>Which erasures <c>erasure list</c> shows: all, or only the overdue and/or at-risk ones.</summary>
internal readonly record struct ListFilter(bool Overdue, bool AtRisk)
{
    public bool Any => Overdue || AtRisk;
}
