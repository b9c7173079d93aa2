using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Receipts;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure;

/// <summary>
/// Submits erasures and reads the ledger. Submission returns at once with the durable record; the
/// hosted worker carries the erasure to its verdict and receipt in the background, across restarts.
/// </summary>
public interface IErasureService
{
    /// <summary>
    /// Records an erasure and schedules its first step. Submitting a request ID again returns the
    /// existing erasure and starts nothing.
    /// </summary>
    /// <exception cref="ArgumentException">The request ID was already used for different subjects or another MID; or the MID is not the client's.</exception>
    /// <exception cref="NotSupportedException">Email addresses were given and no <see cref="Subjects.IEmailSubjectResolver"/> is registered.</exception>
    /// <exception cref="ErasureLedgerException">The ledger could not be written (nothing was recorded).</exception>
    Task<ErasureRecord> SubmitAsync(ErasureRequest request, CancellationToken cancellationToken = default);

    /// <summary>The erasure with this request ID, or null.</summary>
    Task<ErasureRecord?> GetAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>One page of erasures (see <see cref="ErasureListQuery"/> for the range, the filter and the cursor).</summary>
    Task<IReadOnlyList<ErasureRecord>> ListAsync(ErasureListQuery query, CancellationToken cancellationToken = default);

    /// <summary>The receipt of a closed erasure.</summary>
    /// <exception cref="KeyNotFoundException">No erasure has this request ID.</exception>
    /// <exception cref="InvalidOperationException">The erasure has no receipt yet (it is not closed).</exception>
    Task<ErasureReceipt> GetReceiptAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>The receipt of a closed erasure as JSON, exactly as stored in the ledger (schema <see cref="ErasureReceipt.SchemaV1"/>).</summary>
    /// <exception cref="KeyNotFoundException">No erasure has this request ID.</exception>
    /// <exception cref="InvalidOperationException">The erasure has no receipt yet (it is not closed).</exception>
    Task<string> ExportReceiptJsonAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one CSV line per erasure submitted in [<paramref name="from"/>, <paramref name="to"/>),
    /// after a header (docs/erasure.md lists the columns). Holds no identifier in clear.
    /// </summary>
    /// <returns>How many erasures were written.</returns>
    Task<int> ExportCsvAsync(DateTimeOffset from, DateTimeOffset to, TextWriter writer, CancellationToken cancellationToken = default);

    /// <summary>Checks every erasure's hash chain; the result names each broken entry.</summary>
    Task<LedgerVerification> VerifyLedgerAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks one erasure's hash chain.</summary>
    /// <exception cref="KeyNotFoundException">No erasure has this request ID.</exception>
    Task<LedgerVerification> VerifyAsync(string requestId, CancellationToken cancellationToken = default);
}
