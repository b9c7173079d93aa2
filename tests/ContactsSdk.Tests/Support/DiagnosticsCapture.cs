using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Tracing;
using System.Linq;

namespace ContactsSdk.Tests.Support;

/// <summary>
/// Everything the process's public networking event sources and every activity source emit while it
/// is alive: each event with its payload, each activity with its tags, events and baggage. These are
/// what an APM agent or <c>dotnet-trace</c> would collect from an application using the SDK.
/// </summary>
internal sealed class DiagnosticsCapture : EventListener
{
    private readonly ConcurrentQueue<string> _entries = new();
    private readonly ActivityListener _activities;
    private readonly Func<string, bool> _sourceFilter;

    /// <param name="sourceFilter">Which event sources to enable, by name.</param>
    public DiagnosticsCapture(Func<string, bool> sourceFilter)
    {
        _sourceFilter = sourceFilter;
        _activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _entries.Enqueue(Describe(activity)),
        };
        ActivitySource.AddActivityListener(_activities);
        // Sources created before this constructor ran were offered to OnEventSourceCreated while the
        // filter was still unset; offer them again.
        foreach (var source in EventSource.GetSources())
        {
            Enable(source);
        }
    }

    /// <summary>The public System.Net sources: HTTP, sockets, name resolution, TLS.</summary>
    public static bool PublicNetworking(string name) => name.StartsWith("System.Net", StringComparison.Ordinal);

    public IReadOnlyCollection<string> Entries => _entries.ToArray();

    protected override void OnEventSourceCreated(EventSource eventSource) => Enable(eventSource);

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        var payload = eventData.Payload is null ? string.Empty : string.Join(" | ", eventData.Payload.Select(value => value?.ToString()));
        _entries.Enqueue($"{eventData.EventSource.Name}/{eventData.EventName}: {eventData.Message} || {payload}");
    }

    public override void Dispose()
    {
        _activities.Dispose();
        base.Dispose();
    }

    private void Enable(EventSource source)
    {
        // Called from the base constructor before the filter is set: those sources come again later.
        if (_sourceFilter is not null && _sourceFilter(source.Name))
        {
            EnableEvents(source, EventLevel.Verbose, EventKeywords.All);
        }
    }

    private static string Describe(Activity activity)
    {
        var tags = string.Join(" | ", activity.TagObjects.Select(tag => $"{tag.Key}={tag.Value}"));
        var events = string.Join(" | ", activity.Events.Select(e => e.Name + " " + string.Join(",", e.Tags.Select(t => $"{t.Key}={t.Value}"))));
        var baggage = string.Join(" | ", activity.Baggage.Select(b => $"{b.Key}={b.Value}"));
        return $"activity {activity.Source.Name}/{activity.OperationName} {activity.DisplayName} {activity.StatusDescription} || {tags} || {events} || {baggage}";
    }
}
