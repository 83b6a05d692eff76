using System.Collections.Concurrent;
using System.Net;
using Exchange.Interop.V1;
using Exchange.Rpc.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.Tests;

/// <summary>
/// Where a call's service instance comes from: a new one per call when the class is not
/// registered (with its constructor's dependencies from the call's scope), the registered one
/// otherwise.
/// </summary>
public sealed class ServiceActivationTests
{
    private const string EmptyCall = "/exchange.interop.v1.InteropTest/EmptyCall";

    [Fact]
    public async Task A_service_without_dependencies_is_made_anew_for_each_call()
    {
        var seen = new Seen();
        await using var host = await StartAsync<PlainService>(services => services.AddSingleton(seen));
        PlainService.Seen = seen;

        await CallAsync(host.Address, times: 3);

        Assert.Equal(3, seen.Instances.Distinct().Count());
    }

    [Fact]
    public async Task Constructor_dependencies_come_from_the_call_scope()
    {
        var seen = new Seen();
        await using var host = await StartAsync<ScopedDependencyService>(services => services.AddSingleton(seen).AddScoped<CallScoped>());

        await CallAsync(host.Address, times: 3);

        Assert.Equal(3, seen.Instances.Count);
        Assert.Equal(3, seen.Instances.Cast<CallScoped>().Distinct().Count());
        Assert.All(seen.Instances.Cast<CallScoped>(), scoped => Assert.True(scoped.Disposed));
    }

    [Fact]
    public async Task A_registered_service_is_taken_from_the_container()
    {
        var seen = new Seen();
        await using var host = await StartAsync<PlainService>(services => services.AddSingleton(seen).AddSingleton<PlainService>());
        PlainService.Seen = seen;

        await CallAsync(host.Address, times: 3);

        Assert.Single(seen.Instances.Distinct());
    }

    private static async Task CallAsync(Uri address, int times)
    {
        using var client = RawHttp.H2Client();
        for (var i = 0; i < times; i++)
        {
            using var response = await client.SendAsync(RawHttp.GrpcRequest(address, EmptyCall, RawHttp.Frame(new Empty())));
            await response.Content.ReadAsByteArrayAsync();
            Assert.Equal("0", RawHttp.GrpcStatus(response));
        }
    }

    private static async Task<Host> StartAsync<TService>(Action<IServiceCollection> configure) where TService : class
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddRpcServer();
        configure(builder.Services);
        var app = builder.Build();
        app.MapRpcService<TService>(InteropReflection.Descriptor.Services[0]);
        await app.StartAsync();
        return new Host(app, new Uri(app.Urls.First()));
    }

    private sealed record Host(WebApplication App, Uri Address) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    public sealed class Seen
    {
        public ConcurrentQueue<object> Instances { get; } = new();
    }

    public sealed class CallScoped : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }

    public sealed class PlainService
    {
        // Set by the tests: the class has no constructor parameters on purpose.
        public static Seen? Seen { get; set; }

        public Task<Empty> EmptyCall(Empty request, CallContext context)
        {
            Seen!.Instances.Enqueue(this);
            return Task.FromResult(new Empty());
        }
    }

    public sealed class ScopedDependencyService(CallScoped scoped, Seen seen)
    {
        public Task<Empty> EmptyCall(Empty request, CallContext context)
        {
            seen.Instances.Enqueue(scoped);
            return Task.FromResult(new Empty());
        }
    }
}
