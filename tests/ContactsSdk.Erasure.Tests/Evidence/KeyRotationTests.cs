using System;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Evidence;

/// <summary>
/// A subject-hash key rotation on a ledger with erasures in flight: new erasures hash with the new key,
/// older ones keep the key they were recorded under (their receipts name it and verify with it), a
/// repeated submission of an older erasure is still recognised, and the ledger's chain verifies whole.
/// </summary>
public sealed class KeyRotationTests
{
    private static readonly byte[] NewKey = "rotated-subject-hash-key-0123456789abcdef"u8.ToArray();

    [Fact]
    public async Task After_a_rotation_new_erasures_use_the_new_key_and_older_ones_keep_theirs()
    {
        await using var harness = await ErasureHarness.StartAsync(
            clock => new EmulatorOptions { TimeProvider = clock, Contacts = [new EmulatedContact { ContactKey = "fake-key-1", EmailAddress = "fake.one@example.com", CreatedAt = clock.GetUtcNow().AddYears(-1) }] },
            o =>
            {
                o.SubjectHashKey = NewKey;
                o.SubjectHashKeyId = "rotated-2";
                o.RetiredSubjectHashKeys[ErasureOptions.DefaultSubjectHashKeyId] = ErasureHarness.TestKey;
                o.LedgerChainKeyId = ErasureOptions.DefaultSubjectHashKeyId;
            });
        // Recorded before the rotation, by a worker still on the first key.
        var (olderKeys, olderEmail) = await SubmitBeforeRotationAsync(harness);

        var newer = await harness.Service.SubmitAsync(new ErasureRequest("rotation-new", ErasureSubjects.ContactKeys(["new-contact"])));
        foreach (var id in new[] { olderKeys, olderEmail, newer.ErasureId })
        {
            await harness.RunToEndAsync(id);
        }

        var older = await harness.Service.GetReceiptAsync("rotation-old-keys");
        Assert.Equal((ErasureOptions.DefaultSubjectHashKeyId, Hash(ErasureHarness.TestKey, "ContactKeys", "old-contact")), (older.SubjectHashes.KeyId, Assert.Single(older.SubjectHashes.Values)));
        var latest = await harness.Service.GetReceiptAsync("rotation-new");
        Assert.Equal(("rotated-2", Hash(NewKey, "ContactKeys", "new-contact")), (latest.SubjectHashes.KeyId, Assert.Single(latest.SubjectHashes.Values)));
        // The email erasure's addresses keep the first key; the keys they resolved to after the rotation, the new one.
        var email = await harness.Service.GetReceiptAsync("rotation-old-email");
        Assert.Equal(Hash(ErasureHarness.TestKey, "EmailAddresses", "fake.one@example.com"), Assert.Single(email.SubjectHashes.Values));
        Assert.Equal(("rotated-2", Hash(NewKey, "ContactKeys", "fake-key-1")), (email.ResolvedContactKeyHashes!.KeyId, Assert.Single(email.ResolvedContactKeyHashes.Values)));

        Assert.Equal(olderKeys, (await harness.Service.SubmitAsync(new ErasureRequest("rotation-old-keys", ErasureSubjects.ContactKeys(["old-contact"])))).ErasureId);
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.SubmitAsync(new ErasureRequest("rotation-old-keys", ErasureSubjects.ContactKeys(["another-contact"]))));
        var verification = await harness.Service.VerifyLedgerAsync();
        Assert.True(verification.IsIntact, string.Join("\n", verification.Problems));
        Assert.Empty((await harness.Service.ExportReceiptEvidenceAsync("rotation-old-keys")).Verify([ErasureHarness.SigningKey]));
    }

    [Fact]
    public void A_key_ring_that_cannot_work_is_refused_naming_the_option()
    {
        static string Refusal(Action<ErasureOptions> configure) =>
            OptionsRefusal.Of(o =>
            {
                o.UseSqlite("unused.db");
                o.SubjectHashKey = NewKey;
                configure(o);
            });

        Assert.Contains("also among RetiredSubjectHashKeys", Refusal(o => o.RetiredSubjectHashKeys[o.SubjectHashKeyId] = ErasureHarness.TestKey));
        Assert.Contains("LedgerChainKeyId names 'first'", Refusal(o => o.LedgerChainKeyId = "first"));
        Assert.Contains("retired subject-hash key 'short'", Refusal(o => o.RetiredSubjectHashKeys["short"] = [1, 2, 3]));
    }

    private static async Task<(Guid Keys, Guid Email)> SubmitBeforeRotationAsync(ErasureHarness harness)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(harness.Clock);
        services.AddLogging();
        services.AddContactsSdk(o => o.ConnectTo(harness.Emulator));
        services.AddContactsErasure(o =>
        {
            o.UseSqlite(harness.DatabasePath);
            o.SubjectHashKey = ErasureHarness.TestKey;
        });
        await using var provider = services.BuildServiceProvider();
        var service = provider.GetRequiredService<IErasureService>();
        var keys = await service.SubmitAsync(new ErasureRequest("rotation-old-keys", ErasureSubjects.ContactKeys(["old-contact"])));
        var email = await service.SubmitAsync(new ErasureRequest("rotation-old-email", ErasureSubjects.EmailAddresses(["fake.one@example.com"])));
        return (keys.ErasureId, email.ErasureId);
    }

    /// <summary>A subject hash as docs/erasure-receipt.md defines it.</summary>
    private static string Hash(byte[] secret, string kind, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(HMACSHA256.HashData(secret, "ContactsSdk.Erasure subjects v1"u8), Encoding.UTF8.GetBytes(kind + ":" + value)));
}
