using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.Json;
using ContactsSdk.Erasure.Ledger;
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
            previous = entry.Hash;
        }
        Assert.NotEqual(LedgerChain.Origin, previous);
    }
}
