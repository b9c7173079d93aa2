using System;
using System.Globalization;
using System.Threading.Tasks;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;
using ContactsSdk.Testing.Lifecycle;

namespace ContactsSdk.Erasure.Tests.Support;

/// <summary>
/// The emulator of the load test: deletions last about a second (the lifecycle compressed as for the
/// crash tests), some end Restored or Invalid by the emulator's choice, and every route the workflow
/// uses fails now and then, in every way the workflow must survive.
/// </summary>
internal static class LoadEmulator
{
    /// <summary>Every tenth erasure's deletion is aborted (the contacts restored): those with index 3 modulo 10.</summary>
    public const int AbortedRemainder = 3;

    /// <summary>Every tenth erasure's deletion ends Invalid: those with index 7 modulo 10.</summary>
    public const int InvalidRemainder = 7;

    public static async Task<MarketingCloudEmulator> StartAsync()
    {
        var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions
        {
            NumberOfRestorableDays = 0,
            // The delete queue stays on, compressed like the rest: a second a call plus 1 ms a contact. With
            // shared requests of ten contacts the run lasts long enough after the kill for the survivors
            // to declare the killed worker dead (Quartz's check-in) while they still work.
            DeleteCallFixedTime = TimeSpan.FromSeconds(1),
            DeleteCallTimePerContact = TimeSpan.FromMilliseconds(1),
            // Long enough that the delete-requests sweep finds accepted erasures out of the queue to follow.
            DeletePhaseDuration = TimeSpan.FromSeconds(2),
            OutcomeSelector = request => OutcomeOf(request.Keys[0]),
        });
        AddFaults(emulator.Faults);
        return emulator;
    }

    /// <summary>
    /// The emulator's choice for the erasure whose first contact key is <paramref name="contactKey"/>
    /// (<c>{prefix}-{index}-contact-0</c>, as the worker writes them): the truth its verdict must match.
    /// </summary>
    public static DeleteOutcome OutcomeOf(string contactKey)
    {
        var parts = contactKey.Split('-');
        var index = int.Parse(parts[^3], CultureInfo.InvariantCulture);
        return (index % 10) switch
        {
            AbortedRemainder => DeleteOutcome.Aborted,
            InvalidRemainder => DeleteOutcome.Invalid,
            _ => DeleteOutcome.Completed,
        };
    }

    /// <summary>
    /// Two queued faults, then probabilistic ones (a fixed seed, so the draws repeat; which request
    /// meets which draw depends on the workers' timing) on the token, delete, status and
    /// analytics delete-requests routes: 429s with and without Retry-After, 5xx, connections dropped
    /// before and after the request was processed (the answer to a delete lost: reconciliation),
    /// truncated bodies, and tokens expired under the caller.
    /// </summary>
    private static void AddFaults(FaultPlan faults)
    {
        // Whatever the draws: the first delete's answer is lost after it was queued (reconciliation),
        // and the second is refused with a 429 (waited out, sent again).
        faults.Enqueue(EmulatorRoute.Delete, Fault.DropConnectionAfterProcessing());
        faults.Enqueue(EmulatorRoute.Delete, Fault.TooManyRequests(TimeSpan.FromSeconds(1)));

        faults.AddRule(EmulatorRoute.Token, Fault.ServiceUnavailable(), 0.10);
        faults.AddRule(EmulatorRoute.Token, Fault.DropConnectionBeforeProcessing(), 0.05);

        faults.AddRule(EmulatorRoute.Delete, Fault.DropConnectionAfterProcessing(), 0.02);
        faults.AddRule(EmulatorRoute.Delete, Fault.TruncatedJson(), 0.01);
        faults.AddRule(EmulatorRoute.Delete, Fault.DropConnectionBeforeProcessing(), 0.01);
        faults.AddRule(EmulatorRoute.Delete, Fault.InternalServerError(), 0.01);
        faults.AddRule(EmulatorRoute.Delete, Fault.TooManyRequests(TimeSpan.FromSeconds(1)), 0.01);
        faults.AddRule(EmulatorRoute.Delete, Fault.ExpireToken(), 0.01);

        faults.AddRule(EmulatorRoute.Status, Fault.TooManyRequests(TimeSpan.FromSeconds(1)), 0.03);
        faults.AddRule(EmulatorRoute.Status, Fault.ServiceUnavailable(), 0.02);
        faults.AddRule(EmulatorRoute.Status, Fault.TruncatedJson(), 0.01);
        faults.AddRule(EmulatorRoute.Status, Fault.DropConnectionAfterProcessing(), 0.01);
        faults.AddRule(EmulatorRoute.Status, Fault.ExpireToken(), 0.02);

        faults.AddRule(EmulatorRoute.DeleteRequests, Fault.TooManyRequests(TimeSpan.FromSeconds(1)), 0.05);
        faults.AddRule(EmulatorRoute.DeleteRequests, Fault.InternalServerError(), 0.05);
        faults.AddRule(EmulatorRoute.DeleteRequests, Fault.DropConnectionBeforeProcessing(), 0.02);

        // "Temporarily blocked" (50200, no Retry-After) pauses a whole worker: rare, and a few at most.
        faults.AddRule(EmulatorRoute.Delete | EmulatorRoute.Status | EmulatorRoute.DeleteRequests, Fault.QuotaExceeded(), 0.002, maxInjections: 5);
    }
}
