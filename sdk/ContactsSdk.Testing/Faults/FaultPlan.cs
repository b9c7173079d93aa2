using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace ContactsSdk.Testing.Faults;

/// <summary>
/// Which requests get which faults. Queued faults hit the next matching requests in order;
/// rules hit matching requests with a probability, drawn from a random source seeded by
/// <see cref="EmulatorOptions.FaultSeed"/> so that a run can be replayed. Queued faults go first;
/// a request gets at most one entry (use <see cref="Fault.Combine"/> for several faults at once).
/// </summary>
/// <remarks>
/// A rule's draw for a request depends on the seed, the request itself (route, method, target and
/// body) and how many identical requests came before it, never on the order in which concurrent
/// requests arrive: the third status read of operation 7 meets the same fault however the reads of
/// other operations interleave with it, so a busy machine replays the same faults as an idle one.
/// </remarks>
public sealed class FaultPlan
{
    private readonly Lock _lock = new();
    private readonly List<QueuedFault> _queue = [];
    private readonly List<FaultRule> _rules = [];
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);
    private readonly int _seed;

    internal FaultPlan(int seed) => _seed = seed;

    /// <summary>How many injections are still queued.</summary>
    public int QueuedCount
    {
        get
        {
            lock (_lock)
            {
                return _queue.Sum(entry => entry.Remaining);
            }
        }
    }

    /// <summary>Injects <paramref name="fault"/> into the next request to <paramref name="routes"/>.</summary>
    /// <exception cref="ArgumentException">The fault means nothing on one of the routes.</exception>
    public void Enqueue(EmulatorRoute routes, Fault fault) => Enqueue(routes, fault, times: 1);

    /// <summary>Injects <paramref name="fault"/> into the next <paramref name="times"/> requests to <paramref name="routes"/>.</summary>
    /// <exception cref="ArgumentException">The fault means nothing on one of the routes.</exception>
    public void Enqueue(EmulatorRoute routes, Fault fault, int times)
    {
        CheckRoutes(routes, fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        lock (_lock)
        {
            _queue.Add(new QueuedFault(routes, fault, times));
        }
    }

    /// <summary>
    /// Injects <paramref name="fault"/> into each request to <paramref name="routes"/> with the given
    /// probability, at most <paramref name="maxInjections"/> times (unbounded when null).
    /// </summary>
    /// <exception cref="ArgumentException">The fault means nothing on one of the routes.</exception>
    public void AddRule(EmulatorRoute routes, Fault fault, double probability, int? maxInjections = null)
    {
        CheckRoutes(routes, fault);
        if (!(probability > 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "The probability must be in (0, 1].");
        }

        if (maxInjections is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(max, 1, nameof(maxInjections));
        }

        lock (_lock)
        {
            _rules.Add(new FaultRule(routes, fault, probability, maxInjections));
        }
    }

    /// <summary>Removes every queued fault and every rule.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _queue.Clear();
            _rules.Clear();
            _occurrences.Clear();
        }
    }

    /// <summary>Whether any rule could draw for a request to <paramref name="route"/> (then its identity is worth reading).</summary>
    internal bool HasRulesFor(EmulatorRoute route)
    {
        lock (_lock)
        {
            return _rules.Exists(rule => rule.Routes.HasFlag(route) && !rule.IsExhausted);
        }
    }

    /// <summary>
    /// The fault for a request to <paramref name="route"/>, or null; consumes it.
    /// <paramref name="identity"/> names the request (see <see cref="FaultDraw"/>); rules draw from it.
    /// </summary>
    internal Fault? TakeFor(EmulatorRoute route, string identity)
    {
        lock (_lock)
        {
            var queued = _queue.FindIndex(entry => entry.Routes.HasFlag(route));
            if (queued >= 0)
            {
                var entry = _queue[queued];
                if (--entry.Remaining == 0)
                {
                    _queue.RemoveAt(queued);
                }

                return entry.Fault;
            }

            Random? draws = null;
            foreach (var rule in _rules)
            {
                // Draw only for rules that could fire, so a replay depends on the requests alone.
                if (rule.Routes.HasFlag(route) && !rule.IsExhausted && (draws ??= DrawsFor(identity)).NextDouble() < rule.Probability)
                {
                    rule.Injected++;
                    return rule.Fault;
                }
            }

            return null;
        }
    }

    /// <summary>The draws of the <c>n</c>th request with this identity: a source seeded by the plan's seed, the identity and <c>n</c>.</summary>
    private Random DrawsFor(string identity)
    {
        _occurrences.TryGetValue(identity, out var before);
        _occurrences[identity] = before + 1;
        return new Random(FaultDraw.Seed(_seed, identity, before));
    }

    private static void CheckRoutes(EmulatorRoute routes, Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (routes == EmulatorRoute.None || (routes & ~EmulatorRoute.All) != 0)
        {
            throw new ArgumentException($"'{routes}' names no emulated route.", nameof(routes));
        }

        if ((routes & ~fault.ApplicableRoutes) is var unsupported and not EmulatorRoute.None)
        {
            throw new ArgumentException(
                $"The fault '{fault}' means nothing on {unsupported}; it applies to {fault.ApplicableRoutes}.", nameof(routes));
        }
    }

    private sealed class QueuedFault(EmulatorRoute routes, Fault fault, int remaining)
    {
        public EmulatorRoute Routes { get; } = routes;

        public Fault Fault { get; } = fault;

        public int Remaining { get; set; } = remaining;
    }

    private sealed class FaultRule(EmulatorRoute routes, Fault fault, double probability, int? maxInjections)
    {
        public EmulatorRoute Routes { get; } = routes;

        public Fault Fault { get; } = fault;

        public double Probability { get; } = probability;

        public int Injected { get; set; }

        public bool IsExhausted => maxInjections is { } max && Injected >= max;
    }
}
