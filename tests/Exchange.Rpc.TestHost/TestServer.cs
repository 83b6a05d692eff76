using System.Net;
using Exchange.Interop.V1;
using Exchange.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.TestHost;

/// <summary>
/// A Kestrel host serving the interop service and health on loopback: one h2c port (gRPC and
/// Connect over HTTP/2) and one HTTP/1.1 port (Connect).
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestServer(WebApplication app, int h2Port, int http1Port)
    {
        _app = app;
        H2Port = h2Port;
        Http1Port = http1Port;
    }

    public int H2Port { get; }

    public int Http1Port { get; }

    public Uri H2Address => new($"http://127.0.0.1:{H2Port}");

    public Uri Http1Address => new($"http://127.0.0.1:{Http1Port}");

    public IServiceProvider Services => _app.Services;

    public static async Task<TestServer> StartAsync(int h2Port = 0, int http1Port = 0, Action<RpcServerOptions>? configure = null, bool quiet = true)
    {
        var builder = WebApplication.CreateSlimBuilder();
        if (quiet) builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, h2Port, o => o.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, http1Port, o => o.Protocols = HttpProtocols.Http1);
            kestrel.Limits.Http2.MaxStreamsPerConnection = 1000;
        });
        builder.Services.AddRpcServer(configure);
        var app = builder.Build();
        app.MapRpcService<InteropTestService>(InteropReflection.Descriptor.Services[0]);
        app.MapRpcHealthService();
        await app.StartAsync();
        var ports = app.Urls.Select(u => new Uri(u).Port).ToArray();
        return new TestServer(app, ports[0], ports[1]);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
