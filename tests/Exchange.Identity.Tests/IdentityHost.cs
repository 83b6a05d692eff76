using System.Net;
using Exchange.Interop.V1;
using Exchange.Rpc.Server;
using Exchange.Identity.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Exchange.Identity.Tests;

/// <summary>
/// A Kestrel host shaped like a service: an h2c port (gRPC, Connect over HTTP/2) and an
/// HTTP/1.1 port (Connect, probes), the interop service (or another implementation of it),
/// health, and the identity building block configured to trust <see cref="TestTokens"/>.
/// </summary>
public sealed class IdentityHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IdentityHost(WebApplication app)
    {
        _app = app;
        var ports = app.Urls.Select(u => new Uri(u).Port).ToArray();
        H2Address = new Uri($"http://127.0.0.1:{ports[0]}");
        Http1Address = new Uri($"http://127.0.0.1:{ports[1]}");
    }

    public Uri H2Address { get; }

    public Uri Http1Address { get; }

    /// <param name="identity">false: a host without the identity block, to see what handlers get then.</param>
    public static async Task<IdentityHost> StartAsync<TService>(bool identity = true, IReadOnlyDictionary<string, string?>? settings = null)
        where TService : class
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(settings ?? TestTokens.Settings);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddRpcServer();
        if (identity) builder.Services.AddExchangeIdentity(builder.Configuration);

        var app = builder.Build();
        if (identity) app.UseExchangeIdentity();
        app.MapRpcService<TService>(InteropReflection.Descriptor.Services[0]);
        app.MapRpcHealthService();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", () => Results.Text("ready"));
        app.MapGet("/status", () => Results.Text("internal status"));
        await app.StartAsync();
        return new IdentityHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
