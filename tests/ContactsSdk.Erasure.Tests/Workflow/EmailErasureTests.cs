using System;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>
/// Erasures that name email addresses: the address search of the emulator (over loopback) turns them
/// into contact keys, and only keys it returned are ever deleted.
/// </summary>
public sealed class EmailErasureTests
{
    private static readonly DateTimeOffset Created = new(2025, 3, 1, 9, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(EmailSearchNoMatch.EmptyContactKeyDetail)]
    [InlineData(EmailSearchNoMatch.OmitAddress)]
    public async Task Every_key_of_every_address_is_deleted_and_an_address_without_contacts_adds_none(EmailSearchNoMatch noMatchShape)
    {
        await using var harness = await ErasureHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            EmailSearchNoMatch = noMatchShape,
            Contacts =
            [
                new EmulatedContact { ContactKey = "jane-key-1", EmailAddress = "jane@example.com", CreatedAt = Created },
                new EmulatedContact { ContactKey = "jane-key-2", EmailAddress = "Jane@Example.com", CreatedAt = Created.AddDays(3) },
                new EmulatedContact { ContactKey = "john-key", EmailAddress = "john@example.com", CreatedAt = Created },
            ],
        });

        var submitted = await harness.Service.SubmitAsync(new ErasureRequest(
            "gdpr-email", ErasureSubjects.EmailAddresses(["jane@example.com", "john@example.com", "nobody@example.com"])));
        await harness.RunToEndAsync(submitted.ErasureId);

        var operation = Assert.Single(harness.Emulator.Operations);
        Assert.Equal(["jane-key-1", "jane-key-2", "john-key"], operation.Request.Keys.Order(StringComparer.Ordinal));
        // All of an erasure's addresses go in one search request (the route takes a list).
        Assert.Equal(1, harness.Emulator.Statistics.RequestsTo(EmulatorRoute.EmailSearch));
        var receipt = await harness.Service.GetReceiptAsync("gdpr-email");
        Assert.Equal((ErasureVerdict.Deleted, 3), (receipt.Verdict, receipt.SubjectCount));
        var json = await harness.Service.ExportReceiptJsonAsync("gdpr-email");
        Assert.DoesNotContain("example.com", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("-key", json);
        Assert.Null(await harness.Store.ReadClearSubjectsAsync(submitted.ErasureId));
        Assert.True((await harness.Service.VerifyLedgerAsync()).IsIntact);
    }

    [Theory]
    [InlineData(EmailSearchNoMatch.EmptyContactKeyDetail)]
    [InlineData(EmailSearchNoMatch.OmitAddress)]
    public async Task Addresses_that_match_no_contact_end_without_any_delete_request(EmailSearchNoMatch noMatchShape)
    {
        await using var harness = await ErasureHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock, EmailSearchNoMatch = noMatchShape });

        var submitted = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-nomatch", ErasureSubjects.EmailAddresses(["nobody@example.com"])));
        await harness.RunToEndAsync(submitted.ErasureId);

        var record = await harness.Service.GetAsync("gdpr-nomatch");
        Assert.Equal((ErasureState.Closed, ErasureVerdict.NoMatchingContacts), (record!.State, record.Verdict));
        Assert.Empty(harness.Emulator.Operations);
        Assert.Null(await harness.Store.ReadClearSubjectsAsync(submitted.ErasureId));
    }

    [Fact]
    public async Task Erasures_waiting_for_resolution_share_one_address_search_and_each_keeps_only_its_own_keys()
    {
        await using var harness = await ErasureHarness.StartAsync(clock => new EmulatorOptions
        {
            TimeProvider = clock,
            Contacts = Enumerable.Range(0, 4).Select(i => new EmulatedContact { ContactKey = $"person-{i}-key", EmailAddress = $"person{i}@example.com", CreatedAt = Created }).ToList(),
        });
        var requests = Enumerable.Range(0, 5)
            .Select(i => new ErasureRequest($"gdpr-shared-search-{i}", ErasureSubjects.EmailAddresses([$"person{i}@example.com"])))
            .ToList();
        var erasures = new System.Collections.Generic.List<ContactsSdk.Erasure.Storage.ErasureRecord>();
        foreach (var request in requests)
        {
            erasures.Add(await harness.Service.SubmitAsync(request));
        }

        foreach (var erasure in erasures)
        {
            await harness.RunToEndAsync(erasure.ErasureId);
        }

        Assert.Equal(1, harness.Emulator.Statistics.RequestsTo(EmulatorRoute.EmailSearch));
        var operation = Assert.Single(harness.Emulator.Operations);
        Assert.Equal(["person-0-key", "person-1-key", "person-2-key", "person-3-key"], operation.Request.Keys.Order(StringComparer.Ordinal));
        var hashes = new System.Collections.Generic.HashSet<string>();
        for (var i = 0; i < 4; i++)
        {
            var receipt = await harness.Service.GetReceiptAsync($"gdpr-shared-search-{i}");
            Assert.Equal(ErasureVerdict.Deleted, receipt.Verdict);
            Assert.True(hashes.Add(Assert.Single(receipt.ResolvedContactKeyHashes!.Values)));
        }
        // person4 is nobody's address: that erasure ends without a deletion, the others unaffected.
        Assert.Equal(ErasureVerdict.NoMatchingContacts, (await harness.Service.GetAsync("gdpr-shared-search-4"))!.Verdict);
        Assert.True((await harness.Service.VerifyLedgerAsync()).IsIntact);
    }
}
