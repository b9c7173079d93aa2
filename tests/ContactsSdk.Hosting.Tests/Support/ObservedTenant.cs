using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ContactsSdk.Diagnostics;
using ContactsSdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using ContactsSdk.TestSupport;

namespace ContactsSdk.Hosting.Tests.Support;

/// <summary>
/// An application as a user would wire it: the emulator on a virtual clock, the client from
/// <c>AddContactsSdk</c>, and OpenTelemetry's tracer and meter providers subscribed to the SDK's
/// names (and to HttpClient's spans) with in-memory exporters. Every token the token endpoint
/// handed out and every log entry are kept, to be searched for leaks.
/// </summary>
internal sealed class ObservedTenant : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TracerProvider _tracing;
    private readonly MeterProvider _metering;
    private readonly List<Activity> _activities;
    private readonly List<Metric> _metrics;

    private ObservedTenant(MarketingCloudEmulator emulator, ServiceProvider services, TracerProvider tracing, MeterProvider metering,
        List<Activity> activities, List<Metric> metrics, TokenCapture tokens, CapturingLoggerProvider logs)
    {
        Emulator = emulator;
        _services = services;
        _tracing = tracing;
        _metering = metering;
        _activities = activities;
        _metrics = metrics;
        Tokens = tokens;
        Logs = logs;
        Client = services.GetRequiredService<ContactsClient>();
    }

    public MarketingCloudEmulator Emulator { get; }

    public ContactsClient Client { get; }

    public TokenCapture Tokens { get; }

    public CapturingLoggerProvider Logs { get; }

    public string AccountId => Emulator.Credentials.AccountId.ToString(CultureInfo.InvariantCulture);

    public static async Task<ObservedTenant> StartAsync()
    {
        var clock = new VirtualClock();
        var emulator = await MarketingCloudEmulator.StartAsync(new EmulatorOptions { TimeProvider = clock });
        var tokens = new TokenCapture();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs))
            .AddSingleton<TimeProvider>(clock)
            .AddContactsSdk(options => options.ConnectTo(emulator));
        // The application's own handler on the SDK's named token client: it sees the token responses.
        services.AddHttpClient(ContactsSdkServiceCollectionExtensions.AuthHttpClientName).AddHttpMessageHandler(() => tokens.CreateHandler());

        var activities = new List<Activity>();
        var metrics = new List<Metric>();
        var tracing = Sdk.CreateTracerProviderBuilder()
            .AddSource(ContactsSdkDiagnostics.ActivitySourceName)
            .AddSource("System.Net.Http")
            .AddInMemoryExporter(activities)
            .Build()!;
        var metering = Sdk.CreateMeterProviderBuilder()
            .AddMeter(ContactsSdkDiagnostics.MeterName)
            .AddInMemoryExporter(metrics)
            .Build()!;
        return new ObservedTenant(emulator, services.BuildServiceProvider(), tracing, metering, activities, metrics, tokens, logs);
    }

    /// <summary>The spans exported so far.</summary>
    public IReadOnlyList<Activity> Activities()
    {
        _tracing.ForceFlush();
        lock (_activities)
        {
            return _activities.ToList();
        }
    }

    public IReadOnlyList<Activity> Spans(string name) => Activities().Where(a => a.OperationName == name).ToList();

    /// <summary>Every metric point exported so far, flattened.</summary>
    public IReadOnlyList<MeasuredPoint> Measurements()
    {
        _metrics.Clear();
        _metering.ForceFlush();
        var points = new List<MeasuredPoint>();
        foreach (var metric in _metrics)
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                var tags = new Dictionary<string, object?>();
                foreach (var tag in point.Tags)
                {
                    tags[tag.Key] = tag.Value;
                }
                var value = metric.MetricType switch
                {
                    MetricType.LongSum => point.GetSumLong(),
                    MetricType.Histogram => point.GetHistogramCount(),
                    _ => 0L,
                };
                var sum = metric.MetricType == MetricType.Histogram ? point.GetHistogramSum() : value;
                points.Add(new MeasuredPoint(metric.Name, tags, value, sum));
            }
        }
        return points;
    }

    /// <summary>The total of the counter (or the count of the histogram) <paramref name="name"/> over the points whose tags include <paramref name="tags"/>.</summary>
    public long Total(string name, params (string Key, object Value)[] tags) => Measurements()
        .Where(p => p.Name == name && tags.All(t => p.Tags.TryGetValue(t.Key, out var v) && Equals(v?.ToString(), t.Value.ToString())))
        .Sum(p => p.Value);

    public async ValueTask DisposeAsync()
    {
        _tracing.Dispose();
        _metering.Dispose();
        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}

/// <summary>One metric point: its instrument, its tags, its count (or sum for counters) and its sum.</summary>
internal sealed record MeasuredPoint(string Name, IReadOnlyDictionary<string, object?> Tags, long Value, double Sum);

/// <summary>Keeps the access tokens the token endpoint returns.</summary>
internal sealed class TokenCapture
{
    private readonly ConcurrentQueue<string> _tokens = new();

    public IReadOnlyCollection<string> Values => _tokens.ToArray();

    public DelegatingHandler CreateHandler() => new Capturing(_tokens);

    private sealed class Capturing(ConcurrentQueue<string> tokens) : DelegatingHandler
    {
        protected override async Task<System.Net.Http.HttpResponseMessage> SendAsync(System.Net.Http.HttpRequestMessage request, System.Threading.CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            if (document.RootElement.TryGetProperty("access_token", out var token) && token.GetString() is { } value)
            {
                tokens.Enqueue(value);
            }
            return response;
        }
    }
}
