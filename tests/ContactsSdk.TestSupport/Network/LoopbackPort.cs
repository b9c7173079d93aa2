using System.Net;
using System.Net.Sockets;

namespace ContactsSdk.TestSupport;

/// <summary>Loopback ports for tests that start a listener, or need an address nothing answers on.</summary>
public static class LoopbackPort
{
    /// <summary>A loopback port nothing listens on now (bound by the system, then released).</summary>
    public static int Unused()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
