using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.Logging;

namespace ContactsSdk.Erasure.Workflow;

internal sealed partial class ErasureStepRunner
{
    /// <summary>
    /// The most email addresses one address search carries. The route documents no limit; this keeps a
    /// request and its answer a modest size while one search still replaces hundreds of single ones.
    /// </summary>
    internal const int MaxAddressesPerSearch = 250;

    /// <summary>
    /// Email addresses become contact keys. The erasures of the same MID waiting for resolution, longest
    /// waiting first, share one address search up to <see cref="MaxAddressesPerSearch"/> addresses (an
    /// erasure with more is searched alone); each records its own keys' hashes and keeps the keys (not
    /// the addresses) in clear until acceptance, all in one transaction.
    /// </summary>
    private async Task<StepOutcome> ResolveAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        if (_resolver is null)
        {
            throw new InvalidOperationException("An erasure by email address needs an IEmailSubjectResolver, and none is registered.");
        }
        var waiting = await Store.ReadResolveCandidatesAsync(record.AccountId, MaxAddressesPerSearch, cancellationToken).ConfigureAwait(false);
        var riders = TakeWithinLimit(waiting, MaxAddressesPerSearch);
        if (!riders.Any(r => r.Record.ErasureId == record.ErasureId))
        {
            var own = await Store.ReadClearSubjectsAsync(record.ErasureId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Erasure {record.ErasureId} lost its email addresses before they were resolved.");
            riders = [new SendCandidate(record, own)];
        }
        var addresses = riders.SelectMany(r => r.Subjects).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var resolved = await _resolver.ResolveContactKeysAsync(addresses, cancellationToken).ConfigureAwait(false);

        var appends = riders.Select(r => ResolvedEntry(r, resolved)).ToList();
        var result = await Store.WriteBatchAsync(new BatchWrite { Appends = appends }, cancellationToken).ConfigureAwait(false);
        if (result != AppendResult.Appended)
        {
            return StepOutcome.At(Refused(record, result));
        }
        if (riders.Count > 1)
        {
            _logger.LogInformation("{Erasures} erasures had their {Addresses} email addresses resolved in one search.", riders.Count, addresses.Count);
        }
        return StepOutcome.At(Now).Waking(riders.Where(r => r.Record.ErasureId != record.ErasureId).Select(r => r.Record.ErasureId), Now);
    }

    /// <summary>One erasure's resolution: its keys (ready to send), or no match at all (concluded without a deletion).</summary>
    private LedgerAppend ResolvedEntry(SendCandidate rider, IReadOnlyDictionary<string, IReadOnlyList<string>> resolved)
    {
        var keys = new List<string>();
        var withoutMatch = 0;
        foreach (var address in rider.Subjects)
        {
            // An address the resolver left out matched nothing: it never becomes a key to delete.
            var found = resolved.TryGetValue(address, out var matches) ? matches : [];
            withoutMatch += found.Count == 0 ? 1 : 0;
            keys.AddRange(found);
        }
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        var payload = new ResolvedPayload(rider.Subjects.Count, withoutMatch, distinct.Count, _hasher.HashAll(SubjectKind.ContactKeys, distinct), _hasher.KeyId);
        return distinct.Count == 0
            ? _ledger.Prepare(rider.Record, EntryKinds.Resolved, payload, ErasureState.Concluded,
                a => a with { Verdict = ErasureVerdict.NoMatchingContacts, ConcludedAt = a.Entry.RecordedAt, ClearSubjects = ClearSubjectsChange.Erase })
            : _ledger.Prepare(rider.Record, EntryKinds.Resolved, payload, ErasureState.ReadyToSend,
                a => a with { ClearSubjects = ClearSubjectsChange.Replace, ReplacementSubjects = distinct });
    }
}
