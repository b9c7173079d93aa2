using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Diagnostics;
using ContactsSdk.Erasure.Diagnostics;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using Xunit;

namespace ContactsSdk.Erasure.Tests.Workflow;

/// <summary>The erasure steps as spans on ContactsSdk's activity source, with no subject in any tag.</summary>
public sealed class ErasureTelemetryTests
{
    [Fact]
    public async Task Every_step_is_one_span_tagged_with_ledger_ids_and_states_and_never_a_subject()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ContactsSdkDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var harness = await ErasureHarness.StartAsync(clock => new EmulatorOptions { TimeProvider = clock });

        var submitted = await harness.Service.SubmitAsync(new ErasureRequest("gdpr-traced", ErasureSubjects.ContactKeys(["traced-key-1", "traced-key-2"])));
        await harness.RunToEndAsync(submitted.ErasureId);

        // Other tests run in parallel on the same source: keep this erasure's steps.
        var steps = spans.Where(s => s.OperationName == ErasureDiagnostics.StepActivityName
                                     && (string?)s.GetTagItem(ErasureDiagnostics.ErasureIdTag) == submitted.ErasureId.ToString()).ToList();
        var states = steps.Select(s => (string?)s.GetTagItem(ErasureDiagnostics.StateTag)).Distinct().ToList();
        Assert.Equal(["ReadyToSend", "Accepted", "Concluded"], states.Where(s => s is "ReadyToSend" or "Accepted" or "Concluded"));
        var operationId = harness.Emulator.Operations.Single().OperationId;
        Assert.Contains(steps, s => s.GetTagItem(ContactsSdkDiagnostics.Tags.OperationId) is long id && id == operationId);
        Assert.Contains(steps, s => (string?)s.GetTagItem(ErasureDiagnostics.VerdictTag) == "Deleted");
        // The client's own spans run under the step that made them.
        Assert.Contains(spans, s => s.OperationName == ContactsSdkDiagnostics.Activities.StartDeletion && steps.Any(step => step.SpanId == s.ParentSpanId));
        var everyTag = spans.SelectMany(s => s.TagObjects).Select(tag => tag.Value?.ToString() ?? "");
        Assert.DoesNotContain(everyTag, value => value.Contains("traced-key", StringComparison.Ordinal) || value.Contains("gdpr-traced", StringComparison.Ordinal));
    }
}
