using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace ContactsSdk.Testing.Faults;

/// <summary>Several faults on one request, the first one outermost (for example a clock skew around a 429).</summary>
internal sealed class CombinedFault(IReadOnlyList<Fault> faults)
    : Fault(
        faults.SelectMany(fault => fault.Kinds).ToArray(),
        faults.Aggregate(EmulatorRoute.All, (routes, fault) => routes & fault.ApplicableRoutes),
        string.Join(" + ", faults))
{
    internal override Task ApplyAsync(FaultContext context, Func<Task> next)
    {
        var chain = next;
        for (var index = faults.Count - 1; index >= 0; index--)
        {
            var fault = faults[index];
            var inner = chain;
            chain = () => fault.ApplyAsync(context, inner);
        }

        return chain();
    }
}
