using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Storage;

/// <summary>
/// What every ledger store must do, whatever the database. A store's test class derives from this
/// one and supplies a fresh, empty (not yet migrated) store. The tests are skippable so that a
/// store whose server is not configured locally reports them as skipped, never as passed.
/// </summary>
public abstract partial class LedgerStoreContract
{
    private protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 8, 30, 15, 123, TimeSpan.Zero);

    /// <summary>A new store over an empty database.</summary>
    protected abstract Task<IErasureLedgerStore> CreateEmptyStoreAsync();

    /// <summary>The SQL of the store's database (its migrations build a ledger of an earlier schema version).</summary>
    private protected abstract LedgerSql Sql { get; }

    /// <summary>Runs one statement on the store's database, bypassing the store.</summary>
    protected abstract Task ExecuteAsync(IErasureLedgerStore store, string sql);

    private protected async Task<IErasureLedgerStore> MigratedStoreAsync()
    {
        var store = await CreateEmptyStoreAsync();
        await store.MigrateAsync();
        return store;
    }

    [SkippableFact]
    public async Task Migrating_twice_keeps_the_data()
    {
        var store = await MigratedStoreAsync();
        var erasure = NewErasure("req-1", T0);
        Assert.True(await store.TryCreateAsync(erasure));

        await store.MigrateAsync();

        Assert.Equal(erasure.Record, await store.FindAsync(erasure.Record.ErasureId));
    }

    [SkippableFact]
    public async Task A_ledger_of_schema_version_2_migrates_and_its_erasures_keep_no_due_date()
    {
        var store = await CreateEmptyStoreAsync();
        // The ledger as version 2 wrote it: its schema, a row without due_at, a submission without a deadline.
        await ExecuteAsync(store, Sql.CreateSchemaVersionTable);
        for (var version = 1; version <= 2; version++)
        {
            foreach (var statement in Sql.Migrations[version - 1])
            {
                await ExecuteAsync(store, statement);
            }
            await ExecuteAsync(store, $"INSERT INTO erasure_schema_version (version) VALUES ({version})");
        }
        var id = Guid.NewGuid();
        var at = T0.ToUnixTimeMilliseconds();
        await ExecuteAsync(store,
            "INSERT INTO erasures (erasure_id, request_id, account_id, subject_kind, subject_count, state, verdict, operation_id, submitted_at, updated_at, concluded_at, version, last_hash, clear_subjects) " +
            $"VALUES ('{id}', 'req-v2', 100012345, 'ContactKeys', 1, 'Accepted', NULL, 77, {at}, {at}, NULL, 1, 'h1', NULL)");
        const string OldSubmission = "{\"requestId\":\"req-v2\",\"accountId\":100012345,\"subjectKind\":\"ContactKeys\",\"subjectCount\":1,\"hashAlgorithm\":\"HMAC-SHA256\",\"keyId\":\"default\",\"subjectHashes\":[\"ab\"],\"subjectsDigest\":\"cd\"}";
        await ExecuteAsync(store,
            $"INSERT INTO erasure_entries (erasure_id, sequence, kind, recorded_at, payload, previous_hash, hash) VALUES ('{id}', 1, 'submitted', {at}, '{OldSubmission}', 'origin', 'h1')");

        await store.MigrateAsync();

        var expected = new ErasureRecord(id, "req-v2", new AccountId(100012345), SubjectKind.ContactKeys, 1, ErasureState.Accepted, null, 77, T0.AddTicks(-(T0.Ticks % TimeSpan.TicksPerMillisecond)), T0.AddTicks(-(T0.Ticks % TimeSpan.TicksPerMillisecond)), null, 1, "h1");
        Assert.Equal(expected, await store.FindAsync(id));
        Assert.Null((await store.FindAsync(id))!.DueAt);
        Assert.Null(ContactsSdk.Erasure.Deadlines.DeadlineRules.Summarize(await store.ReadEntriesAsync(id), null, null));
        // The migrated ledger records due dates from now on, and the old erasure moves on.
        var fresh = NewErasure("req-v3", T0, dueAt: T0.AddMonths(1));
        Assert.True(await store.TryCreateAsync(fresh));
        Assert.Equal(fresh.Record, await store.FindAsync(fresh.Record.ErasureId));
        // Version 5 numbered the old entry as the tree's first leaf; new entries follow it.
        Assert.Equal(0L, (await store.ReadEntriesAsync(id)).Single().LeafIndex);
        Assert.Equal(1L, (await store.ReadEntriesAsync(fresh.Record.ErasureId)).Single().LeafIndex);
        Assert.Equal(2L, await store.ReadTreeSizeAsync());
        Assert.Equal(AppendResult.Appended, await store.AppendAsync(new LedgerAppend { Entry = Entry(id, 2, T0), ExpectedVersion = 1, NewState = ErasureState.Accepted }));
    }

    [SkippableFact]
    public async Task A_created_erasure_reads_back_field_for_field_by_either_ID()
    {
        var store = await MigratedStoreAsync();
        var erasure = NewErasure("req-é-1", T0, accountId: new AccountId(100012345), subjects: ["key-1", "kéy-2"]);

        Assert.True(await store.TryCreateAsync(erasure));

        Assert.Equal(erasure.Record, await store.FindAsync(erasure.Record.ErasureId));
        Assert.Equal(erasure.Record, await store.FindByRequestIdAsync("req-é-1"));
        Assert.Equal([erasure.FirstEntry with { LeafIndex = 0 }], await store.ReadEntriesAsync(erasure.Record.ErasureId));
        Assert.Equal(["key-1", "kéy-2"], await store.ReadClearSubjectsAsync(erasure.Record.ErasureId));
        Assert.Null(await store.FindByRequestIdAsync("req-unknown"));
        Assert.Null(await store.FindAsync(Guid.NewGuid()));
    }

    [SkippableFact]
    public async Task Entries_take_the_next_places_of_the_ledger_wide_tree_in_commit_order_and_a_refused_write_takes_none()
    {
        var store = await MigratedStoreAsync();
        var a = NewErasure("req-tree-a", T0);
        var b = NewErasure("req-tree-b", T0);
        await store.TryCreateAsync(a);
        Assert.False(await store.TryCreateAsync(NewErasure("req-tree-a", T0)));
        await store.TryCreateAsync(b);
        Assert.Equal(AppendResult.VersionConflict, await store.AppendAsync(new LedgerAppend { Entry = Entry(a.Record.ErasureId, 6, T0), ExpectedVersion = 5, NewState = ErasureState.Accepted }));
        Assert.Equal(AppendResult.Appended, await store.AppendAsync(new LedgerAppend { Entry = Entry(a.Record.ErasureId, 2, T0), ExpectedVersion = 1, NewState = ErasureState.Accepted }));

        Assert.Equal(3, await store.ReadTreeSizeAsync());
        var leaves = await store.ReadLeavesAsync(0, 3, 10);
        Assert.Equal([(a.Record.ErasureId, 1L, 0L), (b.Record.ErasureId, 1L, 1L), (a.Record.ErasureId, 2L, 2L)], leaves.Select(e => (e.ErasureId, e.Sequence, e.LeafIndex!.Value)));
        Assert.Equal([2L], (await store.ReadLeavesAsync(1, 3, 10)).Skip(1).Select(e => e.LeafIndex!.Value));
        Assert.Single(await store.ReadLeavesAsync(0, 3, 1));
    }

    [SkippableFact]
    public async Task A_taken_request_ID_is_refused_and_nothing_of_the_second_erasure_is_written()
    {
        var store = await MigratedStoreAsync();
        var first = NewErasure("req-dup", T0);
        var second = NewErasure("req-dup", T0.AddMinutes(1));

        Assert.True(await store.TryCreateAsync(first));
        Assert.False(await store.TryCreateAsync(second));

        Assert.Equal(first.Record, await store.FindByRequestIdAsync("req-dup"));
        Assert.Null(await store.FindAsync(second.Record.ErasureId));
        Assert.Empty(await store.ReadEntriesAsync(second.Record.ErasureId));
    }

    [SkippableFact]
    public async Task An_append_at_the_expected_version_commits_the_entry_and_the_row_change()
    {
        var store = await MigratedStoreAsync();
        var erasure = NewErasure("req-append", T0);
        await store.TryCreateAsync(erasure);
        var entry = Entry(erasure.Record.ErasureId, 2, T0.AddSeconds(5));

        var result = await store.AppendAsync(new LedgerAppend
        {
            Entry = entry, ExpectedVersion = 1, NewState = ErasureState.Concluded, ClearSubjects = ClearSubjectsChange.Erase,
        });

        Assert.Equal(AppendResult.Appended, result);
        var row = await store.FindAsync(erasure.Record.ErasureId);
        Assert.Equal(erasure.Record with { State = ErasureState.Concluded, Version = 2, LastHash = entry.Hash, UpdatedAt = entry.RecordedAt }, row);
        Assert.Equal([erasure.FirstEntry with { LeafIndex = 0 }, entry with { LeafIndex = 1 }], await store.ReadEntriesAsync(erasure.Record.ErasureId));
        Assert.Null(await store.ReadClearSubjectsAsync(erasure.Record.ErasureId));
    }

    [SkippableFact]
    public async Task A_single_append_that_carries_an_operation_is_refused_and_writes_nothing()
    {
        var store = await MigratedStoreAsync();
        var erasure = NewErasure("req-single-operation", T0);
        await store.TryCreateAsync(erasure);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(new LedgerAppend
        {
            Entry = Entry(erasure.Record.ErasureId, 2, T0), ExpectedVersion = 1, NewState = ErasureState.Accepted, OperationId = 4242,
        }));

        Assert.Contains("WriteBatchAsync", refused.Message);
        Assert.Equal(erasure.Record, await store.FindAsync(erasure.Record.ErasureId));
        Assert.Single(await store.ReadEntriesAsync(erasure.Record.ErasureId));
        Assert.Equal(1, await store.ReadTreeSizeAsync());
    }

    [SkippableFact]
    public async Task A_verdict_append_sets_the_verdict_and_conclusion_time_and_keeps_the_operation()
    {
        var store = await MigratedStoreAsync();
        var erasure = NewErasure("req-verdict", T0);
        await store.TryCreateAsync(erasure);
        var id = erasure.Record.ErasureId;
        await AcceptAloneAsync(store, erasure.Record, Entry(id, 2, T0.AddSeconds(1)), 77);

        var verdict = Entry(id, 3, T0.AddDays(14));
        await store.AppendAsync(new LedgerAppend
        {
            Entry = verdict, ExpectedVersion = 2, NewState = ErasureState.Concluded, Verdict = ErasureVerdict.Deleted, ConcludedAt = verdict.RecordedAt,
        });

        var row = await store.FindAsync(id);
        Assert.Equal((ErasureState.Concluded, ErasureVerdict.Deleted, 77L, verdict.RecordedAt), (row!.State, row.Verdict, row.OperationId, row.ConcludedAt));
    }

    [SkippableFact]
    public async Task The_due_date_is_created_with_the_row_moved_by_an_append_that_sets_one_and_kept_by_the_others()
    {
        var store = await MigratedStoreAsync();
        var erasure = NewErasure("req-due", T0, dueAt: T0.AddMonths(1));
        var undated = NewErasure("req-undated", T0);
        await store.TryCreateAsync(erasure);
        await store.TryCreateAsync(undated);
        var id = erasure.Record.ErasureId;

        Assert.Equal(T0.AddMonths(1), (await store.FindAsync(id))!.DueAt);
        Assert.Null((await store.FindAsync(undated.Record.ErasureId))!.DueAt);
        await store.AppendAsync(new LedgerAppend { Entry = Entry(id, 2, T0), ExpectedVersion = 1, NewState = ErasureState.ReadyToSend, DueAt = T0.AddMonths(3) });
        await store.AppendAsync(new LedgerAppend { Entry = Entry(id, 3, T0), ExpectedVersion = 2, NewState = ErasureState.Sending });

        var row = await store.FindAsync(id);
        Assert.Equal(T0.AddMonths(3), row!.DueAt);
        Assert.Equal(row, Assert.Single(await store.ListAsync(new ErasureListQuery { SubmittedFrom = T0, PageSize = 10 }), r => r.ErasureId == id));
        Assert.Equal(row, await store.FindByRequestIdAsync("req-due"));
    }

    [SkippableFact]
    public async Task An_append_from_a_stale_read_is_refused_and_writes_nothing()
    {
        var store = await MigratedStoreAsync();
        var erasure = NewErasure("req-stale", T0);
        await store.TryCreateAsync(erasure);
        var id = erasure.Record.ErasureId;
        Assert.Equal(AppendResult.Appended, await store.AppendAsync(new LedgerAppend { Entry = Entry(id, 2, T0), ExpectedVersion = 1, NewState = ErasureState.Sending }));

        var stale = await store.AppendAsync(new LedgerAppend
        {
            Entry = Entry(id, 2, T0.AddSeconds(1), "other"), ExpectedVersion = 1, NewState = ErasureState.Reconciling, ClearSubjects = ClearSubjectsChange.Erase,
        });

        Assert.Equal(AppendResult.VersionConflict, stale);
        Assert.Equal(ErasureState.Sending, (await store.FindAsync(id))!.State);
        Assert.Equal(2, (await store.ReadEntriesAsync(id)).Count);
        Assert.NotNull(await store.ReadClearSubjectsAsync(id));
    }

    [SkippableFact]
    public async Task Of_concurrent_appends_from_the_same_read_exactly_one_wins()
    {
        var store = await MigratedStoreAsync();
        var erasure = NewErasure("req-race", T0);
        await store.TryCreateAsync(erasure);
        var id = erasure.Record.ErasureId;

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => store.AppendAsync(new LedgerAppend
        {
            Entry = Entry(id, 2, T0.AddSeconds(i), "racer-" + i), ExpectedVersion = 1, NewState = ErasureState.Sending,
        }))));

        Assert.Single(results, r => r == AppendResult.Appended);
        Assert.All(results.Where(r => r != AppendResult.Appended), r => Assert.Equal(AppendResult.VersionConflict, r));
        Assert.Equal(2, (await store.ReadEntriesAsync(id)).Count);
    }

    [SkippableFact]
    public async Task The_send_slot_is_held_by_one_batch_until_it_releases_it()
    {
        var store = await MigratedStoreAsync();
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();

        Assert.Equal(AppendResult.Appended, await store.WriteBatchAsync(new BatchWrite { AcquireSendSlotFor = a }));
        Assert.Equal(AppendResult.SendSlotBusy, await store.WriteBatchAsync(new BatchWrite { AcquireSendSlotFor = b }));
        // The holder may take it again (a retried step) without releasing.
        Assert.Equal(AppendResult.Appended, await store.WriteBatchAsync(new BatchWrite { AcquireSendSlotFor = a }));
        // Releasing another batch's slot does nothing.
        Assert.Equal(AppendResult.Appended, await store.WriteBatchAsync(new BatchWrite { ReleaseSendSlotOf = b }));
        Assert.Equal(AppendResult.SendSlotBusy, await store.WriteBatchAsync(new BatchWrite { AcquireSendSlotFor = b }));

        // Released and taken in one write: the slot passes from one batch to the next.
        Assert.Equal(AppendResult.Appended, await store.WriteBatchAsync(new BatchWrite { ReleaseSendSlotOf = a, AcquireSendSlotFor = b }));
        Assert.Equal(AppendResult.SendSlotBusy, await store.WriteBatchAsync(new BatchWrite { AcquireSendSlotFor = a }));
    }

    [SkippableFact]
    public async Task Erasures_waiting_to_send_queue_by_how_long_they_have_waited()
    {
        var store = await MigratedStoreAsync();
        Assert.Null(await store.FindLongestWaitingToSendAsync());
        var sending = NewErasure("req-queue-sending", T0);
        var early = NewErasure("req-queue-early", T0.AddMinutes(1));
        var late = NewErasure("req-queue-late", T0.AddMinutes(2));
        foreach (var erasure in new[] { late, early, sending })
        {
            await store.TryCreateAsync(erasure);
        }
        // Only erasures ready to send wait: one sending is out of the queue.
        await store.AppendAsync(new LedgerAppend { Entry = Entry(sending.Record.ErasureId, 2, T0), ExpectedVersion = 1, NewState = ErasureState.Sending });

        Assert.Equal(early.Record.ErasureId, await store.FindLongestWaitingToSendAsync());
        Assert.Equal(0, await store.CountWaitingToSendAheadAsync(early.Record));
        Assert.Equal(1, await store.CountWaitingToSendAheadAsync(late.Record));

        // A send that failed unprocessed puts the erasure back at the end of the queue.
        var earlyId = early.Record.ErasureId;
        await store.AppendAsync(new LedgerAppend { Entry = Entry(earlyId, 2, T0.AddMinutes(3)), ExpectedVersion = 1, NewState = ErasureState.Sending });
        await store.AppendAsync(new LedgerAppend { Entry = Entry(earlyId, 3, T0.AddMinutes(4)), ExpectedVersion = 2, NewState = ErasureState.ReadyToSend });

        Assert.Equal(late.Record.ErasureId, await store.FindLongestWaitingToSendAsync());
        Assert.Equal(1, await store.CountWaitingToSendAheadAsync((await store.FindAsync(earlyId))!));
        Assert.Equal(0, await store.CountWaitingToSendAheadAsync(late.Record));
    }

    [SkippableFact]
    public async Task Erasures_that_began_waiting_at_the_same_millisecond_queue_by_ID()
    {
        var store = await MigratedStoreAsync();
        var a = NewErasure("req-tie-a", T0);
        var b = NewErasure("req-tie-b", T0);
        await store.TryCreateAsync(a);
        await store.TryCreateAsync(b);
        var (first, second) = string.CompareOrdinal(a.Record.ErasureId.ToString("D"), b.Record.ErasureId.ToString("D")) < 0 ? (a, b) : (b, a);

        Assert.Equal(first.Record.ErasureId, await store.FindLongestWaitingToSendAsync());
        Assert.Equal(0, await store.CountWaitingToSendAheadAsync(first.Record));
        Assert.Equal(1, await store.CountWaitingToSendAheadAsync(second.Record));
    }

    [SkippableFact]
    public async Task Identifiers_in_clear_can_be_replaced_then_erased()
    {
        var store = await MigratedStoreAsync();
        var erasure = NewErasure("req-clear", T0, kind: SubjectKind.EmailAddresses, subjects: ["a@example.com"]);
        await store.TryCreateAsync(erasure);
        var id = erasure.Record.ErasureId;

        await store.AppendAsync(new LedgerAppend
        {
            Entry = Entry(id, 2, T0), ExpectedVersion = 1, NewState = ErasureState.ReadyToSend, ClearSubjects = ClearSubjectsChange.Replace, ReplacementSubjects = ["key-a", "key-b"],
        });
        Assert.Equal(["key-a", "key-b"], await store.ReadClearSubjectsAsync(id));

        await store.AppendAsync(new LedgerAppend { Entry = Entry(id, 3, T0), ExpectedVersion = 2, NewState = ErasureState.Accepted, ClearSubjects = ClearSubjectsChange.Erase });
        Assert.Null(await store.ReadClearSubjectsAsync(id));
    }

    [SkippableFact]
    public async Task Listing_pages_by_submission_time_filters_the_range_and_the_active_ones()
    {
        var store = await MigratedStoreAsync();
        var created = new List<NewErasure>();
        for (var i = 0; i < 7; i++)
        {
            var erasure = NewErasure($"req-list-{i}", T0.AddMinutes(i));
            await store.TryCreateAsync(erasure);
            created.Add(erasure);
        }
        var closed = created[3].Record.ErasureId;
        await store.AppendAsync(new LedgerAppend { Entry = Entry(closed, 2, T0), ExpectedVersion = 1, NewState = ErasureState.Closed });

        var pages = new List<string>();
        ErasureListQuery query = new() { SubmittedFrom = T0.AddMinutes(1), SubmittedTo = T0.AddMinutes(6), PageSize = 2 };
        while (true)
        {
            var page = await store.ListAsync(query);
            pages.Add(string.Join(",", page.Select(r => r.RequestId)));
            if (page.Count < query.PageSize)
            {
                break;
            }
            query = query with { After = (page[^1].SubmittedAt, page[^1].ErasureId) };
        }
        var active = await store.ListAsync(new ErasureListQuery { ActiveOnly = true, PageSize = 100 });

        Assert.Equal(["req-list-1,req-list-2", "req-list-3,req-list-4", "req-list-5"], pages);
        Assert.Equal(6, active.Count);
        Assert.DoesNotContain(active, r => r.ErasureId == closed);
    }

    [SkippableFact]
    public async Task Entries_keep_their_payload_exactly_and_times_to_the_millisecond()
    {
        var store = await MigratedStoreAsync();
        var erasure = NewErasure("req-payload", T0);
        await store.TryCreateAsync(erasure);
        var entry = new LedgerEntry(erasure.Record.ErasureId, 2, "observed", T0.AddTicks(1234567).AddMilliseconds(1),
            "{\"raw\":\"Procéssing \\u2013 ✓\",\"n\":1.50}", erasure.FirstEntry.Hash, "h2");

        await store.AppendAsync(new LedgerAppend { Entry = entry, ExpectedVersion = 1, NewState = ErasureState.Accepted });

        var read = (await store.ReadEntriesAsync(erasure.Record.ErasureId))[1];
        Assert.Equal(entry.Payload, read.Payload);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(entry.RecordedAt.ToUnixTimeMilliseconds()), read.RecordedAt);
    }

    [SkippableFact]
    public async Task Bad_queries_and_appends_are_refused_with_the_argument_named()
    {
        var store = await MigratedStoreAsync();
        var erasure = NewErasure("req-bad", T0);
        await store.TryCreateAsync(erasure);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.ListAsync(new ErasureListQuery { PageSize = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ListAsync(new ErasureListQuery { SubmittedFrom = T0, SubmittedTo = T0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => store.AppendAsync(new LedgerAppend { Entry = Entry(erasure.Record.ErasureId, 5, T0), ExpectedVersion = 1, NewState = ErasureState.Sending }));
        Assert.Single(await store.ReadEntriesAsync(erasure.Record.ErasureId));
    }

    [SkippableFact]
    public async Task A_batch_write_forms_a_batch_with_every_members_intent_and_reads_back_field_for_field()
    {
        var store = await MigratedStoreAsync();
        var a = NewErasure("req-batch-a", T0, accountId: new AccountId(7), subjects: ["a-1", "a-2"]);
        var b = NewErasure("req-batch-b", T0.AddSeconds(1), accountId: new AccountId(7), subjects: ["b-1"]);
        var other = NewErasure("req-batch-other-mid", T0, accountId: new AccountId(8));
        var ids = NewErasure("req-batch-ids", T0, accountId: new AccountId(7), kind: SubjectKind.ContactIds, subjects: ["42"]);
        foreach (var erasure in new[] { a, b, other, ids })
        {
            await store.TryCreateAsync(erasure);
        }

        var candidates = await store.ReadSendCandidatesAsync(new AccountId(7), SubjectKind.ContactKeys, 10);
        Assert.Equal([a.Record.ErasureId, b.Record.ErasureId], candidates.Select(c => c.Record.ErasureId));
        Assert.Equal(["a-1", "a-2"], candidates[0].Subjects);
        var batch = NewBatch(a.Record.ErasureId, accountId: new AccountId(7), erasures: 2, contacts: 3);

        Assert.Equal(AppendResult.Appended, await store.WriteBatchAsync(new BatchWrite
        {
            NewBatches = [batch],
            AcquireSendSlotFor = batch.BatchId,
            Appends = [Joining(a, batch.BatchId), Joining(b, batch.BatchId)],
        }));

        Assert.Equal(batch, await store.FindBatchAsync(batch.BatchId));
        Assert.Equal([a.Record.ErasureId, b.Record.ErasureId], (await store.ListBatchMembersAsync(batch.BatchId)).Select(m => m.ErasureId));
        Assert.All(await store.ListBatchMembersAsync(batch.BatchId), m => Assert.Equal((ErasureState.Sending, batch.BatchId), (m.State, m.BatchId)));
        Assert.Empty(await store.ReadSendCandidatesAsync(new AccountId(7), SubjectKind.ContactKeys, 10));
        Assert.Equal(1, await store.CountBatchesInQueueAsync(new AccountId(7)));
        Assert.Equal(0, await store.CountBatchesInQueueAsync(new AccountId(8)));
        Assert.Equal(0, await store.CountBatchesInQueueAsync(null));
        Assert.Single(await store.ReadSendCandidatesAsync(new AccountId(8), SubjectKind.ContactKeys, 10));
        Assert.Single(await store.ReadSendCandidatesAsync(new AccountId(7), SubjectKind.ContactIds, 10));
        Assert.Equal(batch.BatchId, await store.FindOldestFormedBatchAsync());
    }

    [SkippableFact]
    public async Task A_batch_write_refused_by_one_member_or_by_the_send_slot_writes_nothing_at_all()
    {
        var store = await MigratedStoreAsync();
        var a = NewErasure("req-atomic-a", T0);
        var b = NewErasure("req-atomic-b", T0);
        var holder = NewErasure("req-atomic-holder", T0);
        foreach (var erasure in new[] { a, b, holder })
        {
            await store.TryCreateAsync(erasure);
        }
        var stale = Joining(b, Guid.NewGuid()) with { ExpectedVersion = 0 };
        var first = NewBatch(a.Record.ErasureId);

        Assert.Equal(AppendResult.VersionConflict, await store.WriteBatchAsync(new BatchWrite
        {
            NewBatches = [first], AcquireSendSlotFor = first.BatchId, Appends = [Joining(a, first.BatchId), stale with { Entry = Entry(b.Record.ErasureId, 1, T0) }],
        }));
        Assert.Null(await store.FindBatchAsync(first.BatchId));
        Assert.Equal((ErasureState.ReadyToSend, null, 1L), Shape(await store.FindAsync(a.Record.ErasureId)));
        Assert.Single(await store.ReadEntriesAsync(a.Record.ErasureId));

        var holding = NewBatch(holder.Record.ErasureId);
        Assert.Equal(AppendResult.Appended, await store.WriteBatchAsync(new BatchWrite { NewBatches = [holding], AcquireSendSlotFor = holding.BatchId, Appends = [Joining(holder, holding.BatchId)] }));
        var second = NewBatch(a.Record.ErasureId);
        Assert.Equal(AppendResult.SendSlotBusy, await store.WriteBatchAsync(new BatchWrite { NewBatches = [second], AcquireSendSlotFor = second.BatchId, Appends = [Joining(a, second.BatchId)] }));
        Assert.Null(await store.FindBatchAsync(second.BatchId));
        Assert.Equal((ErasureState.ReadyToSend, null, 1L), Shape(await store.FindAsync(a.Record.ErasureId)));
    }

    [SkippableFact]
    public async Task A_batch_change_is_version_checked_and_its_operation_cannot_be_claimed_by_another_batch()
    {
        var store = await MigratedStoreAsync();
        var a = NewErasure("req-claim-a", T0);
        var b = NewErasure("req-claim-b", T0);
        await store.TryCreateAsync(a);
        await store.TryCreateAsync(b);
        var first = NewBatch(a.Record.ErasureId);
        var second = NewBatch(b.Record.ErasureId);
        await store.WriteBatchAsync(new BatchWrite { NewBatches = [first, second], Appends = [Joining(a, first.BatchId), Joining(b, second.BatchId)] });

        Assert.Equal(AppendResult.Appended, await store.WriteBatchAsync(new BatchWrite { Change = new BatchChange(first.BatchId, 1, BatchState.InQueue, T0, operationId: 77) }));
        Assert.Equal(AppendResult.VersionConflict, await store.WriteBatchAsync(new BatchWrite { Change = new BatchChange(first.BatchId, 1, BatchState.Dissolved, T0) }));
        Assert.Equal(AppendResult.OperationClaimed, await store.WriteBatchAsync(new BatchWrite { Change = new BatchChange(second.BatchId, 1, BatchState.InQueue, T0, operationId: 77) }));

        Assert.Equal((BatchState.InQueue, 77L, 2L), (await store.FindBatchAsync(first.BatchId)) is { } read ? (read.State, read.OperationId, read.Version) : default);
        Assert.Equal(BatchState.Formed, (await store.FindBatchAsync(second.BatchId))!.State);
        Assert.True(await store.IsOperationClaimedByOtherAsync(77, second.BatchId));
        Assert.False(await store.IsOperationClaimedByOtherAsync(77, first.BatchId));
        Assert.Equal(2, await store.CountBatchesInQueueAsync(null));
    }

    [SkippableFact]
    public async Task A_row_column_edited_behind_the_stores_back_is_named_by_verification_and_the_chain_stays_intact()
    {
        var store = await MigratedStoreAsync();
        var chain = new LedgerChain("contract-test-subject-hash-key-0123456789"u8);
        var ledger = new ErasureLedger(store, chain, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(T0));
        var row = await ClosedErasureAsync(store, ledger, "req-row-edit");
        Assert.Empty(LedgerVerifier.Check(chain, row, await store.ReadEntriesAsync(row.ErasureId)));

        await ExecuteAsync(store, $"UPDATE erasures SET verdict = 'Restored' WHERE erasure_id = '{row.ErasureId}'");
        var edited = (await store.FindAsync(row.ErasureId))!;
        var problems = LedgerVerifier.Check(chain, edited, await store.ReadEntriesAsync(row.ErasureId));

        Assert.Equal(ErasureVerdict.Restored, edited.Verdict);
        var problem = Assert.Single(problems);
        Assert.Equal(("req-row-edit", row.ErasureId, "verdict"), (problem.RequestId, problem.ErasureId, problem.Column));
        Assert.Contains("the erasure row's verdict is Restored, its entries say Deleted", problem.Reason);
    }

    /// <summary>An erasure run to its receipt through the ledger writer: real chained entries and the row changes the workflow makes.</summary>
    private static long s_operations;

    private protected static async Task<ErasureRecord> ClosedErasureAsync(IErasureLedgerStore store, ErasureLedger ledger, string requestId)
    {
        var id = Guid.NewGuid();
        var first = ledger.First(id, EntryKinds.Submitted,
            new SubmittedPayload(requestId, 100012345, SubjectKind.ContactKeys, 1, "HMAC-SHA256", "default", [new string('a', 64)], new string('b', 64)), T0);
        var row = new ErasureRecord(id, requestId, new AccountId(100012345), SubjectKind.ContactKeys, 1, ErasureState.ReadyToSend, null, null, first.RecordedAt, first.RecordedAt, null, 1, first.Hash);
        Assert.True(await store.TryCreateAsync(new NewErasure(row, first, ["key-1"])));
        // The workflow's way: the erasure rides a request of its own (a batch of one, with its ID).
        (_, row) = await ledger.AppendAsync(row, EntryKinds.IntentToSend, new IntentPayload(1, "keys", 1, new BatchInfo(id, 1, 1)), ErasureState.Sending,
            a => a with { JoinBatch = id }, default);
        // Each erasure its own operation: a second claim on one would be refused.
        var operationId = 4711 + Interlocked.Increment(ref s_operations);
        var acceptance = ledger.Prepare(row, EntryKinds.Accepted, new AcceptedPayload(operationId, null, null, null, new BatchInfo(id, 1, 1)), ErasureState.Accepted);
        Assert.Equal(AppendResult.Appended, await AcceptAloneAsync(store, row, acceptance.Entry, operationId));
        row = ErasureLedger.After(row, acceptance with { OperationId = operationId });
        (_, row) = await ledger.AppendAsync(row, EntryKinds.Verdict, new VerdictPayload(ErasureVerdict.Deleted, "Deleted"), ErasureState.Concluded,
            a => a with { Verdict = ErasureVerdict.Deleted, ConcludedAt = a.Entry.RecordedAt }, default);
        var receipt = new { schema = "contactssdk.erasure-receipt/1", requestId, erasureId = id, ledger = new { entries = row.Version, lastHash = row.LastHash } };
        (_, row) = await ledger.AppendAsync(row, EntryKinds.Receipt, receipt, ErasureState.Closed, null, default);
        Assert.Equal(row, await store.FindAsync(id));
        return row;
    }

    /// <summary>
    /// Records an erasure's accepted operation as the workflow does (a batch write): a batch of one, with
    /// the erasure's ID, claims the operation and the erasure joins it.
    /// </summary>
    private protected static Task<AppendResult> AcceptAloneAsync(IErasureLedgerStore store, ErasureRecord row, LedgerEntry entry, long operationId)
    {
        var batch = NewBatch(row.ErasureId) with { BatchId = row.ErasureId, State = BatchState.InQueue, OperationId = operationId };
        return store.WriteBatchAsync(new BatchWrite
        {
            NewBatches = [batch],
            Appends = [new LedgerAppend { Entry = entry, ExpectedVersion = row.Version, NewState = ErasureState.Accepted, OperationId = operationId, JoinBatch = batch.BatchId }],
        });
    }

    private static BatchRecord NewBatch(Guid lead, AccountId? accountId = null, int erasures = 1, int contacts = 1) => new()
    {
        BatchId = Guid.NewGuid(),
        AccountId = accountId,
        SubjectKind = SubjectKind.ContactKeys,
        State = BatchState.Formed,
        ErasureCount = erasures,
        ContactCount = contacts,
        LeadErasureId = lead,
        CreatedAt = Truncate(T0),
        UpdatedAt = Truncate(T0),
        Version = 1,
    };

    private static LedgerAppend Joining(NewErasure erasure, Guid batchId) =>
        new() { Entry = Entry(erasure.Record.ErasureId, 2, T0), ExpectedVersion = 1, NewState = ErasureState.Sending, JoinBatch = batchId };

    private static (ErasureState, Guid?, long) Shape(ErasureRecord? record) => (record!.State, record.BatchId, record.Version);

    internal static NewErasure NewErasure(
        string requestId, DateTimeOffset at, AccountId? accountId = null, SubjectKind kind = SubjectKind.ContactKeys, IReadOnlyList<string>? subjects = null, DateTimeOffset? dueAt = null)
    {
        subjects ??= ["key-1"];
        var id = Guid.NewGuid();
        var first = new LedgerEntry(id, 1, "submitted", Truncate(at), "{\"subjectCount\":" + subjects.Count + "}", "origin", "h1-" + id.ToString("N"));
        var state = kind == SubjectKind.EmailAddresses ? ErasureState.Submitted : ErasureState.ReadyToSend;
        var record = new ErasureRecord(id, requestId, accountId, kind, subjects.Count, state, null, null, Truncate(at), Truncate(at), null, 1, first.Hash)
        {
            DueAt = dueAt is { } due ? Truncate(due) : null,
        };
        return new NewErasure(record, first, subjects);
    }

    internal static LedgerEntry Entry(Guid erasureId, long sequence, DateTimeOffset at, string payload = "{}") =>
        new(erasureId, sequence, "test", Truncate(at), payload, "h" + (sequence - 1), "h" + sequence + "-" + payload);

    private static DateTimeOffset Truncate(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
