namespace Exchange.Gateway.Hosting;

/// <summary>
/// Where the gateway listens (section <c>Endpoints</c>, as every service): <see cref="RpcPort"/>
/// speaks HTTP/2 (gRPC; without TLS by prior knowledge, h2c), <see cref="HttpPort"/> HTTP/1.1
/// (Connect JSON, health). With <see cref="CertificateFile"/> both use TLS, and the HTTP port also
/// offers HTTP/2 by ALPN.
/// </summary>
public sealed class GatewayEndpoints
{
    public const string Section = "Endpoints";

    public string Host { get; set; } = "127.0.0.1";

    public int RpcPort { get; set; } = 8081;

    public int HttpPort { get; set; } = 8080;

    /// <summary>A PKCS#12 (.pfx) file, or a PEM certificate with <see cref="CertificateKeyFile"/>.</summary>
    public string? CertificateFile { get; set; }

    public string? CertificateKeyFile { get; set; }

    public string? CertificatePassword { get; set; }

    public bool UsesTls => !string.IsNullOrWhiteSpace(CertificateFile);
}
