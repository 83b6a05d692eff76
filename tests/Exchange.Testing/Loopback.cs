using System.Net;
using System.Net.Sockets;

namespace Exchange.Testing;

/// <summary>Ports on the loopback interface for hosts started by tests.</summary>
public static class Loopback
{
    private const int LowestPort = 20_000;

    /// <summary>
    /// A port nothing listens on right now, for a host the test starts a moment later. It is taken
    /// below the kernel's ephemeral range: a port the OS handed out for listening would be free
    /// again once probed, and the OS may give it to an outgoing connection (to the broker, the
    /// database) before the host binds it ("address already in use"). Below that range only
    /// another listener can take it, and ports are picked at random, so parallel test runs
    /// rarely meet.
    /// </summary>
    public static int FreePort()
    {
        var ephemeralFirst = FirstEphemeralPort();
        for (var attempt = 0; attempt < 100 && ephemeralFirst - LowestPort > 1000; attempt++)
        {
            var port = Random.Shared.Next(LowestPort, ephemeralFirst);
            if (IsFree(port)) return port;
        }
        // No room below the ephemeral range: let the OS pick.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>The first port of the kernel's range for outgoing connections (Linux), or of the IANA dynamic range elsewhere.</summary>
    private static int FirstEphemeralPort()
    {
        try
        {
            var parts = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && int.TryParse(parts[0], out var first)) return first;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return 49_152;
    }
}
