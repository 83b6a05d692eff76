using System.Collections.Concurrent;
using System.Net;
using Exchange.Interop.V1;
using Exchange.Rpc.Server;
using Exchange.Rpc.TestHost;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.Tests.Client.Dapr;

/// <summary>
/// Stands in for a Dapr sidecar's gRPC port (no sidecar binary can be had here): an h2c server on
/// loopback that records every call it receives, answers UNAVAILABLE when the <c>dapr-app-id</c>
/// names no app it knows (as Dapr does when it cannot resolve the target), and otherwise serves the
/// one app behind it, the interop service, as if it had forwarded the call.
/// </summary>
public sealed class FakeDaprSidecar : IAsyncLifetime
{
    public const string AppId = "interop";

    private WebApplication _app = null!;

    public int GrpcPort { get; private set; }

    public ConcurrentQueue<SidecarCall> Calls { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddRpcServer();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            var appId = context.Request.Headers["dapr-app-id"].ToString();
            Calls.Enqueue(new SidecarCall(context.Request.Path, appId, context.Request.Protocol,
                context.Request.Headers.Authorization.ToString()));
            if (appId != AppId)
            {
                // Trailers-Only, the way a gRPC server refuses before any message.
                context.Response.ContentType = "application/grpc";
                context.Response.Headers["grpc-status"] = "14";
                context.Response.Headers["grpc-message"] = Uri.EscapeDataString($"failed to resolve address for '{appId}'");
                return;
            }
            await next(context);
        });
        _app.MapRpcService<InteropTestService>(InteropReflection.Descriptor.Services[0]);
        await _app.StartAsync();
        GrpcPort = new Uri(_app.Urls.First()).Port;
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
