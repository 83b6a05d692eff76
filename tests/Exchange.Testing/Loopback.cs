using System.Net;
using System.Net.Sockets;

namespace Exchange.Testing;

/// <summary>Ports on the loopback interface for hosts started by tests.</summary>
public static class Loopback
{
    /// <summary>A port nothing listens on right now (the OS picks it, so parallel test runs do not collide).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
