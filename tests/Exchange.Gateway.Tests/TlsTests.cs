using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Exchange.Gateway.Tests.Infrastructure;
using Exchange.Projects.V1;
using Exchange.Rpc.Client;

namespace Exchange.Gateway.Tests;

/// <summary>With a certificate configured, both ports speak TLS: gRPC over HTTP/2, Connect and health over HTTPS.</summary>
[Collection(PlatformCollection.Name)]
public sealed class TlsTests(Platform platform)
{
    [Fact]
    public async Task With_a_certificate_the_gateway_serves_grpc_and_json_over_tls()
    {
        using var certificate = SelfSigned();
        var file = Path.Combine(Path.GetTempPath(), $"exchange-gateway-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(file, certificate.Export(X509ContentType.Pfx, "test"));
        try
        {
            await using var gateway = await GatewayHost.StartAsync(
                [("projects", platform.Projects.RpcAddress, platform.Projects.HttpAddress)],
                new Dictionary<string, string?> { ["Endpoints:CertificateFile"] = file, ["Endpoints:CertificatePassword"] = "test" });
            var key = await gateway.CreateKey(TieUps.Jena, Identity.Role.OverseasPartner);
            var trustIt = new SocketsHttpHandler
            {
                UseProxy = false,
                SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented?.GetCertHashString() == certificate.GetCertHashString() },
            };

            using var channel = RpcChannel.ForAddress(new Uri($"https://127.0.0.1:{gateway.RpcAddress.Port}"), new RpcChannelOptions { Handler = trustIt });
            var listed = await channel.UnaryAsync(RpcMethod<ListProjectsRequest, ListProjectsResponse>.From(TieUp.ProjectsService, "ListProjects"),
                new ListProjectsRequest(), new CallOptions { Headers = new Rpc.Metadata().Add("x-api-key", key), Timeout = TimeSpan.FromSeconds(30) });
            Assert.NotNull(listed);

            using var https = new HttpClient(trustIt, disposeHandler: false);
            using var health = await https.GetAsync($"https://127.0.0.1:{gateway.HttpAddress.Port}/healthz");
            Assert.NotEqual(HttpStatusCode.NotFound, health.StatusCode);
            Assert.Equal("application/json", health.Content.Headers.ContentType?.MediaType);

            using var plain = new HttpClient();
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => plain.GetAsync($"http://127.0.0.1:{gateway.HttpAddress.Port}/healthz"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }
}
