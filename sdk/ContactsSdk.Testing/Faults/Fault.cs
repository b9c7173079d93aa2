using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace ContactsSdk.Testing.Faults;

/// <summary>
/// Something going wrong with one request. Create faults with the static factories
/// (<see cref="TooManyRequests"/>, <see cref="DropConnectionAfterProcessing"/>, …) and hand them to
/// <see cref="FaultPlan"/>. A fault is immutable and can be enqueued any number of times.
/// </summary>
public abstract partial class Fault
{
    private readonly string _description;

    private protected Fault(FaultKind kind, EmulatorRoute applicableRoutes, string description)
        : this([kind], applicableRoutes, description)
    {
    }

    private protected Fault(IReadOnlyList<FaultKind> kinds, EmulatorRoute applicableRoutes, string description)
    {
        Kinds = kinds;
        ApplicableRoutes = applicableRoutes;
        _description = description;
    }

    /// <summary>The kinds of fault injected, one per fault (several for <see cref="Combine"/>).</summary>
    public IReadOnlyList<FaultKind> Kinds { get; }

    /// <summary>The routes on which the fault means something; <see cref="FaultPlan"/> refuses others.</summary>
    public EmulatorRoute ApplicableRoutes { get; }

    /// <summary>Describes the fault, for logs and test output.</summary>
    public override string ToString() => _description;

    /// <summary>
    /// Handles the request in place of, or around, the normal pipeline; <paramref name="next"/> runs
    /// the gateway checks and the route.
    /// </summary>
    internal abstract Task ApplyAsync(FaultContext context, Func<Task> next);
}
