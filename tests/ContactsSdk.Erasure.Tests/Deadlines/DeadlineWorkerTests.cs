using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Diagnostics;
using ContactsSdk.Erasure.Scheduling;
using ContactsSdk.Erasure.Tests.Support;
using ContactsSdk.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;
using Xunit;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Erasure.Tests.Deadlines;

/// <summary>
/// The recurring deadline check in a real worker host (Quartz on the real clock, the ledger in a SQLite
/// file) against the emulator: its warnings name erasures by ledger ID only, and its gauges report.
/// </summary>
public sealed class DeadlineWorkerTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task The_worker_checks_deadlines_on_its_own_and_warns_by_ledger_ID_without_request_IDs_or_reason_texts()
    {
        // The emulator's deletions take fourteen real days: the erasures stay active throughout the test.
        await using var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions());
        var logs = new CapturingLoggerProvider();
        var interval = TimeSpan.FromMilliseconds(500);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Information);
        builder.Services.AddContactsSdk(o => o.ConnectTo(emulator));
        builder.Services.AddContactsErasure(o =>
        {
            o.UseSqlite(_directory.File("deadlines.db"));
            o.SubjectHashKey = ErasureHarness.TestKey;
            o.Deadlines.CheckInterval = interval;
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<IErasureService>();
            var overdue = await service.SubmitAsync(new ErasureRequest("ccpa-jane-doe-4711", ErasureSubjects.ContactKeys(["jane-key"]))
            {
                Deadline = ErasureDeadline.Ccpa,
                ReceivedAt = DateTimeOffset.UtcNow.AddDays(-60),
            });
            await service.SubmitAsync(new ErasureRequest("custom-john-roe-4712", ErasureSubjects.ContactKeys(["john-key"])) { Deadline = ErasureDeadline.Custom(3) });
            await service.ExtendDeadlineAsync("custom-john-roe-4712", DateTimeOffset.UtcNow.AddDays(5), DeadlineExtensionReason.Other, "John Roe asked twice");

            var warned = await WaitForAsync(() => logs.Entries.Any(e => e.StartsWith("Warning", StringComparison.Ordinal) && e.Contains(overdue.ErasureId.ToString(), StringComparison.Ordinal) && e.Contains("(overdue)", StringComparison.Ordinal)));

            Assert.True(warned, "No overdue warning within 30 seconds:\n" + string.Join("\n", logs.Entries));
            // A check may run between the submissions and the extension: wait for one that saw them all.
            Assert.True(await WaitForAsync(() => logs.Entries.Any(e => e.Contains("1 overdue, 1 at risk", StringComparison.Ordinal))),
                "No check saw one overdue and one at risk within 30 seconds:\n" + string.Join("\n", logs.Entries));
            Assert.DoesNotContain(logs.Entries, e => e.Contains("jane", StringComparison.OrdinalIgnoreCase) || e.Contains("John", StringComparison.OrdinalIgnoreCase));
            // Read while the latest check is fresh (a loaded machine may run it late, and a stale check reports nothing).
            var gauges = host.Services.GetRequiredService<DeadlineGauges>();
            Assert.True(await WaitForAsync(() => ReadGauges(gauges) == (1, 1)), $"The gauges read {ReadGauges(gauges)}, not one overdue and one at risk.");
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            var trigger = await scheduler.GetTrigger(new TriggerKey(CheckDeadlinesJob.Key.Name, CheckDeadlinesJob.Key.Group));
            Assert.Equal(interval, Assert.IsAssignableFrom<ISimpleTrigger>(trigger).RepeatInterval);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (condition())
            {
                return true;
            }
            await Task.Delay(100);
        }
        return false;
    }

    private static (int Overdue, int AtRisk) ReadGauges(DeadlineGauges gauges)
    {
        var (overdue, atRisk) = (-1, -1);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (ReferenceEquals(instrument.Meter, gauges.Meter))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == ErasureDiagnostics.Instruments.DeadlinesOverdue)
            {
                overdue = value;
            }
            else
            {
                atRisk = value;
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return (overdue, atRisk);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
