using System.Collections.Concurrent;
using System.Net;
using Exchange.Interop.V1;
using Exchange.Rpc.Server;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.Tests.Client;

/// <summary>
/// A server whose streaming handler a test can watch and steer: it sends one message, then
/// waits until the test releases it, and reports whether its cancellation token fired. Only the
/// interop service is mapped (no health service), for the unknown-service case.
/// </summary>
public sealed class ProbeServerFixture : IAsyncLifetime
{
    private WebApplication _app = null!;

    public Uri Address { get; private set; } = null!;

    public ProbeState State { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddRpcServer();
        builder.Services.AddSingleton(State);
        _app = builder.Build();
        _app.MapRpcService<ProbeService>(InteropReflection.Descriptor.Services[0]);
        await _app.StartAsync();
        Address = new Uri(_app.Urls.First());
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What the probe handlers saw, per probe id (the x-probe-id request header).</summary>
public sealed class ProbeState
{
    private readonly ConcurrentDictionary<string, Probe> _probes = new();

    public Probe For(string id) => _probes.GetOrAdd(id, _ => new Probe());

    public sealed class Probe
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

public sealed class ProbeService(ProbeState state)
{
    public async Task StreamingOutputCall(StreamingRequest request, IServerStreamWriter<StreamingResponse> stream, CallContext context)
    {
        var probe = state.For(context.RequestHeaders.GetValue("x-probe-id") ?? "");
        await stream.WriteAsync(new StreamingResponse { Index = 0, Payload = new Payload { Body = ByteString.CopyFrom(new byte[16]) } });
        try
        {
            await probe.Release.Task.WaitAsync(context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            probe.Cancelled.TrySetResult();
            throw;
        }
        await stream.WriteAsync(new StreamingResponse { Index = 1 });
    }
}
