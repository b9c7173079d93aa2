using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Evidence;
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
    /// <exception cref="ArgumentException">
    /// The request ID was already used for different subjects, another MID, another deadline or another
    /// received-at time; the MID is not the client's; or the received-at time is in the future or more
    /// than <see cref="ErasureRequest.MaxReceivedAge"/> ago.
    /// </exception>
    /// <exception cref="NotSupportedException">Email addresses were given and no <see cref="Subjects.IEmailSubjectResolver"/> is registered.</exception>
    /// <exception cref="ErasureLedgerException">The ledger could not be written (nothing was recorded).</exception>
    Task<ErasureRecord> SubmitAsync(ErasureRequest request, CancellationToken cancellationToken = default);

    /// <summary>The erasure with this request ID, or null.</summary>
    Task<ErasureRecord?> GetAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>One page of erasures (see <see cref="ErasureListQuery"/> for the range, the filter and the cursor).</summary>
    Task<IReadOnlyList<ErasureRecord>> ListAsync(ErasureListQuery query, CancellationToken cancellationToken = default);

    /// <summary>The receipt of a closed erasure.</summary>
    /// <exception cref="ErasureNotFoundException">No erasure has this request ID.</exception>
    /// <exception cref="InvalidOperationException">The erasure has no receipt yet (it is not closed).</exception>
    Task<ErasureReceipt> GetReceiptAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>The receipt of a closed erasure as JSON, exactly as stored in the ledger (schema <see cref="ErasureReceipt.SchemaV1"/>).</summary>
    /// <exception cref="ErasureNotFoundException">No erasure has this request ID.</exception>
    /// <exception cref="InvalidOperationException">The erasure has no receipt yet (it is not closed).</exception>
    Task<string> ExportReceiptJsonAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes one CSV line per erasure submitted in [<paramref name="from"/>, <paramref name="to"/>),
    /// after a header (docs/erasure.md lists the columns). Holds no identifier in clear.
    /// </summary>
    /// <returns>How many erasures were written.</returns>
    Task<int> ExportCsvAsync(DateTimeOffset from, DateTimeOffset to, TextWriter writer, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs a digest of the whole ledger now (tree size, Merkle root, time) with the current key of
    /// <see cref="ErasureOptions.DigestSigningKeys"/>. Keep it outside the database (write-once storage, the
    /// request's ticket): <see cref="VerifyDigestAsync"/> later proves the ledger still holds all it covered.
    /// </summary>
    /// <exception cref="InvalidOperationException">No signing key is configured, or entries are missing from the ledger (no digest covers a hole).</exception>
    Task<LedgerDigest> IssueDigestAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks that the ledger still holds every entry an earlier digest covered, unchanged: the digest's
    /// signature, then the Merkle root over those entries recomputed from the database. Names what is
    /// missing or changed; on success, returns the consistency proof to the ledger's tree now.
    /// </summary>
    Task<DigestVerification> VerifyDigestAsync(LedgerDigest digest, CancellationToken cancellationToken = default);

    /// <summary>
    /// A closed erasure's receipt as standalone evidence: the receipt, a digest signed now, and the proof
    /// that the receipt's entry is in the digest's tree. Checked with the public key alone
    /// (<see cref="ReceiptEvidence.Verify"/>, or scripts/verify-receipt.py without this library).
    /// </summary>
    /// <exception cref="ErasureNotFoundException">No erasure has this request ID.</exception>
    /// <exception cref="InvalidOperationException">The erasure has no receipt yet, or no signing key is configured.</exception>
    Task<ReceiptEvidence> ExportReceiptEvidenceAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The shared delete requests whose outcome was unknown and that several requests received by Marketing
    /// Cloud match: each waits for a person's decision (<see cref="ResolveReconciliationAsync"/>).
    /// </summary>
    Task<IReadOnlyList<PendingReconciliation>> ListPendingReconciliationsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a person's decision on a pending reconciliation: <paramref name="operationId"/> is the
    /// candidate that is the shared request (its erasures go on with it), or null when none is (the request
    /// counts as not received and its erasures are sent again). The decision is a ledger entry on the
    /// request's lead with <paramref name="decidedBy"/>, and the lead applies it at once.
    /// </summary>
    /// <param name="requestId">Any erasure riding the shared request.</param>
    /// <param name="operationId">One of <see cref="PendingReconciliation.CandidateOperationIds"/>, or null for none.</param>
    /// <param name="decidedBy">Who decided (the host's authenticated user). It may name a person: it stays in the ledger entry, never in a log or a receipt.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ErasureNotFoundException">No erasure has this request ID.</exception>
    /// <exception cref="InvalidOperationException">The erasure has no reconciliation waiting for a decision.</exception>
    /// <exception cref="ArgumentException">The operation is not one of the candidates.</exception>
    Task ResolveReconciliationAsync(string requestId, long? operationId, string decidedBy, CancellationToken cancellationToken = default);

    /// <summary>Checks every erasure's hash chain; the result names each broken entry.</summary>
    Task<LedgerVerification> VerifyLedgerAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Extends an active erasure's legal deadline to <paramref name="newDueAt"/>, recorded as a
    /// <c>deadline-extended</c> ledger entry with the reason. GDPR permits at most three months after
    /// receipt, CCPA 90 days; a custom deadline has no maximum. Several extensions may follow one
    /// another, each within the maximum.
    /// </summary>
    /// <param name="requestId">The erasure.</param>
    /// <param name="newDueAt">The new due date: later than the current one.</param>
    /// <param name="reason">Why, as a code.</param>
    /// <param name="reasonText">
    /// The reason in the operator's words (required for <see cref="DeadlineExtensionReason.Other"/>, at
    /// most 1000 characters). It may name a person, so it is kept in the ledger entry only: never in a
    /// log, a receipt or the CSV.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The erasure's row, with the new <see cref="ErasureRecord.DueAt"/>.</returns>
    /// <exception cref="ErasureNotFoundException">No erasure has this request ID.</exception>
    /// <exception cref="ArgumentException">The new due date is not later than the current one or beyond the legal maximum; the reason is missing or malformed.</exception>
    /// <exception cref="InvalidOperationException">The erasure has ended (it has a verdict), is sending its delete request at this moment, or was recorded without a deadline.</exception>
    Task<ErasureRecord> ExtendDeadlineAsync(string requestId, DateTimeOffset newDueAt, DeadlineExtensionReason reason, string? reasonText = null, CancellationToken cancellationToken = default);

    /// <summary>The erasure's deadline (regime, received-at, due dates, extensions, whether it was met), or null when it was recorded without one.</summary>
    /// <exception cref="ErasureNotFoundException">No erasure has this request ID.</exception>
    Task<DeadlineSummary?> GetDeadlineAsync(string requestId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks every active erasure's due date against the projected end of its deletion (its place in
    /// Marketing Cloud's queue, the restorable days and the delete phase; <see cref="DeadlineOptions"/>
    /// holds the assumptions). Reads the ledger only. The worker runs the same check every
    /// <see cref="DeadlineOptions.CheckInterval"/> for the deadline gauges and warnings.
    /// </summary>
    Task<DeadlineCheck> CheckDeadlinesAsync(CancellationToken cancellationToken = default);

    /// <summary>Checks one erasure's hash chain.</summary>
    /// <exception cref="ErasureNotFoundException">No erasure has this request ID.</exception>
    Task<LedgerVerification> VerifyAsync(string requestId, CancellationToken cancellationToken = default);
}
