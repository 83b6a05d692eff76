using System.Threading.Channels;
using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Exchange.Rpc.Server;

/// <summary>The standard <c>grpc.health.v1.Health</c> service over <see cref="HealthStatusRegistry"/>.</summary>
public sealed class HealthService(HealthStatusRegistry registry)
{
    public Task<HealthCheckResponse> Check(HealthCheckRequest request, CallContext context)
    {
        if (!registry.TryGetStatus(request.Service, out var status))
            throw new RpcException(StatusCode.NotFound, $"Unknown service '{request.Service}'");
        return Task.FromResult(new HealthCheckResponse { Status = status });
    }

    public async Task Watch(HealthCheckRequest request, IServerStreamWriter<HealthCheckResponse> stream, CallContext context)
    {
        var changes = Channel.CreateUnbounded<ServingStatus>(new UnboundedChannelOptions { SingleReader = true });
        using var subscription = registry.Watch((service, status) =>
        {
            if (service == request.Service) changes.Writer.TryWrite(status);
        });
        var last = registry.TryGetStatus(request.Service, out var current) ? current : ServingStatus.ServiceUnknown;
        await stream.WriteAsync(new HealthCheckResponse { Status = last }, context.CancellationToken).ConfigureAwait(false);
        try
        {
            await foreach (var status in changes.Reader.ReadAllAsync(context.CancellationToken).ConfigureAwait(false))
            {
                if (status == last) continue;
                last = status;
                await stream.WriteAsync(new HealthCheckResponse { Status = status }, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher went away: a normal end of a watch.
        }
    }
}
