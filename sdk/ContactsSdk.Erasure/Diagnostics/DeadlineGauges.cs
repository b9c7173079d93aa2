using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Reflection;
using ContactsSdk.Diagnostics;

namespace ContactsSdk.Erasure.Diagnostics;

/// <summary>
/// The deadline gauges on a <see cref="ContactsSdkDiagnostics.MeterName"/> meter: how many active
/// erasures are overdue and how many are at risk, as the latest deadline check found them. Gauges,
/// not counters: these are levels that go down as well as up (an erasure concludes, a deadline is
/// extended), and a counter bumped at every check would count the same erasure again each hour. The
/// check runs on one worker at a time and counts the whole ledger, so in a cluster every worker that
/// ran a recent check reports the same figure: aggregate with max, never sum. A worker whose last
/// check is older than two check intervals reports nothing rather than a stale figure.
/// </summary>
internal sealed class DeadlineGauges : IDisposable
{
    private static readonly string Version =
        typeof(DeadlineGauges).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private readonly Meter _meter;
    private readonly TimeProvider _time;
    private readonly TimeSpan _freshFor;
    private (DateTimeOffset At, int Overdue, int AtRisk)? _latest;

    public DeadlineGauges(DeadlineOptions options, TimeProvider time)
    {
        _time = time;
        _freshFor = options.CheckInterval * 2;
        _meter = new Meter(ContactsSdkDiagnostics.MeterName, Version);
        _meter.CreateObservableGauge(ErasureDiagnostics.Instruments.DeadlinesOverdue, () => Observe(l => l.Overdue), "{erasure}",
            "Active erasures past their legal due date, at the latest deadline check.");
        _meter.CreateObservableGauge(ErasureDiagnostics.Instruments.DeadlinesAtRisk, () => Observe(l => l.AtRisk), "{erasure}",
            "Active erasures whose deletion is projected to end after their due date, at the latest deadline check.");
    }

    /// <summary>The meter the gauges are on (for tests that listen to this container's gauges only).</summary>
    public Meter Meter => _meter;

    public void Record(DeadlineCheck check) => _latest = (check.CheckedAt, check.Overdue.Count, check.AtRisk.Count);

    private IEnumerable<Measurement<int>> Observe(Func<(DateTimeOffset At, int Overdue, int AtRisk), int> value)
    {
        if (_latest is { } latest && _time.GetUtcNow() - latest.At <= _freshFor)
        {
            yield return new Measurement<int>(value(latest));
        }
    }

    public void Dispose() => _meter.Dispose();
}
