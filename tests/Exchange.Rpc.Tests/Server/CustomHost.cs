using System.Net;
using Exchange.Rpc.Server;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Exchange.Rpc.Tests.Server;

/// <summary>A throwaway h2c host serving a test-specific implementation of a proto service.</summary>
public sealed class CustomHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CustomHost(WebApplication app, LogRecords logs)
    {
        _app = app;
        Logs = logs;
    }

    public Uri Address => new(_app.Urls.First());

    public IServiceProvider Services => _app.Services;

    /// <summary>Everything the host logged, for asserting on what operators would see.</summary>
    public LogRecords Logs { get; }

    public static async Task<CustomHost> StartAsync<TService>(ServiceDescriptor service, Action<RpcServerOptions>? configure = null, Action<IServiceCollection>? services = null)
        where TService : class
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var logs = new LogRecords();
        builder.Logging.AddProvider(logs);
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddRpcServer(configure);
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.MapRpcService<TService>(service);
        app.MapRpcHealthService();
        await app.StartAsync();
        return new CustomHost(app, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
