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
/// of the headers of every request it received, keyed by correlation id.
/// </summary>
public sealed class InteropBackend : IAsyncDisposable
{
    public const string Package = "exchange.interop.v1";
    public const string HungPath = "/exchange.interop.v1.Hung/Call";

    private readonly WebApplication _app;

    private InteropBackend(WebApplication app, int port)
    {
        _app = app;
        Address = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri Address { get; }

    /// <summary>Request headers as the backend received them, by x-correlation-id.</summary>
    public ConcurrentDictionary<string, IReadOnlyDictionary<string, string>> Received { get; } = new();

    public static async Task<InteropBackend> StartAsync()
    {
        var port = Loopback.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddRpcServer();
        var app = builder.Build();
        InteropBackend? backend = null;
        app.Use(async (http, next) =>
        {
            var headers = http.Request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
            if (headers.TryGetValue("x-correlation-id", out var id)) backend!.Received[id] = headers;
            await next(http);
        });
        app.MapRpcService<InteropTestService>(InteropReflection.Descriptor.Services[0]);
        // Ignores its deadline and its caller: only the gateway can end this call.
        app.MapPost(HungPath, async (HttpContext http) => await Task.Delay(Timeout.Infinite, http.RequestAborted));
        backend = new InteropBackend(app, port);
        await app.StartAsync();
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
