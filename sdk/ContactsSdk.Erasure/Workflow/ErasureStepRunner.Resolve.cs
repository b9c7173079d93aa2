using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Workflow;

internal sealed partial class ErasureStepRunner
{
    /// <summary>Email addresses become contact keys; the ledger records the keys' hashes and keeps the keys (not the addresses) in clear until acceptance.</summary>
    private async Task<DateTimeOffset?> ResolveAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        if (_resolver is null)
        {
            throw new InvalidOperationException("An erasure by email address needs an IEmailSubjectResolver, and none is registered.");
        }
        var addresses = await Store.ReadClearSubjectsAsync(record.ErasureId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Erasure {record.ErasureId} lost its email addresses before they were resolved.");
        var resolved = await _resolver.ResolveContactKeysAsync(addresses, cancellationToken).ConfigureAwait(false);
        var keys = new List<string>();
        var withoutMatch = 0;
        foreach (var address in addresses)
        {
            // An address the resolver left out matched nothing: it never becomes a key to delete.
            var found = resolved.TryGetValue(address, out var matches) ? matches : [];
            withoutMatch += found.Count == 0 ? 1 : 0;
            keys.AddRange(found);
        }
        var distinct = keys.Distinct(StringComparer.Ordinal).ToList();
        var payload = new ResolvedPayload(addresses.Count, withoutMatch, distinct.Count, _hasher.HashAll(SubjectKind.ContactKeys, distinct));
        if (distinct.Count == 0)
        {
            var (none, _) = await _ledger.AppendAsync(record, EntryKinds.Resolved, payload, ErasureState.Concluded,
                a => a with { Verdict = ErasureVerdict.NoMatchingContacts, ConcludedAt = a.Entry.RecordedAt, ClearSubjects = ClearSubjectsChange.Erase }, cancellationToken).ConfigureAwait(false);
            return none == AppendResult.Appended ? Now : Refused(record, none);
        }
        var (result, _) = await _ledger.AppendAsync(record, EntryKinds.Resolved, payload, ErasureState.ReadyToSend,
            a => a with { ClearSubjects = ClearSubjectsChange.Replace, ReplacementSubjects = distinct }, cancellationToken).ConfigureAwait(false);
        return result == AppendResult.Appended ? Now : Refused(record, result);
    }
}
