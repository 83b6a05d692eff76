namespace Exchange.ServiceDefaults;

/// <summary>
/// Where a service listens: <see cref="RpcPort"/> speaks HTTP/2 without TLS (gRPC, and Connect
/// over HTTP/2); <see cref="HttpPort"/> speaks HTTP/1.1 (Connect JSON, health probes). Kestrel
/// cannot serve cleartext HTTP/2 and HTTP/1.1 on one port, hence two.
/// </summary>
public sealed class ServiceEndpoints
{
    public const string Section = "Endpoints";

    public string Host { get; set; } = "127.0.0.1";

    public int RpcPort { get; set; }

    public int HttpPort { get; set; }
}
