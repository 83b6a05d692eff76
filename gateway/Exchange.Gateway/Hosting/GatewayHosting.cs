using System.Net;
using System.Security.Cryptography.X509Certificates;
using Exchange.Gateway.Calls;
using Exchange.ServiceDefaults.Logging;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Exchange.Gateway.Hosting;

public static class GatewayHosting
{
    /// <summary>Kestrel on the gateway's two ports (TLS when configured), its limits, and the logs.</summary>
    public static WebApplicationBuilder AddGatewayHosting(this WebApplicationBuilder builder)
    {
        var endpoints = builder.Configuration.GetSection(GatewayEndpoints.Section).Get<GatewayEndpoints>() ?? new GatewayEndpoints();
        var limits = builder.Configuration.GetSection(LimitOptions.Section).Get<LimitOptions>() ?? new LimitOptions();
        var certificate = endpoints.UsesTls ? LoadCertificate(endpoints) : null;
        if (certificate is not null) builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(endpoints.Host);
            kestrel.Listen(address, endpoints.RpcPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (certificate is not null) listen.UseHttps(certificate);
            });
            kestrel.Listen(address, endpoints.HttpPort, listen =>
            {
                listen.Protocols = certificate is null ? HttpProtocols.Http1 : HttpProtocols.Http1AndHttp2;
                if (certificate is not null) listen.UseHttps(certificate);
            });
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodySize;
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
            // Quiet server streams must not be cut; pings find clients that went away.
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(10);
            kestrel.Limits.Http2.KeepAlivePingDelay = TimeSpan.FromSeconds(30);
            kestrel.Limits.Http2.KeepAlivePingTimeout = TimeSpan.FromSeconds(20);
        });
        builder.Logging.AddExchangeConsole(builder.Configuration);
        return builder;
    }

    private static X509Certificate2 LoadCertificate(GatewayEndpoints endpoints)
    {
        var file = endpoints.CertificateFile!;
        if (!File.Exists(file)) throw new InvalidOperationException($"Endpoints:CertificateFile '{file}' does not exist");
        return string.IsNullOrWhiteSpace(endpoints.CertificateKeyFile)
            ? X509CertificateLoader.LoadPkcs12FromFile(file, endpoints.CertificatePassword)
            : X509Certificate2.CreateFromPemFile(file, endpoints.CertificateKeyFile);
    }
}
