using System;
using ContactsSdk.Testing;
using ContactsSdk.Testing.Faults;

namespace ContactsSdk.Tests.Reliability.Soak;

/// <summary>
/// The fault mix of a soak run: every kind the emulator can inject, on every route where it means
/// something, drawn at random from the emulator's seeded source. Rates on the status route keep a
/// run of nine failures in a row (the default limit is eight) vanishingly unlikely; rates on the
/// delete and token routes are higher, since every failure there is meant to be survived or reported.
/// </summary>
internal static class SoakFaults
{
    /// <summary>Beyond the soak's MaxRetryAfter: shows that a long Retry-After is capped.</summary>
    public static readonly TimeSpan LongRetryAfter = TimeSpan.FromMinutes(20);

    public static void Install(FaultPlan plan)
    {
        const EmulatorRoute status = EmulatorRoute.Status;
        plan.AddRule(status, Fault.TooManyRequests(TimeSpan.FromSeconds(30)), 0.015);
        plan.AddRule(status, Fault.TooManyRequests(TimeSpan.FromSeconds(45), asHttpDate: true), 0.015);
        plan.AddRule(status, Fault.TooManyRequests(LongRetryAfter), 0.005);
        plan.AddRule(status, Fault.QuotaExceeded(), 0.005);
        plan.AddRule(status, Fault.InternalServerError(), 0.015);
        plan.AddRule(status, Fault.ServiceUnavailable(TimeSpan.FromSeconds(20)), 0.01);
        plan.AddRule(status, Fault.DropConnectionBeforeProcessing(), 0.01);
        plan.AddRule(status, Fault.DropConnectionAfterProcessing(), 0.01);
        plan.AddRule(status, Fault.TruncatedJson(), 0.01);
        plan.AddRule(status, Fault.MalformedJson(), 0.01);
        plan.AddRule(status, Fault.SlowResponse(TimeSpan.FromSeconds(20)), 0.02);
        plan.AddRule(status, Fault.ExtraFields(), 0.03);
        plan.AddRule(status, Fault.MissingFields("operation.status", "backgroundOperationsSummary.backgroundOperationStatusID"), 0.02);
        plan.AddRule(status, Fault.UnknownOperationStatus(), 0.02);
        plan.AddRule(status, Fault.UnknownBackgroundOperationStatus(), 0.03);
        plan.AddRule(status, Fault.ExpireToken(), 0.01);
        plan.AddRule(status, Fault.RevokeToken(), 0.01);
        plan.AddRule(status, Fault.ClockSkew(TimeSpan.FromHours(2)), 0.01);
        plan.AddRule(status, Fault.ClockSkew(TimeSpan.FromHours(-2)), 0.01);
        plan.AddRule(status, Fault.Combine(Fault.ClockSkew(TimeSpan.FromMinutes(-90)), Fault.TooManyRequests(TimeSpan.FromSeconds(40), asHttpDate: true)), 0.01);

        const EmulatorRoute delete = EmulatorRoute.Delete;
        plan.AddRule(delete, Fault.TooManyRequests(TimeSpan.FromSeconds(10)), 0.04);
        plan.AddRule(delete, Fault.TooManyRequests(TimeSpan.FromSeconds(15), asHttpDate: true), 0.04);
        plan.AddRule(delete, Fault.InternalServerError(), 0.02);
        plan.AddRule(delete, Fault.ServiceUnavailable(), 0.02);
        plan.AddRule(delete, Fault.DropConnectionBeforeProcessing(), 0.03);
        plan.AddRule(delete, Fault.DropConnectionAfterProcessing(), 0.03);
        plan.AddRule(delete, Fault.TruncatedJson(), 0.02);
        plan.AddRule(delete, Fault.MalformedJson(), 0.01);
        plan.AddRule(delete, Fault.MissingFields("operationID"), 0.02);
        plan.AddRule(delete, Fault.ExtraFields(), 0.03);
        plan.AddRule(delete, Fault.SlowResponse(TimeSpan.FromSeconds(20)), 0.02);
        plan.AddRule(delete, Fault.ExpireToken(), 0.02);
        plan.AddRule(delete, Fault.RevokeToken(), 0.02);
        plan.AddRule(delete, Fault.ClockSkew(TimeSpan.FromHours(-3)), 0.02);

        const EmulatorRoute token = EmulatorRoute.Token;
        plan.AddRule(token, Fault.InternalServerError(), 0.04);
        plan.AddRule(token, Fault.ServiceUnavailable(), 0.03);
        plan.AddRule(token, Fault.TooManyRequests(TimeSpan.FromSeconds(5)), 0.03);
        plan.AddRule(token, Fault.DropConnectionBeforeProcessing(), 0.03);
        plan.AddRule(token, Fault.DropConnectionAfterProcessing(), 0.03);
        plan.AddRule(token, Fault.TruncatedJson(), 0.03);
        plan.AddRule(token, Fault.ExtraFields(), 0.05);
        plan.AddRule(token, Fault.ClockSkew(TimeSpan.FromHours(5)), 0.05);
    }
}
