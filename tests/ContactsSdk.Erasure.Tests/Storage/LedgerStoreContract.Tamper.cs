using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Storage;

// The tamper matrix (docs/reliability.md): an insider with write access to the database, but neither the
// chain's secret nor the digest signing key, changes the ledger after a digest was issued. The whole-ledger
// check and the check against the digest each say what they see; the matrix records both.
public abstract partial class LedgerStoreContract
{
    private static readonly DigestSigningKey SigningKey = DigestSigningKey.Create("contract-signing-1");

    [SkippableFact]
    public async Task Tamper_an_edited_entry_is_named_by_verify_and_by_the_digest()
    {
        var ledger = await SignedLedgerAsync();
        await ExecuteAsync(ledger.Store, $"UPDATE erasure_entries SET payload = '{{\"verdict\":\"Restored\",\"status\":\"Restored\"}}' WHERE erasure_id = '{ledger.B.ErasureId}' AND sequence = 4");

        Assert.Contains(await ledger.VerifyAsync(), p => p.RequestId == "req-tamper-b" && p.Sequence == 4 && p.Reason.Contains("the 'verdict' entry was edited"));
        AssertTileNamed(await ledger.VerifyDigestAsync(), "'req-tamper-b' (entries 1, 2, 3, 4, 5)");
    }

    [SkippableFact]
    public async Task Tamper_a_deleted_entry_is_named_by_verify_and_by_the_digest()
    {
        var ledger = await SignedLedgerAsync();
        await ExecuteAsync(ledger.Store, $"DELETE FROM erasure_entries WHERE erasure_id = '{ledger.B.ErasureId}' AND sequence = 2");

        var problems = await ledger.VerifyAsync();
        Assert.Contains(problems, p => p.RequestId == "req-tamper-b" && p.Reason.Contains("entry 2 is missing"));
        Assert.Contains(problems, p => p.Reason.Contains("no entry at position 6 of its 15"));
        Assert.Contains(await ledger.DigestProblemsAsync(), p => p.Contains("no entry at position 6, which the digest covers"));
    }

    [SkippableFact]
    public async Task Tamper_reordered_entries_are_named_by_verify_and_by_the_digest()
    {
        var ledger = await SignedLedgerAsync();
        var b = ledger.B.ErasureId;
        await ExecuteAsync(ledger.Store, $"UPDATE erasure_entries SET sequence = 99 WHERE erasure_id = '{b}' AND sequence = 2");
        await ExecuteAsync(ledger.Store, $"UPDATE erasure_entries SET sequence = 2 WHERE erasure_id = '{b}' AND sequence = 3");
        await ExecuteAsync(ledger.Store, $"UPDATE erasure_entries SET sequence = 3 WHERE erasure_id = '{b}' AND sequence = 99");

        Assert.Contains(await ledger.VerifyAsync(), p => p.RequestId == "req-tamper-b" && p.Sequence == 2 && p.Reason.Contains("was edited"));
        AssertTileNamed(await ledger.VerifyDigestAsync(), "'req-tamper-b'");
    }

    [SkippableFact]
    public async Task Tamper_a_tail_cut_off_with_its_row_adjusted_is_named_by_verify_and_by_the_digest()
    {
        var ledger = await SignedLedgerAsync();
        await CutTailAsync(ledger);

        Assert.Equal(ErasureState.Accepted, (await ledger.Store.FindAsync(ledger.B.ErasureId))!.State);
        var problems = await ledger.VerifyAsync();
        Assert.Equal(["the ledger-wide tree has no entry at positions 8–9 of its 15: entries were deleted from the database (a whole erasure, or an erasure's last entries)"], problems.Select(p => p.Reason));
        Assert.Contains(await ledger.DigestProblemsAsync(), p => p.Contains("no entry at positions 8–9, which the digest covers"));
    }

    [SkippableFact]
    public async Task Tamper_a_tail_cut_off_with_the_later_entries_renumbered_passes_verify_and_is_named_by_the_digest()
    {
        var ledger = await SignedLedgerAsync();
        await CutTailAsync(ledger);
        // Close the gap: every later entry moves down two places, and the tree's counter follows.
        await ExecuteAsync(ledger.Store, "UPDATE erasure_entries SET leaf_index = -leaf_index WHERE leaf_index >= 10");
        await ExecuteAsync(ledger.Store, "UPDATE erasure_entries SET leaf_index = -leaf_index - 2 WHERE leaf_index < 0");
        await ExecuteAsync(ledger.Store, "UPDATE erasure_tree SET size = 13");

        // Without the digest this is a consistent ledger: only an anchor kept outside the database catches it.
        Assert.Empty(await ledger.VerifyAsync());
        var digest = await ledger.DigestProblemsAsync();
        Assert.Contains(digest, p => p.Contains("holds 13 entries, the digest covers 15"));
        Assert.Contains(digest, p => p.Contains("no entry at positions 13–14, which the digest covers"));
    }

    [SkippableFact]
    public async Task Tamper_an_edited_row_column_is_named_by_verify_and_the_digest_of_the_entries_still_holds()
    {
        var ledger = await SignedLedgerAsync();
        await ExecuteAsync(ledger.Store, $"UPDATE erasures SET verdict = 'Restored' WHERE erasure_id = '{ledger.B.ErasureId}'");

        Assert.Contains(await ledger.VerifyAsync(), p => p.RequestId == "req-tamper-b" && p.Column == "verdict");
        // Rows are not leaves: the entries the digest covers are unchanged, and the row is proven wrong by them.
        Assert.True((await ledger.VerifyDigestAsync()).IsConsistent);
    }

    [SkippableFact]
    public async Task Tamper_a_removed_erasure_is_named_by_verify_and_by_the_digest()
    {
        var ledger = await SignedLedgerAsync();
        await ExecuteAsync(ledger.Store, $"DELETE FROM erasure_entries WHERE erasure_id = '{ledger.B.ErasureId}'");
        await ExecuteAsync(ledger.Store, $"DELETE FROM erasures WHERE erasure_id = '{ledger.B.ErasureId}'");

        Assert.Contains(await ledger.VerifyAsync(), p => p.Reason.Contains("no entry at positions 5–9 of its 15"));
        Assert.Contains(await ledger.DigestProblemsAsync(), p => p.Contains("no entry at positions 5–9, which the digest covers"));
    }

    [SkippableFact]
    public async Task Tamper_an_older_copy_of_the_database_passes_verify_and_is_named_by_the_digest()
    {
        var ledger = await SignedLedgerAsync();
        // The database as it was before the last erasure: its row, its entries and the tree's counter.
        await ExecuteAsync(ledger.Store, $"DELETE FROM erasure_entries WHERE erasure_id = '{ledger.C.ErasureId}'");
        await ExecuteAsync(ledger.Store, $"DELETE FROM erasures WHERE erasure_id = '{ledger.C.ErasureId}'");
        await ExecuteAsync(ledger.Store, "UPDATE erasure_tree SET size = 10");

        Assert.Empty(await ledger.VerifyAsync());
        Assert.Contains(await ledger.DigestProblemsAsync(), p => p.Contains("holds 10 entries, the digest covers 15: the ledger is older than the digest"));
    }

    [SkippableFact]
    public async Task Tamper_entries_moved_between_erasures_are_named_by_verify_and_by_the_digest()
    {
        var ledger = await SignedLedgerAsync();
        var (a, b) = (ledger.A.ErasureId, ledger.B.ErasureId);
        // A's and B's verdict entries change places: each erasure still has five entries.
        await ExecuteAsync(ledger.Store, $"UPDATE erasure_entries SET sequence = 99 WHERE erasure_id = '{a}' AND sequence = 4");
        await ExecuteAsync(ledger.Store, $"UPDATE erasure_entries SET erasure_id = '{a}' WHERE erasure_id = '{b}' AND sequence = 4");
        await ExecuteAsync(ledger.Store, $"UPDATE erasure_entries SET erasure_id = '{b}', sequence = 4 WHERE erasure_id = '{a}' AND sequence = 99");

        var problems = await ledger.VerifyAsync();
        Assert.Contains(problems, p => p.RequestId == "req-tamper-a" && p.Sequence == 4 && p.Reason.Contains("was edited"));
        Assert.Contains(problems, p => p.RequestId == "req-tamper-b" && p.Sequence == 4 && p.Reason.Contains("was edited"));
        AssertTileNamed(await ledger.VerifyDigestAsync(), "'req-tamper-a'");
    }

    [SkippableFact]
    public async Task Tamper_a_digest_or_receipt_forged_without_the_signing_key_is_refused()
    {
        var ledger = await SignedLedgerAsync();
        var digest = ledger.Digest;
        var forger = new DigestSigningKey(SigningKey.KeyId, System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256));

        Assert.Contains(await ledger.DigestProblemsAsync(digest with { TreeSize = 10 }), p => p.Contains("signature does not verify"));
        var forged = DigestSignature.Sign(forger, 10, Convert.FromHexString(digest.RootHash), digest.IssuedAt, []);
        Assert.Contains(await ledger.DigestProblemsAsync(forged), p => p.Contains("signature does not verify"));
        Assert.Contains(await ledger.DigestProblemsAsync(digest with { KeyId = "unknown-key" }), p => p.Contains("not in the digest key ring"));

        var evidence = await ledger.Anchor.EvidenceAsync(ledger.B, default);
        Assert.Empty(evidence.Verify([SigningKey]));
        Assert.Contains(evidence.Verify([forger]), p => p.Contains("signature does not verify"));
        Assert.Contains((evidence with { Receipt = evidence.Receipt.Replace("req-tamper-b", "req-tamper-x", StringComparison.Ordinal) }).Verify([SigningKey]), p => p.Contains("is not leaf"));
        Assert.Contains((evidence with { LeafIndex = evidence.LeafIndex - 1 }).Verify([SigningKey]), p => p.Contains("is not leaf"));
        var resigned = DigestSignature.Sign(forger, evidence.Digest.TreeSize, Convert.FromHexString(evidence.Digest.RootHash), evidence.Digest.IssuedAt, []);
        Assert.Contains((evidence with { Digest = resigned }).Verify([SigningKey]), p => p.Contains("signature does not verify"));
    }

    [SkippableFact]
    public async Task An_untouched_ledger_is_consistent_with_its_digest_and_a_later_one_is_proven_to_extend_it()
    {
        var ledger = await SignedLedgerAsync();
        Assert.Empty(await ledger.VerifyAsync());
        var same = await ledger.VerifyDigestAsync();
        Assert.True(same.IsConsistent, string.Join("; ", same.Problems));
        Assert.Equal(ledger.Digest.RootHash, same.CurrentRootHash);

        await ClosedErasureAsync(ledger.Store, ledger.Ledger, "req-tamper-d");
        var later = await ledger.Anchor.IssueAsync(default);
        var extended = await ledger.VerifyDigestAsync();

        Assert.True(extended.IsConsistent, string.Join("; ", extended.Problems));
        Assert.Equal((20L, later.RootHash), (extended.LedgerTreeSize, extended.CurrentRootHash));
        Assert.True(MerkleTree.VerifyConsistency(15, 20, Convert.FromHexString(ledger.Digest.RootHash), Convert.FromHexString(later.RootHash),
            [.. extended.ConsistencyProof.Select(Convert.FromHexString)]));
        var evidence = await ledger.Anchor.EvidenceAsync(ledger.A, default);
        Assert.Empty(evidence.Verify([SigningKey]));
        Assert.Empty(ReceiptEvidence.Parse(evidence.ToJson()).Verify([SigningKey]));
        var parsed = LedgerDigest.Parse(later.ToJson());
        Assert.Equal((later.TreeSize, later.RootHash, later.IssuedAt, later.KeyId, later.Signature), (parsed.TreeSize, parsed.RootHash, parsed.IssuedAt, parsed.KeyId, parsed.Signature));
        Assert.Equal(later.TileHashes, parsed.TileHashes);
        Assert.True((await ledger.VerifyDigestAsync(parsed)).IsConsistent);
    }

    /// <summary>B's verdict and receipt deleted, and its row set to what the remaining chain says: an erasure that looks unfinished.</summary>
    private async Task CutTailAsync(SignedLedger ledger)
    {
        var b = ledger.B.ErasureId;
        await ExecuteAsync(ledger.Store, $"DELETE FROM erasure_entries WHERE erasure_id = '{b}' AND sequence >= 4");
        var rest = await ledger.Store.ReadEntriesAsync(b);
        var chain = ChainProjection.Project(b, rest);
        await ExecuteAsync(ledger.Store,
            $"UPDATE erasures SET state = '{chain.State}', verdict = NULL, concluded_at = NULL, version = {rest.Count}, last_hash = '{rest[^1].Hash}', " +
            $"updated_at = {chain.UpdatedAt.ToUnixTimeMilliseconds()} WHERE erasure_id = '{b}'");
    }

    private static void AssertTileNamed(DigestVerification verification, string erasure)
    {
        Assert.False(verification.IsConsistent);
        Assert.Contains(verification.Problems, p => p.StartsWith("the entries at positions 0–14 differ from the digest", StringComparison.Ordinal) && p.Contains(erasure, StringComparison.Ordinal));
    }

    /// <summary>Three closed erasures (A, B, C: positions 0–4, 5–9, 10–14) and a digest of them, signed.</summary>
    private async Task<SignedLedger> SignedLedgerAsync()
    {
        var store = await MigratedStoreAsync();
        var chain = new LedgerChain("contract-test-subject-hash-key-0123456789"u8);
        var ledger = new ErasureLedger(store, chain, new FakeTimeProvider(T0));
        var a = await ClosedErasureAsync(store, ledger, "req-tamper-a");
        var b = await ClosedErasureAsync(store, ledger, "req-tamper-b");
        var c = await ClosedErasureAsync(store, ledger, "req-tamper-c");
        var anchor = new LedgerAnchor(store, new DigestKeyRing([SigningKey], null), new FakeTimeProvider(T0.AddDays(1)));
        var digest = await anchor.IssueAsync(default);
        Assert.Equal(15, digest.TreeSize);
        return new SignedLedger(store, chain, ledger, anchor, digest, a, b, c);
    }

    private sealed record SignedLedger(IErasureLedgerStore Store, LedgerChain Chain, ErasureLedger Ledger, LedgerAnchor Anchor, LedgerDigest Digest, ErasureRecord A, ErasureRecord B, ErasureRecord C)
    {
        public async Task<IReadOnlyList<LedgerProblem>> VerifyAsync() => (await LedgerAudit.VerifyAsync(Store, Chain, default)).Problems;

        public Task<DigestVerification> VerifyDigestAsync(LedgerDigest? digest = null) => Anchor.VerifyAsync(digest ?? Digest, default);

        public async Task<IReadOnlyList<string>> DigestProblemsAsync(LedgerDigest? digest = null)
        {
            var verification = await VerifyDigestAsync(digest);
            Assert.False(verification.IsConsistent);
            return verification.Problems;
        }
    }
}
