using System;
using System.Collections.Generic;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Receipts;

namespace ContactsSdk.Erasure;

/// <summary>
/// Builds the erasure library's results (ledger verification, digests, receipt evidence, the parts of a receipt), for tests of code that reads them.
/// </summary>
/// <remarks>
/// These types have no public constructor, so that a property can be added in a minor version
/// without breaking callers (the way Azure SDK models grow). A test that needs one, for a test
/// double of the client or an assertion, builds it here; a method gains parameters only as
/// overloads.
/// </remarks>
public static class ErasureModelFactory
{
    /// <summary>Builds a <see cref="LedgerProblem"/> with the given values.</summary>
    /// <param name="requestId">The erasure's request ID.</param>
    /// <param name="erasureId">The erasure's ledger ID.</param>
    /// <param name="sequence">The entry's sequence number (the row's version for a row mismatch).</param>
    /// <param name="reason">What does not match.</param>
    /// <returns>The new <see cref="LedgerProblem"/>.</returns>
    public static LedgerProblem LedgerProblem(string requestId, Guid erasureId, long sequence, string reason) =>
        new(requestId, erasureId, sequence, reason);

    /// <summary>Builds a <see cref="LedgerVerification"/> with the given values.</summary>
    /// <param name="erasuresChecked">How many erasures were checked.</param>
    /// <param name="entriesChecked">How many entries were checked.</param>
    /// <param name="problems">Every broken link found; empty when the ledger is intact.</param>
    /// <returns>The new <see cref="LedgerVerification"/>.</returns>
    public static LedgerVerification LedgerVerification(int erasuresChecked, long entriesChecked, IReadOnlyList<LedgerProblem> problems) =>
        new(erasuresChecked, entriesChecked, problems);

    /// <summary>Builds a <see cref="LedgerDigest"/> with the given values.</summary>
    /// <param name="treeSize">How many entries the digest covers: the first <c>TreeSize</c> leaves of the ledger.</param>
    /// <param name="rootHash">The Merkle tree hash of those leaves, lower-case hex.</param>
    /// <param name="issuedAt">When it was issued (UTC, milliseconds).</param>
    /// <param name="keyId">The ID of the signing key.</param>
    /// <param name="signature">The ECDSA P-256 / SHA-256 signature of <see cref="LedgerDigest.SignedText"/>, DER, base64.</param>
    /// <returns>The new <see cref="LedgerDigest"/>.</returns>
    public static LedgerDigest LedgerDigest(long treeSize, string rootHash, DateTimeOffset issuedAt, string keyId, string signature) =>
        new(treeSize, rootHash, issuedAt, keyId, signature);

    /// <summary>Builds a <see cref="DigestVerification"/> with the given values.</summary>
    /// <param name="digest">The digest checked against.</param>
    /// <param name="ledgerTreeSize">How many entries the ledger's tree holds now.</param>
    /// <param name="currentRootHash">The root of the tree over all of them now (lower-case hex).</param>
    /// <param name="consistencyProof">When the ledger still holds the digest's entries unchanged: the RFC 9162 proof that the digest's tree is a prefix of the tree now, for someone holding the digest and a later one. Empty otherwise.</param>
    /// <param name="problems">What is missing or changed, each named; empty when the ledger still holds everything the digest covered.</param>
    /// <returns>The new <see cref="DigestVerification"/>.</returns>
    public static DigestVerification DigestVerification(LedgerDigest digest, long ledgerTreeSize, string currentRootHash, IReadOnlyList<string> consistencyProof, IReadOnlyList<string> problems) =>
        new(digest, ledgerTreeSize, currentRootHash, consistencyProof, problems);

    /// <summary>Builds a <see cref="ReceiptEvidence"/> with the given values.</summary>
    /// <param name="receipt">The receipt's JSON text, byte for byte as stored (it is the entry's payload).</param>
    /// <param name="erasureId">The erasure the receipt entry belongs to.</param>
    /// <param name="sequence">The receipt entry's sequence in the erasure's chain.</param>
    /// <param name="recordedAt">When the receipt entry was recorded (milliseconds).</param>
    /// <param name="previousHash">The chain hash of the entry before it.</param>
    /// <param name="leafIndex">The receipt entry's position among all the ledger's entries.</param>
    /// <param name="inclusionProof">The RFC 9162 audit path from the entry's leaf to the digest's root, lower-case hex.</param>
    /// <param name="digest">The signed digest that covers the entry.</param>
    /// <returns>The new <see cref="ReceiptEvidence"/>.</returns>
    public static ReceiptEvidence ReceiptEvidence(string receipt, Guid erasureId, long sequence, DateTimeOffset recordedAt, string previousHash, long leafIndex, IReadOnlyList<string> inclusionProof, LedgerDigest digest) =>
        new(receipt, erasureId, sequence, recordedAt, previousHash, leafIndex, inclusionProof, digest);

    /// <summary>Builds a <see cref="ReceiptHashes"/> with the given values.</summary>
    /// <param name="algorithm">Always <c>HMAC-SHA256</c>.</param>
    /// <param name="keyId">The name of the key (ErasureOptions.SubjectHashKeyId).</param>
    /// <param name="values">Lower-case hex hashes, one per identifier.</param>
    /// <returns>The new <see cref="ReceiptHashes"/>.</returns>
    public static ReceiptHashes ReceiptHashes(string algorithm, string keyId, IReadOnlyList<string> values) =>
        new(algorithm, keyId, values);

    /// <summary>Builds a <see cref="ReceiptTransition"/> with the given values.</summary>
    /// <param name="at">When it was recorded.</param>
    /// <param name="phase">The lifecycle phase (Suppression, Delete).</param>
    /// <param name="state">The interpreted state.</param>
    /// <param name="operationStatus">The raw <c>operation.status</c>.</param>
    /// <param name="backgroundOperationStatuses">The raw <c>backgroundOperationStatusID</c> values.</param>
    /// <param name="responseDateTime">The response's <c>responseDateTime</c>, with its offset.</param>
    /// <returns>The new <see cref="ReceiptTransition"/>.</returns>
    public static ReceiptTransition ReceiptTransition(DateTimeOffset at, string phase, string state, string? operationStatus, IReadOnlyList<string?>? backgroundOperationStatuses, DateTimeOffset? responseDateTime) =>
        new(at, phase, state, operationStatus, backgroundOperationStatuses, responseDateTime);

    /// <summary>Builds a <see cref="ReceiptEvent"/> with the given values.</summary>
    /// <param name="at">When it was recorded.</param>
    /// <param name="kind">The ledger entry kind (outcome-unknown, not-processed, reconciled, not-received, poll-failed, refused).</param>
    /// <param name="errorKind">The kind of error, when there was one.</param>
    /// <param name="httpStatus">The HTTP status, when known.</param>
    /// <param name="errorCode">Marketing Cloud's gateway error code, when known.</param>
    /// <param name="resultCodes">Marketing Cloud's service result codes, when any.</param>
    /// <param name="operationId">The operation found by a reconciliation.</param>
    /// <returns>The new <see cref="ReceiptEvent"/>.</returns>
    public static ReceiptEvent ReceiptEvent(DateTimeOffset at, string kind, string? errorKind, int? httpStatus, int? errorCode, IReadOnlyList<string>? resultCodes, long? operationId) =>
        new(at, kind, errorKind, httpStatus, errorCode, resultCodes, operationId);

    /// <summary>Builds a <see cref="ReceiptLedgerAnchor"/> with the given values.</summary>
    /// <param name="entries">How many entries preceded the receipt.</param>
    /// <param name="lastHash">The hash of the last of them.</param>
    /// <returns>The new <see cref="ReceiptLedgerAnchor"/>.</returns>
    public static ReceiptLedgerAnchor ReceiptLedgerAnchor(long entries, string lastHash) =>
        new(entries, lastHash);

    /// <summary>Builds a <see cref="ReceiptBatch"/> with the given values.</summary>
    /// <param name="batchId">The batch's ID in the ledger.</param>
    /// <param name="erasureCount">How many erasures rode the request.</param>
    /// <param name="contactCount">How many contacts the request carried in all.</param>
    /// <returns>The new <see cref="ReceiptBatch"/>.</returns>
    public static ReceiptBatch ReceiptBatch(Guid batchId, int erasureCount, int contactCount) =>
        new(batchId, erasureCount, contactCount);
}
