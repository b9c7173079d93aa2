using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Reflection;
using ContactsSdk.Authentication;
using ContactsSdk.Models;
using static ContactsSdk.Diagnostics.ContactsSdkDiagnostics;

namespace ContactsSdk.Diagnostics;

/// <summary>
/// The SDK's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, created once for the
/// process as OpenTelemetry's .NET guidance asks, and the helpers that fill them. Every tag value
/// written here is an ID, a count, a state or a code: never a contact key, an address or a token.
/// </summary>
internal static class ContactsSdkTelemetry
{
    private static readonly string Version =
        typeof(ContactsSdkTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    public static readonly ActivitySource Source = new(ActivitySourceName, Version);

    private static readonly Meter Meter = new(MeterName, Version);

    public static readonly Counter<long> Requests = Meter.CreateCounter<long>(
        Instruments.Requests, "{request}", "HTTP requests sent to Marketing Cloud, token requests included.");

    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>(
        Instruments.RequestDuration, "s", "Duration of HTTP requests to Marketing Cloud.");

    private static readonly Counter<long> Retries = Meter.CreateCounter<long>(
        Instruments.Retries, "{retry}", "Requests sent again after a failure, by reason.");

    public static readonly Counter<long> RateLimited = Meter.CreateCounter<long>(
        Instruments.RateLimited, "{response}", "429 answers, by Marketing Cloud error code.");

    private static readonly Counter<long> DeletionsStarted = Meter.CreateCounter<long>(
        Instruments.DeletionsStarted, "{deletion}", "Deletions Marketing Cloud accepted.");

    private static readonly Counter<long> DeletionVerdicts = Meter.CreateCounter<long>(
        Instruments.DeletionVerdicts, "{deletion}", "Waits that reached a terminal state, by verdict.");

    private static readonly Histogram<double> DeletionDuration = Meter.CreateHistogram<double>(
        Instruments.DeletionDuration, "s", "Time a wait took to reach its verdict.");

    /// <summary>Starts the span of a public operation; null when nobody listens.</summary>
    public static Activity? StartOperation(string name, string? accountId)
    {
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true } && !string.IsNullOrEmpty(accountId))
        {
            activity.SetTag(Tags.AccountId, accountId);
        }
        return activity;
    }

    public static void SetTag(Activity? activity, string name, object? value)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(name, value);
        }
    }

    public static void SetLifecycle(Activity? activity, ContactDeletionPhase phase, ContactDeletionState state)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(Tags.Phase, phase.ToString());
            activity.SetTag(Tags.State, state.ToString());
        }
    }

    /// <summary>Marks the span failed with the exception's type and Marketing Cloud's error code; the message stays out.</summary>
    public static void SetFailure(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return;
        }
        activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
        if (activity.IsAllDataRequested)
        {
            activity.SetTag(Tags.ErrorType, exception.GetType().FullName);
            if (ErrorCode(exception) is { } code)
            {
                activity.SetTag(Tags.ErrorCode, code);
            }
        }
    }

    /// <summary>Adds a state change to the current operation's span.</summary>
    public static void StateChanged(ContactDeletionPhase phase, ContactDeletionState state)
    {
        if (Activity.Current is { IsAllDataRequested: true } current && current.Source == Source)
        {
            current.AddEvent(new ActivityEvent("contactssdk.state_changed", tags: new ActivityTagsCollection
            {
                [Tags.Phase] = phase.ToString(),
                [Tags.State] = state.ToString(),
            }));
        }
    }

    /// <summary>Adds a gateway error answer (a 401, 429 or 5xx with an <c>errorcode</c>) to the current operation's span.</summary>
    public static void GatewayErrorSeen(int statusCode, string errorCode)
    {
        if (Activity.Current is { IsAllDataRequested: true } current && current.Source == Source)
        {
            current.AddEvent(new ActivityEvent("contactssdk.gateway_error", tags: new ActivityTagsCollection
            {
                [Tags.HttpStatusCode] = statusCode,
                [Tags.ErrorCode] = errorCode,
            }));
        }
    }

    public static void Retrying(string reason) =>
        Retries.Add(1, new KeyValuePair<string, object?>(Tags.RetryReason, reason));

    public static void DeletionStarted(string deleteType) =>
        DeletionsStarted.Add(1, new KeyValuePair<string, object?>(Tags.DeleteType, deleteType));

    public static void Verdict(ContactDeletionState state, TimeSpan elapsed)
    {
        var verdict = new KeyValuePair<string, object?>(Tags.Verdict, state.ToString());
        DeletionVerdicts.Add(1, verdict);
        DeletionDuration.Record(elapsed.TotalSeconds, verdict);
    }

    /// <summary>Marketing Cloud's code for a failure, when it sent one.</summary>
    public static string? ErrorCode(Exception exception) => exception switch
    {
        GatewayError { Errorcode: { } code } => code.ToString(CultureInfo.InvariantCulture),
        ContactsRateLimitException { ErrorCode: { } limited } => limited.ToString(CultureInfo.InvariantCulture),
        ContactsServiceException service => FirstErrorCode(service),
        ContactsAuthenticationException { Error: { } error } => error,
        _ => null,
    };

    private static string? FirstErrorCode(ContactsServiceException exception)
    {
        foreach (var message in exception.ResultMessages)
        {
            if (message.GetResultClass() == ResultMessageClass.Error && message.ResultCode is { Length: > 0 } code)
            {
                return code;
            }
        }
        return null;
    }
}
