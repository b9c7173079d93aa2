using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ContactsSdk.Tests.Support;

/// <summary>
/// Decides, per new TCP connection, whether it reaches its server or is refused for real: a refused
/// connection is sent to a loopback port that is bound but not listening, so the operating system
/// answers with a reset and the request never leaves the client. This is the one failure the
/// emulator cannot inject, since it happens before any server sees a byte.
/// </summary>
internal sealed class ConnectionGate : IDisposable
{
    private readonly Socket _closedPort;
    private readonly Func<int, HttpRequestMessage, bool> _refuse;
    private int _attempts;
    private int _refused;

    /// <param name="refuse">Given the 1-based number of the connection attempt and the request that opens it, whether to refuse it.</param>
    public ConnectionGate(Func<int, HttpRequestMessage, bool> refuse)
    {
        _refuse = refuse;
        // Bound, never listening: connecting to it is refused, and no other process can take the port.
        _closedPort = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _closedPort.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    /// <summary>Refuses the first <paramref name="count"/> connection attempts.</summary>
    public static ConnectionGate RefusingFirst(int count) => new((attempt, _) => attempt <= count);

    /// <summary>
    /// Refuses each attempt with the given probability. The draw depends on the seed, the request
    /// that opens the connection (method and target) and how many connections such requests opened
    /// before, not on the order in which concurrent requests connect, so the draws of one kind of
    /// request do not shift when others interleave with it differently on a busy machine.
    /// </summary>
    public static ConnectionGate RefusingAtRandom(double probability, int seed)
    {
        var opened = new Dictionary<string, int>(StringComparer.Ordinal);
        var gate = new object();
        return new ConnectionGate((_, request) =>
        {
            var identity = request.Method + " " + request.RequestUri;
            int before;
            lock (gate)
            {
                opened.TryGetValue(identity, out before);
                opened[identity] = before + 1;
            }

            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{seed}|{before}|{identity}")));
            return BinaryPrimitives.ReadUInt64LittleEndian(hash) / (double)ulong.MaxValue < probability;
        });
    }

    public int Attempts => Volatile.Read(ref _attempts);

    public int Refused => Volatile.Read(ref _refused);

    /// <summary>A socket handler configured like the SDK's default one, with this gate on its connections.</summary>
    public SocketsHttpHandler CreateHandler() => new()
    {
        // As in the SDK's default transport: redirects are followed by the pipeline's own handler.
        AllowAutoRedirect = false,
        ConnectCallback = ConnectAsync,
    };

    private async ValueTask<System.IO.Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        EndPoint target = context.DnsEndPoint;
        if (_refuse(attempt, context.InitialRequestMessage))
        {
            Interlocked.Increment(ref _refused);
            target = _closedPort.LocalEndPoint!;
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(target, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _closedPort.Dispose();
}
