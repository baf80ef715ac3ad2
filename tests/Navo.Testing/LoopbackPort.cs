using System.Net;
using System.Net.Sockets;

namespace Navo.Testing;

/// <summary>A loopback port that was free a moment ago, for a test server to listen on.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
