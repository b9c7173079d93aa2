using System;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Receipts;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Workflow;

internal sealed partial class ErasureStepRunner
{
    /// <summary>Writes the receipt, built from the ledger alone, as the erasure's last entry.</summary>
    private async Task<DateTimeOffset?> WriteReceiptAsync(ErasureRecord record, CancellationToken cancellationToken)
    {
        var entries = await Store.ReadEntriesAsync(record.ErasureId, cancellationToken).ConfigureAwait(false);
        var receipt = ReceiptBuilder.Build(record, entries);
        var (result, _) = await _ledger.AppendAsync(record, EntryKinds.Receipt, receipt, ErasureState.Closed,
            a => a with { ClearSubjects = ClearSubjectsChange.Erase }, cancellationToken).ConfigureAwait(false);
        return result == AppendResult.Appended ? null : Refused(record, result);
    }
}
