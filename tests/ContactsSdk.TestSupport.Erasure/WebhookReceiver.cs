using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ContactsSdk.Erasure.Webhooks;
using ContactsSdk.TestSupport;

namespace ContactsSdk.TestSupport.Erasure;

/// <summary>
/// A real webhook receiver: an HTTP listener on 127.0.0.1 that checks each request's signature as a
/// receiver would, keeps every request (duplicates too), and answers with the status the test sets.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<ReceivedWebhook> _received = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _loop;

    private WebhookReceiver(int port, string secret)
    {
        Port = port;
        Secret = secret;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ListenAsync);
    }

    public int Port { get; }

    public string Secret { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hooks");

    /// <summary>The status of the next answers: called with the 1-based number of the request; 204 by default.</summary>
    public Func<int, int> Status { get; set; } = _ => 204;

    /// <summary>When set, a request waits for this task before it is answered (a slow receiver).</summary>
    public Task? HoldAnswers { get; set; }

    /// <summary>Every request received, duplicates included, in arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToList();
            }
        }
    }

    /// <summary>What a receiver keeps: each delivery once, by delivery ID, in first-arrival order.</summary>
    public IReadOnlyList<ReceivedWebhook> Deduplicated => Received.GroupBy(r => r.DeliveryId).Select(g => g.First()).ToList();

    public static WebhookReceiver Start(string secret, int? port = null) => new(port ?? LoopbackPort.Unused(), secret);

    /// <summary>Waits until <paramref name="done"/> holds for the requests received; false at the time limit.</summary>
    public async Task<bool> WaitUntilAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> done, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            if (done(Received))
            {
                return true;
            }
            await Task.Delay(50);
        }
        return done(Received);
    }

    private async Task ListenAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        var bytes = body.ToArray();
        var signature = context.Request.Headers[WebhookSignature.HeaderName];
        int number;
        lock (_received)
        {
            _received.Add(new ReceivedWebhook(
                Guid.Parse(context.Request.Headers[WebhookSignature.DeliveryHeaderName]!),
                context.Request.Headers[WebhookSignature.EventHeaderName]!,
                signature,
                bytes,
                WebhookSignature.Verify(Secret, signature, bytes, DateTimeOffset.UtcNow, WebhookSignature.DefaultTolerance)));
            number = _received.Count;
        }
        if (HoldAnswers is { } hold)
        {
            await Task.WhenAny(hold, Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default));
        }
        try
        {
            context.Response.StatusCode = Status(number);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The sender went away (killed, or timed out) before the answer.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (ObjectDisposedException)
        {
        }
        _stopping.Dispose();
    }
}

/// <summary>One request as received: its delivery ID, event type, signature header, body, and whether the signature checked out.</summary>
public sealed record ReceivedWebhook(Guid DeliveryId, string EventType, string? Signature, byte[] Body, bool SignatureValid)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Text => System.Text.Encoding.UTF8.GetString(Body);

    public Guid ErasureId => Json.GetProperty("erasure").GetProperty("id").GetGuid();

    public string RequestId => Json.GetProperty("erasure").GetProperty("requestId").GetString()!;

    public long? EntrySequence => Json.GetProperty("entry") is { ValueKind: JsonValueKind.Object } entry ? entry.GetProperty("sequence").GetInt64() : null;

    public string? EntryKind => Json.GetProperty("entry") is { ValueKind: JsonValueKind.Object } entry ? entry.GetProperty("kind").GetString() : null;
}
