namespace Exchange.Gateway.Routing;

/// <summary>The section <c>Gateway:Forwarding</c>: how the gateway talks to the services.</summary>
public sealed class ForwardingOptions
{
    public const string Section = "Gateway:Forwarding";

    /// <summary>
    /// How long a forwarded call may go without any data before it is cut. Server streams (health
    /// Watch, feeds) may be quiet for long, so this is a day, not YARP's default of 100 seconds;
    /// unary calls have their own deadline (<c>Gateway:Limits:UnaryTimeout</c>), and HTTP/2 pings
    /// find dead connections.
    /// </summary>
    public TimeSpan ActivityTimeout { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long connecting to a service may take before the call answers UNAVAILABLE.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>HTTP/2 pings to the services after this much silence on a connection.</summary>
    public TimeSpan KeepAlivePingDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan KeepAlivePingTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// gRPC calls that do not stream requests go on to a service's HTTP/1.1 port as gRPC-Web
    /// (<see cref="Http1Upstream"/>); off, they go over h2c to its gRPC port.
    /// </summary>
    public bool GrpcWebUpstream { get; set; } = true;
}
