using System.Collections.Concurrent;
using System.Net;
using Exchange.Interop.V1;
using Exchange.Rpc.Server;
using Exchange.Rpc.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exchange.Gateway.Tests.Infrastructure;

/// <summary>
/// A backend the tests control, behind the gateway as package <c>exchange.interop.v1</c>: the
/// interop service (delays, streams, metadata echo), a method that never answers, and a record
/// of the headers of every request it received and of how it arrived (protocol and port), keyed
/// by correlation id. It listens on an h2c port and an HTTP/1.1 port, as the services do.
/// </summary>
public sealed class InteropBackend : IAsyncDisposable
{
    public const string Package = "exchange.interop.v1";
    public const string HungPath = "/exchange.interop.v1.Hung/Call";

    private readonly WebApplication _app;

    private InteropBackend(WebApplication app, int port, int httpPort)
    {
        _app = app;
        Address = new Uri($"http://127.0.0.1:{port}");
        HttpAddress = new Uri($"http://127.0.0.1:{httpPort}");
    }

    /// <summary>h2c.</summary>
    public Uri Address { get; }

    /// <summary>HTTP/1.1.</summary>
    public Uri HttpAddress { get; }

    /// <summary>The protocol and local port each request came in on, by x-correlation-id.</summary>
    public ConcurrentDictionary<string, (string Protocol, int Port)> Arrivals { get; } = new();

    /// <summary>Request headers as the backend received them, by x-correlation-id.</summary>
    public ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Received { get; } = new();

    public static async Task<InteropBackend> StartAsync()
    {
        var (port, httpPort) = (Loopback.FreePort(), Loopback.FreePort());
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2);
            k.Listen(IPAddress.Loopback, httpPort, o => o.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddRpcServer();
        var app = builder.Build();
        InteropBackend? backend = null;
        app.Use(async (http, next) =>
        {
            var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            if (headers.TryGetValue("x-correlation-id", out var id))
            {
                backend!.Received[id] = headers;
                backend.Arrivals[id] = (http.Request.Protocol, http.Connection.LocalPort);
            }
            await next(http);
        });
        app.MapRpcService<InteropTestService>(InteropReflection.Descriptor.Services[0]);
        // Ignores its deadline and its caller: only the gateway can end this call.
        app.MapPost(HungPath, async (HttpContext http) => await Task.Delay(Timeout.Infinite, http.RequestAborted));
        backend = new InteropBackend(app, port, httpPort);
        await app.StartAsync();
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
