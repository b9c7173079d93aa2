using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace ContactsSdk.Tests.Reliability.Soak;

/// <summary>
/// Many deletions followed from start to end through a run full of faults on every route. Asserts
/// that every operation reaches its true final state, that none is reported deleted unless the wire
/// said Completed in the delete phase, that no operation ID is lost or duplicated, and that every
/// retry stayed within the options; then prints the figures. Size: <c>CONTACTSSDK_SOAK_OPERATIONS</c>.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    /// <summary>One send and three retries per start call, each send possibly answered by one 401 and resent once.</summary>
    private const int MaxSendsPerStartCall = 4 * 2;

    /// <summary>Deletions followed at once.</summary>
    private const int Workers = 8;

    private static readonly DeletionWaitOptions WaitOptions = new()
    {
        // Below the longest Retry-After the fault mix asks for, so the cap is exercised.
        MaxRetryAfter = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public async Task Every_operation_reaches_its_true_final_state_through_a_faulty_run()
    {
        var settings = SoakSettings.FromEnvironment();
        var figures = new SoakFigures { Operations = settings.Operations, Seed = settings.Seed };
        var stopwatch = Stopwatch.StartNew();
        await using var tenant = await InstrumentedTenant.StartAsync(new TenantSetup
        {
            Emulator = clock => new EmulatorOptions
            {
                TimeProvider = clock,
                FaultSeed = settings.Seed,
                OutcomeSelector = request => SoakPlan.OutcomeOf(request.Keys[0]),
                // The virtual clock jumps by every armed timer, so many concurrent waits make it race
                // far ahead; natural expiry would then hit tokens between the client's check and the
                // server's. Expiry and revocation come from the fault mix instead.
                TokenLifetime = TimeSpan.FromDays(3650),
            },
            ApiConnections = ConnectionGate.RefusingAtRandom(0.1, settings.Seed),
        });
        SoakFaults.Install(tenant.Emulator.Faults);
        var startedAt = tenant.Clock.GetUtcNow();

        // Workers each start a deletion and follow it to its end, then take the next key: every
        // deletion lives its own lifecycle while others are started and polled around it. Starts
        // take turns, so that a look-up after an unknown outcome can only find that start's deletion.
        var keys = SoakPlan.Keys(settings.Operations);
        var pending = new ConcurrentQueue<string>(keys);
        var starter = new SoakStarter(tenant, figures);
        using var startTurn = new SemaphoreSlim(1, 1);
        var progress = new RecordingProgress();
        var outcomes = new ConcurrentBag<DeletionWaitOutcome>();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (pending.TryDequeue(out var key))
            {
                long operationId;
                await startTurn.WaitAsync();
                try
                {
                    operationId = await starter.StartAsync(key);
                }
                finally
                {
                    startTurn.Release();
                }

                try
                {
                    outcomes.Add(new DeletionWaitOutcome(operationId, await tenant.Client.WaitForDeletionAsync(operationId, WaitOptions, progress), null));
                }
                catch (Exception error)
                {
                    outcomes.Add(new DeletionWaitOutcome(operationId, null, error));
                }
            }
        })));

        figures.VirtualTime = tenant.Clock.GetUtcNow() - startedAt;
        figures.RealTime = stopwatch.Elapsed;
        Tally(tenant, keys, outcomes.ToList(), progress, figures);
        output.WriteLine(figures.Format());

        Assert.Equal(0, figures.WaitsEndedInError);
        Assert.Equal(0, figures.WrongResults);
        Assert.Equal(0, figures.DeletedWithoutWireCompleted);
        Assert.Equal(0, figures.LostOperationIds);
        Assert.Equal(0, figures.DuplicateDeletions);
        Assert.InRange(figures.MaxConsecutiveFailures, 0, WaitOptions.MaxConsecutiveFailures);
        Assert.InRange(figures.MaxDeleteSendsPerCall, 1, MaxSendsPerStartCall);
        Assert.All(progress.Reports, r => Assert.True(r.NextPollIn <= WaitOptions.MaxPollInterval, $"a wait of {r.NextPollIn}"));
        // The run was not a quiet one.
        Assert.True(figures.Server!.TotalFaultsInjected >= settings.Operations, $"only {figures.Server.TotalFaultsInjected} faults");
    }

    private static void Tally(
        InstrumentedTenant tenant,
        string[] keys,
        IReadOnlyList<DeletionWaitOutcome> outcomes,
        RecordingProgress progress,
        SoakFigures figures)
    {
        var server = tenant.Emulator.Operations;
        figures.Server = tenant.Emulator.Statistics.Snapshot();
        foreach (var group in keys.GroupBy(k => SoakPlan.OutcomeOf(k).ToString()))
        {
            figures.ExpectedOutcomes[group.Key] = group.Count();
        }

        // Identity: every deletion the server holds is one the application follows, once per key.
        figures.DuplicateDeletions = server.GroupBy(o => o.Request.Keys[0]).Sum(g => g.Count() - 1);
        figures.LostOperationIds = server.Select(o => o.OperationId).Except(outcomes.Select(o => o.OperationId)).Count()
            + (keys.Length - outcomes.Count);

        // Truth: each result matches the server's outcome, and "deleted" only on a wire Completed.
        var lastBodies = WireEvidence.LastStatusBodies(tenant.StatusExchanges);
        foreach (var outcome in outcomes)
        {
            if (outcome.Result is not { } result)
            {
                figures.WaitsEndedInError++;
                continue;
            }

            var truth = tenant.Emulator.FindOperation(outcome.OperationId)!;
            if (result.State != SoakPlan.ExpectedState(truth.Outcome) || truth.Outcome != SoakPlan.OutcomeOf(truth.Request.Keys[0]))
            {
                figures.WrongResults++;
            }

            if (result.IsDeleted && !(lastBodies.TryGetValue(outcome.OperationId, out var body) && WireEvidence.SaysDeletePhaseCompleted(body)))
            {
                figures.DeletedWithoutWireCompleted++;
            }
        }

        // Bounds: what the SDK retried on its own.
        figures.DeleteSends = tenant.DeleteExchanges.Count;
        figures.UnauthorizedResent = tenant.Api.Exchanges.Count(e => e.Status == 401);
        figures.FailedPolls = progress.Reports.Count(r => r.ConsecutiveFailures > 0);
        figures.MaxConsecutiveFailures = progress.Reports.Select(r => r.ConsecutiveFailures).DefaultIfEmpty().Max();
        figures.RetryAftersCapped = progress.Reports.Count(r => r.ConsecutiveFailures > 0 && r.NextPollIn == WaitOptions.MaxRetryAfter);
        figures.ConnectionAttempts = tenant.ApiConnections!.Attempts;
        figures.ConnectionsRefused = tenant.ApiConnections.Refused;
    }
}
