using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Forwarder;

namespace Exchange.Gateway.Benchmark;

/// <summary>
/// YARP's forwarder and nothing else, in this process: Kestrel in, the forwarder's HttpClient out,
/// h2c to the service's gRPC port and HTTP/1.1 to its JSON port, as the gateway does, but without
/// keys, limits, logs or correlation. Against the gateway it shows what the gateway's own work adds
/// to the proxying it is built on.
/// </summary>
public sealed class BareProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpMessageInvoker _client;

    private BareProxy(WebApplication app, HttpMessageInvoker client, int rpcPort, int httpPort)
    {
        _app = app;
        _client = client;
        RpcPort = rpcPort;
        HttpPort = httpPort;
    }

    public int RpcPort { get; }

    public int HttpPort { get; }

    public static async Task<BareProxy> StartAsync(int serviceRpcPort, int serviceHttpPort, int rpcPort, int httpPort)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, rpcPort, listen => listen.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, httpPort, listen => listen.Protocols = HttpProtocols.Http1);
        });
        builder.Services.AddHttpForwarder();
        var app = builder.Build();

        // The settings YARP's own client factory uses.
        var client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = null,
        });
        var rpc = ($"http://127.0.0.1:{serviceRpcPort}/", new ForwarderRequestConfig { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact });
        var http = ($"http://127.0.0.1:{serviceHttpPort}/", new ForwarderRequestConfig { Version = HttpVersion.Version11, VersionPolicy = HttpVersionPolicy.RequestVersionExact });
        app.Map("/{**path}", async (HttpContext context, IHttpForwarder forwarder) =>
        {
            var (destination, config) = context.Connection.LocalPort == rpcPort ? rpc : http;
            await forwarder.SendAsync(context, destination, client, config, HttpTransformer.Empty);
        });
        await app.StartAsync();
        return new BareProxy(app, client, rpcPort, httpPort);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _client.Dispose();
    }
}
