using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Storage;
using ContactsSdk.Erasure.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>Submission, idempotency, verification, exports and bad input through <see cref="IErasureService"/>.</summary>
public sealed class ErasureServiceTests
{
    [Fact]
    public async Task Submitting_a_request_ID_again_returns_the_same_erasure_and_starts_no_second_deletion()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var request = new ErasureRequest("gdpr-dup", ErasureSubjects.ContactKeys(["k-1", "k-2"]));

        var first = await harness.Service.SubmitAsync(request);
        await harness.RunToEndAsync(first.ErasureId);
        // Same subjects in another order, after the erasure ended: still the same erasure.
        var again = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-dup", ErasureSubjects.ContactKeys(["k-2", "k-1"])));
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => harness.Service.SubmitAsync(request)));

        Assert.Equal(first.ErasureId, again.ErasureId);
        Assert.All(concurrent, r => Assert.Equal(first.ErasureId, r.ErasureId));
        Assert.Single(harness.Emulator.Operations);
        Assert.Single(await harness.Service.ListAsync(new ErasureListQuery()));
    }

    [Fact]
    public async Task Concurrent_first_submissions_of_one_request_ID_record_one_erasure()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var request = new ErasureRequest("gdpr-race", ErasureSubjects.ContactIds([7, 8]));

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => harness.Service.SubmitAsync(request))));

        Assert.Single(results.Select(r => r.ErasureId).Distinct());
        Assert.Single(await harness.Service.ListAsync(new ErasureListQuery()));
    }

    [Fact]
    public async Task A_request_ID_reused_for_other_subjects_is_refused_without_touching_the_first_erasure()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var first = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-reuse", ErasureSubjects.ContactKeys(["k-1"])));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.SubmitAsync(new ErasureRequest("gdpr-reuse", ErasureSubjects.ContactKeys(["k-other"]))));

        Assert.Contains("already used", error.Message);
        Assert.DoesNotContain("k-other", error.Message);
        Assert.Equal(first, await harness.Service.GetAsync("gdpr-reuse"));
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_clear_error_and_nothing_is_recorded()
    {
        await using var harness = await ErasureHarness.StartAsync();

        Assert.Throws<ArgumentException>(() => ErasureSubjects.ContactKeys([]));
        Assert.Throws<ArgumentException>(() => ErasureSubjects.ContactKeys(["ok", " "]));
        Assert.Throws<ArgumentException>(() => ErasureSubjects.ContactIds([0]));
        Assert.Throws<ArgumentException>(() => ErasureSubjects.EmailAddresses(["not-an-address"]));
        Assert.Throws<ArgumentException>(() => ErasureSubjects.ContactKeys(Enumerable.Range(0, ErasureRequest.MaxSubjects + 1).Select(i => "k" + i)));
        Assert.Throws<ArgumentException>(() => new ErasureRequest(" ", ErasureSubjects.ContactKeys(["k"])));
        Assert.Throws<ArgumentException>(() => new ErasureRequest("line\nbreak", ErasureSubjects.ContactKeys(["k"])));
        var secret = Assert.Throws<ArgumentException>(() => ErasureSubjects.EmailAddresses(["jane doe@example.com"]));
        Assert.DoesNotContain("jane", secret.Message);
        // A MID other than the client's cannot be served by its token.
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.SubmitAsync(new ErasureRequest("gdpr-mid", ErasureSubjects.ContactKeys(["k"])) { AccountId = new AccountId(999) }));
        // An unknown request ID is the SDK's own diagnosis, the same for every call that names one.
        var unknown = await Assert.ThrowsAsync<ErasureNotFoundException>(() => harness.Service.ExportReceiptJsonAsync("gdpr-unknown"));
        Assert.IsAssignableFrom<ContactsSdk.ContactsSdkException>(unknown);
        Assert.Equal(("gdpr-unknown", "No erasure has request ID 'gdpr-unknown'."), (unknown.RequestId, unknown.Message));
        await Assert.ThrowsAsync<ErasureNotFoundException>(() => harness.Service.GetReceiptAsync("gdpr-unknown"));
        await Assert.ThrowsAsync<ErasureNotFoundException>(() => harness.Service.ExportReceiptEvidenceAsync("gdpr-unknown"));
        await Assert.ThrowsAsync<ErasureNotFoundException>(() => harness.Service.GetDeadlineAsync("gdpr-unknown"));
        await Assert.ThrowsAsync<ErasureNotFoundException>(() => harness.Service.VerifyAsync("gdpr-unknown"));
        Assert.Null(await harness.Service.GetAsync("gdpr-unknown"));
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Service.ExportCsvAsync(harness.Clock.GetUtcNow(), harness.Clock.GetUtcNow().AddDays(-1), TextWriter.Null));

        Assert.Empty(await harness.Service.ListAsync(new ErasureListQuery()));
        Assert.Empty(harness.Emulator.Operations);
    }

    [Fact]
    public async Task A_receipt_is_refused_until_the_erasure_is_closed()
    {
        await using var harness = await ErasureHarness.StartAsync();
        await harness.Service.SubmitAsync(new ErasureRequest("gdpr-open", ErasureSubjects.ContactKeys(["k"])));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Service.ExportReceiptJsonAsync("gdpr-open"));

        Assert.Contains("ReadyToSend", error.Message);
    }

    [Fact]
    public async Task Verify_names_the_edited_entry_and_the_erasure_whose_entries_were_removed()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var edited = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-edited", ErasureSubjects.ContactKeys(["k-1"])));
        var truncated = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-truncated", ErasureSubjects.ContactKeys(["k-1", "k-2"])));
        var intact = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-intact", ErasureSubjects.ContactKeys(["k-3"])));
        foreach (var erasure in new[] { edited, truncated, intact })
        {
            await harness.RunToEndAsync(erasure.ErasureId);
        }
        Assert.True((await harness.Service.VerifyLedgerAsync()).IsIntact);

        await harness.ExecuteSqlAsync(
            $"UPDATE erasure_entries SET payload = replace(payload, 'Completed', 'Aborted') WHERE erasure_id = '{edited.ErasureId}'" +
            $" AND sequence = (SELECT MAX(sequence) FROM erasure_entries WHERE erasure_id = '{edited.ErasureId}' AND kind = 'observed')");
        await harness.ExecuteSqlAsync($"DELETE FROM erasure_entries WHERE erasure_id = '{truncated.ErasureId}' AND sequence = (SELECT MAX(sequence) FROM erasure_entries WHERE erasure_id = '{truncated.ErasureId}')");
        var verification = await harness.Service.VerifyLedgerAsync();

        Assert.False(verification.IsIntact);
        Assert.Equal(3, verification.ErasuresChecked);
        var editedProblem = Assert.Single(verification.Problems, p => p.RequestId == "gdpr-edited");
        Assert.Contains("'observed' entry was edited", editedProblem.Reason);
        var entries = await harness.Store.ReadEntriesAsync(edited.ErasureId);
        Assert.Equal(entries.Last(e => e.Kind == "observed").Sequence, editedProblem.Sequence);
        var truncatedProblem = Assert.Single(verification.Problems, p => p.RequestId == "gdpr-truncated" && p.Column is null);
        Assert.Contains("entries were removed", truncatedProblem.Reason);
        // The row still says Closed while the chain now ends at the verdict: the column is named too.
        Assert.Equal("state", Assert.Single(verification.Problems, p => p.RequestId == "gdpr-truncated" && p.Column is not null).Column);
        Assert.DoesNotContain(verification.Problems, p => p.RequestId == "gdpr-intact");
        Assert.True((await harness.Service.VerifyAsync("gdpr-intact")).IsIntact);
    }

    [Theory]
    [InlineData("verdict", "verdict = 'Restored'")]
    [InlineData("state", "state = 'Accepted'")]
    [InlineData("operation_id", "operation_id = operation_id + 1")]
    [InlineData("subject_count", "subject_count = 5")]
    [InlineData("subject_kind", "subject_kind = 'ContactIds'")]
    [InlineData("account_id", "account_id = 999")]
    [InlineData("request_id", "request_id = 'gdpr-renamed'")]
    [InlineData("submitted_at", "submitted_at = submitted_at - 86400000")]
    [InlineData("updated_at", "updated_at = updated_at + 1")]
    [InlineData("concluded_at", "concluded_at = concluded_at - 86400000")]
    [InlineData("due_at", "due_at = due_at + 86400000")]
    [InlineData("batch_id", "batch_id = NULL")]
    public async Task Verify_names_the_erasure_and_the_row_column_edited_to_differ_from_its_chain(string column, string assignment)
    {
        await using var harness = await ErasureHarness.StartAsync();
        var edited = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-row", ErasureSubjects.ContactKeys(["k-1"])) { AccountId = new AccountId(harness.Emulator.Credentials.AccountId) });
        var other = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-other", ErasureSubjects.ContactKeys(["k-2"])));
        await harness.RunToEndAsync(edited.ErasureId);
        await harness.RunToEndAsync(other.ErasureId);
        Assert.NotNull((await harness.Store.FindAsync(edited.ErasureId))!.BatchId);
        Assert.True((await harness.Service.VerifyLedgerAsync()).IsIntact);

        await harness.ExecuteSqlAsync($"UPDATE erasures SET {assignment} WHERE erasure_id = '{edited.ErasureId}'");
        var verification = await harness.Service.VerifyLedgerAsync();

        var problem = Assert.Single(verification.Problems);
        Assert.Equal((edited.ErasureId, column), (problem.ErasureId, problem.Column));
        Assert.Contains($"the erasure row's {column} is ", problem.ToString());
        Assert.Contains(edited.ErasureId.ToString(), problem.ToString());
    }

    [Fact]
    public async Task The_CSV_export_has_one_line_per_erasure_of_the_range_and_no_identifier_in_clear()
    {
        await using var harness = await ErasureHarness.StartAsync();
        var from = harness.Clock.GetUtcNow();
        var done = await harness.Service.SubmitAsync(new ErasureRequest("=gdpr,\"csv\"", ErasureSubjects.ContactKeys(["secret-key-1"])));
        await harness.RunToEndAsync(done.ErasureId);
        await harness.Service.SubmitAsync(new ErasureRequest("gdpr-csv-open", ErasureSubjects.ContactKeys(["secret-key-2"])));
        var to = harness.Clock.GetUtcNow().AddSeconds(1);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.Service.SubmitAsync(new ErasureRequest("gdpr-csv-later", ErasureSubjects.ContactKeys(["secret-key-3"])));

        using var writer = new StringWriter();
        var count = await harness.Service.ExportCsvAsync(from, to, writer);

        var lines = writer.ToString().TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal(2, count);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("request_id,erasure_id,", lines[0]);
        Assert.StartsWith("\"'=gdpr,\"\"csv\"\"\",", lines[1]);
        Assert.Contains(",Closed,Deleted,", lines[1]);
        Assert.StartsWith("gdpr-csv-open,", lines[2]);
        Assert.DoesNotContain("secret-key", writer.ToString());
    }

    [Fact]
    public void The_options_are_checked_when_the_workflow_is_first_resolved()
    {
        Assert.Contains("Sqlite:Path", OptionsRefusal.Of(o => o.SubjectHashKey = ErasureHarness.TestKey));
        Assert.Contains("SubjectHashKey", OptionsRefusal.Of(o => o.UseSqlite("x.db")));
        Assert.Contains("SubjectHashKey", OptionsRefusal.Of(o =>
        {
            o.UseSqlite("x.db");
            o.SubjectHashKey = new byte[16];
        }));
        Assert.Contains("MaxPollInterval", OptionsRefusal.Of(o =>
        {
            o.UseSqlite("x.db");
            o.SubjectHashKey = ErasureHarness.TestKey;
            o.MaxPollInterval = TimeSpan.FromSeconds(1);
        }));
    }
}
