using ContactsSdk.Erasure.Evidence;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Deadlines;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Receipts;
using ContactsSdk.Erasure.Scheduling;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Subjects;

namespace ContactsSdk.Erasure;

/// <summary>The <see cref="IErasureService"/> over the ledger and the scheduler.</summary>
internal sealed partial class ErasureService : IErasureService
{
    private const int VerifyPageSize = 500;

    private readonly ErasureLedger _ledger;
    private readonly ErasureWakeups _wakeups;
    private readonly SubjectHasher _hasher;
    private readonly IEmailSubjectResolver? _resolver;
    private readonly AccountId? _clientAccountId;
    private readonly TimeProvider _time;
    private readonly DeadlineChecker _deadlines;

    public ErasureService(
        ErasureLedger ledger, ErasureWakeups wakeups, SubjectHasher hasher, IEmailSubjectResolver? resolver, ContactsClientOptions clientOptions, DeadlineChecker deadlines, LedgerAnchor anchor, TimeProvider time)
    {
        _anchor = anchor;
        _ledger = ledger;
        _wakeups = wakeups;
        _hasher = hasher;
        _resolver = resolver;
        _clientAccountId = clientOptions.AccountId;
        _time = time;
        _deadlines = deadlines;
    }

    private readonly LedgerAnchor _anchor;

    private IErasureLedgerStore Store => _ledger.Store;

    public async Task<ErasureRecord> SubmitAsync(ErasureRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Subjects.Kind == SubjectKind.EmailAddresses && _resolver is null)
        {
            throw new NotSupportedException("Erasures by email address need an IEmailSubjectResolver (the address-search route); none is registered.");
        }
        if (request.AccountId is { } mid && _clientAccountId is { } clientMid && mid != clientMid)
        {
            throw new ArgumentException($"The erasure is for MID {mid}, but the client's token is for MID {clientMid}.", nameof(request));
        }
        var accountId = request.AccountId ?? _clientAccountId;
        var kind = request.Subjects.Kind;
        var hashes = _hasher.HashAll(kind, request.Subjects.Values);
        var digest = SubjectHasher.Digest(hashes);
        var now = Milliseconds(_time.GetUtcNow());
        var (deadline, receivedAt, dueAt) = DeadlineOf(request, now);
        var erasureId = Guid.NewGuid();
        var payload = new SubmittedPayload(request.RequestId, accountId?.Value, kind, hashes.Count, ReceiptBuilder.HashAlgorithm, _hasher.KeyId, hashes, digest,
            deadline.Regime, deadline.CustomDays, receivedAt, dueAt);
        var first = _ledger.First(erasureId, EntryKinds.Submitted, payload, now);
        var state = kind == SubjectKind.EmailAddresses ? ErasureState.Submitted : ErasureState.ReadyToSend;
        var record = new ErasureRecord(erasureId, request.RequestId, accountId, kind, hashes.Count, state, null, null, first.RecordedAt, first.RecordedAt, null, 1, first.Hash)
        {
            DueAt = dueAt.ToUniversalTime(),
        };

        if (!await Store.TryCreateAsync(new NewErasure(record, first, request.Subjects.Values), cancellationToken).ConfigureAwait(false))
        {
            return await ExistingAsync(request, accountId, digest, cancellationToken).ConfigureAwait(false);
        }
        // A crash between the two writes leaves an erasure without a wake-up: the worker's start finds it.
        await _wakeups.ScheduleFirstAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    /// <summary>The erasure a repeated submission refers to, after checking that it is the same request.</summary>
    private async Task<ErasureRecord> ExistingAsync(ErasureRequest request, AccountId? accountId, string digest, CancellationToken cancellationToken)
    {
        var (requestId, kind) = (request.RequestId, request.Subjects.Kind);
        var existing = await Store.FindByRequestIdAsync(requestId, cancellationToken).ConfigureAwait(false)
            ?? throw new ErasureLedgerException($"Request ID '{requestId}' is taken but its erasure could not be read.");
        var entries = await Store.ReadEntriesAsync(existing.ErasureId, cancellationToken).ConfigureAwait(false);
        var submitted = LedgerJson.Read<SubmittedPayload>(entries[0].Payload);
        if (submitted.KeyId != _hasher.KeyId && submitted.SubjectKind == kind)
        {
            // Recorded before a key rotation: compare the subjects as hashed under the key they were recorded with.
            digest = SubjectHasher.Digest(_hasher.HashAll(submitted.KeyId, kind, request.Subjects.Values));
        }
        if (submitted.SubjectKind != kind || submitted.SubjectsDigest != digest || submitted.AccountId != accountId?.Value)
        {
            throw new ArgumentException($"Request ID '{requestId}' was already used for a different erasure (other subjects or MID); choose a new request ID.", "request");
        }
        if (!SameDeadline(request, submitted))
        {
            throw new ArgumentException($"Request ID '{requestId}' was already used with another deadline or received-at time; to change the due date, extend the deadline.", "request");
        }
        return existing;
    }

    public Task<ErasureRecord?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        return Store.FindByRequestIdAsync(requestId, cancellationToken);
    }

    public Task<IReadOnlyList<ErasureRecord>> ListAsync(ErasureListQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Store.ListAsync(query, cancellationToken);
    }

    public async Task<ErasureReceipt> GetReceiptAsync(string requestId, CancellationToken cancellationToken = default) =>
        LedgerJson.Read<ErasureReceipt>(await ExportReceiptJsonAsync(requestId, cancellationToken).ConfigureAwait(false));

    public async Task<string> ExportReceiptJsonAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var record = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        var entries = await Store.ReadEntriesAsync(record.ErasureId, cancellationToken).ConfigureAwait(false);
        var receipt = entries.LastOrDefault(e => e.Kind == EntryKinds.Receipt)
            ?? throw new InvalidOperationException($"Erasure '{requestId}' has no receipt yet: it is {record.State}.");
        return receipt.Payload;
    }

    public async Task<int> ExportCsvAsync(DateTimeOffset from, DateTimeOffset to, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (to <= from)
        {
            throw new ArgumentException("The end of the range must be after its start.", nameof(to));
        }
        await writer.WriteLineAsync(ErasureCsv.Header).ConfigureAwait(false);
        var count = 0;
        await foreach (var record in Store.ReadAllAsync(new ErasureListQuery { SubmittedFrom = from, SubmittedTo = to, PageSize = VerifyPageSize }, cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteLineAsync(ErasureCsv.Line(record)).ConfigureAwait(false);
            count++;
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        return count;
    }

    public Task<LedgerVerification> VerifyLedgerAsync(CancellationToken cancellationToken = default) => LedgerAudit.VerifyAsync(Store, _ledger.Chain, cancellationToken);

    public async Task<LedgerVerification> VerifyAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var record = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        var chain = await Store.ReadEntriesAsync(record.ErasureId, cancellationToken).ConfigureAwait(false);
        return new LedgerVerification(1, chain.Count, LedgerVerifier.Check(_ledger.Chain, record, chain));
    }

    public Task<LedgerDigest> IssueDigestAsync(CancellationToken cancellationToken = default) => _anchor.IssueAsync(cancellationToken);

    public Task<DigestVerification> VerifyDigestAsync(LedgerDigest digest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return _anchor.VerifyAsync(digest, cancellationToken);
    }

    public async Task<ReceiptEvidence> ExportReceiptEvidenceAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var record = await RequireAsync(requestId, cancellationToken).ConfigureAwait(false);
        return await _anchor.EvidenceAsync(record, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ErasureRecord> RequireAsync(string requestId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        return await Store.FindByRequestIdAsync(requestId, cancellationToken).ConfigureAwait(false)
            ?? throw new ErasureNotFoundException(requestId);
    }
}
