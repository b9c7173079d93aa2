using System;
using System.Diagnostics;
using ContactsSdk.Diagnostics;
using ContactsSdk.Erasure.Storage;

namespace ContactsSdk.Erasure.Diagnostics;

/// <summary>
/// The erasure workflow's spans, on ContactsSdk's own <see cref="ContactsSdkDiagnostics.ActivitySourceName"/>
/// source: one span per step a worker runs, with the client's spans and HTTP requests under it. Tags
/// hold the ledger's erasure ID, states, the operation ID and the MID: never a subject, a request ID
/// (callers choose it) or anything else a person could be found by.
/// </summary>
public static class ErasureDiagnostics
{
    /// <summary>The span of one erasure step (resolve, send, reconcile, poll or receipt).</summary>
    public const string StepActivityName = "ContactsSdk.Erasure.Step";

    /// <summary>The ledger's ID of the erasure (a random GUID, not the caller's request ID).</summary>
    public const string ErasureIdTag = "contactssdk.erasure.id";

    /// <summary>The state the step started from (<see cref="ErasureState"/>), which names the step.</summary>
    public const string StateTag = "contactssdk.erasure.state";

    /// <summary>The erasure's verdict, once it has one (<see cref="ErasureVerdict"/>).</summary>
    public const string VerdictTag = "contactssdk.erasure.verdict";

    /// <summary>
    /// Counter (<c>{wakeup}</c>) on the <see cref="ContactsSdkDiagnostics.MeterName"/> meter: active
    /// erasures the wake-up check found without a wake-up in Quartz's store and gave one (at a
    /// worker's start or in the periodic check). Anything above zero means a wake-up was lost.
    /// </summary>
    public const string WakeupsRestoredInstrument = "contactssdk.erasure.wakeups.restored";

    /// <summary>The erasure workflow's instruments, on the <see cref="ContactsSdkDiagnostics.MeterName"/> meter.</summary>
    public static class Instruments
    {
        /// <summary>Gauge, <c>{erasure}</c>: active erasures past their due date, at the latest deadline check.</summary>
        public const string DeadlinesOverdue = "contactssdk.erasure.deadlines.overdue";

        /// <summary>Gauge, <c>{erasure}</c>: active erasures whose deletion is projected to end after their due date, at the latest deadline check.</summary>
        public const string DeadlinesAtRisk = "contactssdk.erasure.deadlines.at_risk";
    }

    private static readonly ActivitySource Source = new(ContactsSdkDiagnostics.ActivitySourceName);

    /// <summary>Starts the span of the step <paramref name="record"/>'s state calls for (null when nobody listens).</summary>
    internal static Activity? StartStep(ErasureRecord record)
    {
        var activity = Source.StartActivity(StepActivityName, ActivityKind.Internal);
        if (activity is not { IsAllDataRequested: true })
        {
            return activity;
        }
        activity.SetTag(ErasureIdTag, record.ErasureId.ToString());
        activity.SetTag(StateTag, record.State.ToString());
        activity.SetTag(ContactsSdkDiagnostics.Tags.AccountId, record.AccountId?.Value);
        activity.SetTag(ContactsSdkDiagnostics.Tags.OperationId, record.OperationId);
        activity.SetTag(VerdictTag, record.Verdict?.ToString());
        return activity;
    }

    /// <summary>Marks the step's span failed, with the error's type and Marketing Cloud's error code when it has one.</summary>
    internal static void SetFailure(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }
        // The type only: messages may quote what the service echoed back.
        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        activity.SetTag(ContactsSdkDiagnostics.Tags.ErrorType, exception.GetType().FullName);
        if (exception is ContactsRateLimitException { ErrorCode: { } code })
        {
            activity.SetTag(ContactsSdkDiagnostics.Tags.ErrorCode, code);
        }
    }
}
