using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace ContactsSdk.Erasure.Worker.ActiveScale;

/// <summary>
/// One measured run over an empty store, against a fresh emulator: submit every erasure through
/// <see cref="IErasureService.SubmitAsync"/> in an application that does not run them, so all are
/// active at once with their wake-ups stored; then start a worker over that store and watch it until
/// every erasure is closed or the time limit has passed; then stop it and check what it left.
/// </summary>
internal static class ActiveScaleRun
{
    private static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(30);
    private const int SubmitProgressEvery = 10_000;

    public static async Task<ActiveScaleFigures> RunAsync(ActiveScaleStore store, string name, int erasures, TimeSpan limit)
    {
        await using var emulator = await MarketingCloudEmulator.StartAsync(ActiveScaleHost.EmulatorOptions());

        var (submitTime, submitSampler) = await SubmitAsync(emulator, store, name, erasures);
        var wakeupsAfterSubmit = (await store.TriggerCountsAsync()).Wakeups;
        var mismatchesAfterSubmit = await store.WakeupMismatchesAsync();
        var sentBeforeWorker = emulator.Operations.Count;
        var sizesAfterSubmit = await store.SizesAsync();
        Console.WriteLine(FormattableString.Invariant($"[{name}] {erasures} erasures submitted in {submitTime.TotalSeconds:F1} s; {wakeupsAfterSubmit} wake-ups stored"));

        var listener = new SchedulerLoadListener();
        var workSampler = ResourceSampler.Start();
        var (startTime, workTime, peakTriggers) = await WorkAsync(emulator, store, name, erasures, limit, listener);
        await workSampler.DisposeAsync();

        var sent = emulator.Operations.Select(o => o.Request.Keys).ToList();
        var contacts = sent.SelectMany(keys => keys).ToList();
        return new ActiveScaleFigures
        {
            Name = name,
            Erasures = erasures,
            SubmitTime = submitTime,
            SubmitPeakWorkingSet = submitSampler.PeakWorkingSet,
            SubmitPeakManagedHeap = submitSampler.PeakManagedHeap,
            WakeupsAfterSubmit = wakeupsAfterSubmit,
            MismatchesAfterSubmit = mismatchesAfterSubmit,
            DeleteRequestsBeforeWorker = sentBeforeWorker,
            SizesAfterSubmit = sizesAfterSubmit,
            StartTime = startTime,
            WorkTime = workTime,
            WorkPeakWorkingSet = workSampler.PeakWorkingSet,
            WorkPeakManagedHeap = workSampler.PeakManagedHeap,
            PeakTriggers = peakTriggers,
            Fires = listener.Fires,
            Misfires = listener.Misfires,
            PeakFiresPerMinute = listener.PeakFiresPerMinute,
            LatenessP50 = listener.LatenessPercentile(0.50),
            LatenessP99 = listener.LatenessPercentile(0.99),
            LatenessMax = listener.LatenessMax,
            States = await store.StatesAsync(),
            MismatchesAtEnd = await store.WakeupMismatchesAsync(),
            DeleteRequests = sent.Count,
            LargestRequest = sent.Count == 0 ? 0 : sent.Max(keys => keys.Count),
            ContactsSent = contacts.Count,
            DistinctContactsSent = contacts.Distinct(StringComparer.Ordinal).Count(),
            ForeignContactsSent = contacts.Count(key => !IsKeyOf(name, erasures, key)),
            Sizes = await store.SizesAsync(),
        };
    }

    /// <summary>Erasure <paramref name="index"/>'s one contact key.</summary>
    private static string KeyOf(string name, int index) => FormattableString.Invariant($"{name}-{index}-key");

    private static bool IsKeyOf(string name, int erasures, string key) =>
        key.StartsWith(name + "-", StringComparison.Ordinal) && key.EndsWith("-key", StringComparison.Ordinal)
        && int.TryParse(key.AsSpan(name.Length + 1, key.Length - name.Length - 5), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
        && index < erasures && key == KeyOf(name, index);

    private static async Task<(TimeSpan Elapsed, ResourceSampler Sampler)> SubmitAsync(MarketingCloudEmulator emulator, ActiveScaleStore store, string name, int erasures)
    {
        using var host = ActiveScaleHost.Build(emulator, store, runWorker: false);
        // Starting the host migrates the ledger; the scheduler is created but not started.
        await host.StartAsync();
        var service = host.Services.GetRequiredService<IErasureService>();
        var sampler = ResourceSampler.Start();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < erasures; i++)
        {
            await service.SubmitAsync(new ErasureRequest($"{name}-{i}", ErasureSubjects.ContactKeys([KeyOf(name, i)])));
            if ((i + 1) % SubmitProgressEvery == 0)
            {
                // Shows whether submission slows down as the erasures waiting to send pile up.
                Console.WriteLine(FormattableString.Invariant($"[{name}] {i + 1} submitted after {clock.Elapsed.TotalSeconds:F0} s"));
            }
        }
        var elapsed = clock.Elapsed;
        await sampler.DisposeAsync();
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        if (scheduler.Status != SchedulerStatus.Created)
        {
            throw new InvalidOperationException("The submitting application's scheduler was started: the erasures would not all be active at once.");
        }
        await host.StopAsync();
        return (elapsed, sampler);
    }

    /// <summary>Starts a worker over the loaded store and samples it until every erasure is closed or <paramref name="limit"/> has passed.</summary>
    private static async Task<(TimeSpan Start, TimeSpan Work, long PeakTriggers)> WorkAsync(
        MarketingCloudEmulator emulator, ActiveScaleStore store, string name, int erasures, TimeSpan limit, SchedulerLoadListener listener)
    {
        using var host = ActiveScaleHost.Build(emulator, store, runWorker: true);
        var clock = Stopwatch.StartNew();
        // Listening from the scheduler's creation, before it starts, so the first fires are counted.
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        scheduler.ListenerManager.AddTriggerListener(listener, [GroupMatcher<TriggerKey>.AnyGroup()]);
        // Start-up includes the check that every active erasure has a wake-up, which pages the ledger.
        await host.StartAsync();
        var start = clock.Elapsed;
        var work = Stopwatch.StartNew();
        long peakTriggers = 0;
        var nextProgress = TimeSpan.Zero;
        while (true)
        {
            var states = await store.StatesAsync();
            peakTriggers = Math.Max(peakTriggers, (await store.TriggerCountsAsync()).All);
            var active = erasures - (states.TryGetValue("Closed", out var closed) ? closed : 0);
            if (work.Elapsed >= nextProgress || active == 0)
            {
                Console.WriteLine(FormattableString.Invariant(
                    $"[{name}] {work.Elapsed.TotalMinutes:F1} min: {string.Join(", ", states.Select(s => $"{s.Key} {s.Value}"))}; {emulator.Operations.Count} delete requests; {listener.Fires} fires"));
                nextProgress += ProgressInterval;
            }
            if (active == 0 || work.Elapsed >= limit)
            {
                break;
            }
            await Task.Delay(SampleInterval);
        }
        var elapsed = work.Elapsed;
        await host.StopAsync();
        return (start, elapsed, peakTriggers);
    }
}
