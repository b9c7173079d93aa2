using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContactsSdk.Erasure.Evidence;
using ContactsSdk.Erasure.Ledger;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Subjects;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Evidence;

/// <summary>
/// The committed test vectors (docs/erasure-test-vectors.json) recomputed with the library: the
/// documented construction and the code cannot drift apart without this failing. The vectors decide.
/// </summary>
public sealed class HashTestVectorTests
{
    public static readonly string VectorsPath = Path.Combine(
        typeof(HashTestVectorTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "docs", "erasure-test-vectors.json");

    private static readonly JsonElement Vectors = JsonDocument.Parse(File.ReadAllText(VectorsPath)).RootElement;

    private static byte[] Secret => Convert.FromHexString(Vectors.GetProperty("subjectHashKey").GetProperty("hex").GetString()!);

    [Fact]
    public void The_key_is_the_one_its_text_names_and_both_derived_keys_match()
    {
        var key = Vectors.GetProperty("subjectHashKey");
        var derived = Vectors.GetProperty("derivedKeys");

        Assert.Equal(Encoding.UTF8.GetBytes(key.GetProperty("utf8").GetString()!), Secret);
        Assert.Equal(derived.GetProperty("subjects").GetProperty("hex").GetString(), Convert.ToHexStringLower(SubjectHasher.DeriveKey(Secret)));
        Assert.Equal(derived.GetProperty("ledgerChain").GetProperty("hex").GetString(), Convert.ToHexStringLower(LedgerChain.DeriveKey(Secret)));
    }

    [Fact]
    public void Every_subject_hash_recomputes()
    {
        var hasher = new SubjectHasher(Secret, "default");
        var cases = Vectors.GetProperty("subjectHashes").EnumerateArray().ToList();

        Assert.Contains(cases, c => c.GetProperty("value").GetString()!.Any(ch => ch > 127));
        Assert.All(cases, c => Assert.Equal(
            c.GetProperty("hash").GetString(),
            hasher.Hash(Enum.Parse<SubjectKind>(c.GetProperty("kind").GetString()!), c.GetProperty("value").GetString()!)));
    }

    [Fact]
    public void The_subjects_digest_recomputes_in_any_order()
    {
        var vector = Vectors.GetProperty("subjectsDigest");
        var hashes = vector.GetProperty("hashes").EnumerateArray().Select(h => h.GetString()!).ToList();

        Assert.Equal(vector.GetProperty("digest").GetString(), SubjectHasher.Digest(hashes));
        Assert.Equal(vector.GetProperty("digest").GetString(), SubjectHasher.Digest(Enumerable.Reverse(hashes)));
    }

    [Fact]
    public void Every_entry_canonical_bytes_and_hash_recompute_and_the_entries_chain()
    {
        var chain = new LedgerChain(Secret);
        var previous = LedgerChain.Origin;
        foreach (var vector in Vectors.GetProperty("entries").EnumerateArray())
        {
            var erasureId = Guid.Parse(vector.GetProperty("erasureId").GetString()!);
            var sequence = vector.GetProperty("sequence").GetInt64();
            var kind = vector.GetProperty("kind").GetString()!;
            var at = DateTimeOffset.FromUnixTimeMilliseconds(vector.GetProperty("recordedAtUnixMs").GetInt64());
            var payload = vector.GetProperty("payload").GetString()!;
            Assert.Equal(previous, vector.GetProperty("previousHash").GetString());

            var entry = chain.Next(erasureId, sequence, previous, kind, at, payload);

            Assert.Equal(vector.GetProperty("canonicalBytesHex").GetString(), Convert.ToHexStringLower(LedgerChain.CanonicalBytes(erasureId, sequence, kind, at, payload, previous)));
            Assert.Equal(vector.GetProperty("hash").GetString(), entry.Hash);
            Assert.True(chain.IsIntact(entry));
            Assert.Equal(vector.GetProperty("leafHash").GetString(), Convert.ToHexStringLower(LedgerLeaves.LeafHashOf(entry)));
            previous = entry.Hash;
        }
        Assert.NotEqual(LedgerChain.Origin, previous);
    }

    [Fact]
    public void The_tree_leaf_hashes_roots_and_proofs_recompute()
    {
        var tree = Vectors.GetProperty("tree");
        var leaves = tree.GetProperty("leaves").EnumerateArray().ToList();
        var hashes = leaves.Select(l => MerkleTree.LeafHash(Convert.FromHexString(l.GetProperty("dataHex").GetString()!))).ToList();

        Assert.Equal(leaves.Select(l => l.GetProperty("leafHash").GetString()), hashes.Select(Convert.ToHexStringLower));
        Assert.All(tree.GetProperty("roots").EnumerateArray(), r => Assert.Equal(
            r.GetProperty("rootHash").GetString(),
            Convert.ToHexStringLower(MerkleTree.Root(hashes, r.GetProperty("size").GetInt64()))));

        var inclusion = tree.GetProperty("inclusionProof");
        var (index, size) = (inclusion.GetProperty("leafIndex").GetInt64(), inclusion.GetProperty("treeSize").GetInt64());
        Assert.Equal(Hexes(inclusion.GetProperty("path")), MerkleTree.InclusionProof(hashes, index, size).Select(Convert.ToHexStringLower));
        Assert.True(MerkleTree.VerifyInclusion(hashes[(int)index], index, size, FromHexes(inclusion.GetProperty("path")), MerkleTree.Root(hashes, size)));

        var consistency = tree.GetProperty("consistencyProof");
        var (oldSize, newSize) = (consistency.GetProperty("oldSize").GetInt64(), consistency.GetProperty("newSize").GetInt64());
        Assert.Equal(Hexes(consistency.GetProperty("path")), MerkleTree.ConsistencyProof(hashes, oldSize, newSize).Select(Convert.ToHexStringLower));
        Assert.True(MerkleTree.VerifyConsistency(oldSize, newSize, MerkleTree.Root(hashes, oldSize), MerkleTree.Root(hashes, newSize), FromHexes(consistency.GetProperty("path"))));
    }

    [Fact]
    public void The_digest_reads_writes_and_verifies_with_the_vector_key_and_an_edited_one_does_not()
    {
        var vector = Vectors.GetProperty("digest");
        var json = vector.GetProperty("json").GetRawText();
        var publicKey = DigestSigningKey.FromPem("test-vector-signing-1", vector.GetProperty("publicKeyPem").GetString()!);
        var privateKey = DigestSigningKey.FromPem("test-vector-signing-1", vector.GetProperty("privateKeyPem").GetString()!);

        var digest = LedgerDigest.Parse(json);

        Assert.False(publicKey.CanSign);
        Assert.True(privateKey.CanSign);
        Assert.Equal(vector.GetProperty("publicKeyPem").GetString()!.Trim(), privateKey.ExportPublicKeyPem().Trim());
        Assert.Equal(vector.GetProperty("signedText").GetString(), digest.SignedText);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(digest.ToJson())), digest.ToJson());
        Assert.Empty(DigestSignature.Problems(digest, publicKey));

        // The tiles are the roots of each run of 64 leaves of the vector tree; together they give the root.
        var leaves = Vectors.GetProperty("tree").GetProperty("leaves").EnumerateArray().Select(l => MerkleTree.LeafHash(Convert.FromHexString(l.GetProperty("dataHex").GetString()!))).ToList();
        Assert.Equal(Convert.ToHexStringLower(MerkleTree.Root(leaves, digest.TreeSize)), digest.RootHash);
        Assert.Equal(digest.RootHash, Convert.ToHexStringLower(MerkleTree.Root(digest.TileHashes.Select(Convert.FromHexString).ToList(), digest.TileHashes.Count)));

        // A signature is randomized: a new one differs from the vector's, and verifies just the same.
        var resigned = DigestSignature.Sign(privateKey, digest.TreeSize, Convert.FromHexString(digest.RootHash), digest.IssuedAt, digest.TileHashes);
        Assert.NotEqual(digest.Signature, resigned.Signature);
        Assert.Equal(digest.SignedText, resigned.SignedText);
        Assert.Empty(DigestSignature.Problems(resigned, publicKey));
        Assert.NotEmpty(DigestSignature.Problems(digest with { TreeSize = digest.TreeSize + 1 }, publicKey));
        Assert.NotEmpty(DigestSignature.Problems(digest, DigestSigningKey.Create("test-vector-signing-1")));
    }

    private static List<string?> Hexes(JsonElement array) => array.EnumerateArray().Select(h => h.GetString()).ToList();

    private static List<byte[]> FromHexes(JsonElement array) => array.EnumerateArray().Select(h => Convert.FromHexString(h.GetString()!)).ToList();
}
