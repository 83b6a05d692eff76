using Exchange.Rpc.Server;
using Grpc.Health.V1;
using Microsoft.AspNetCore.Http;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Exchange.Rpc.Tests.Server;

public sealed class HealthServiceTests
{
    private static CallContext Context(CancellationToken token) =>
        new(new DefaultHttpContext(), "/grpc.health.v1.Health/Watch", DateTime.MaxValue, token);

    [Fact]
    public async Task Check_reports_known_services_and_refuses_unknown_ones()
    {
        var registry = new HealthStatusRegistry();
        registry.SetStatus("exchange.projects.v1.Projects", ServingStatus.NotServing);
        var health = new HealthService(registry);

        Assert.Equal(ServingStatus.Serving, (await health.Check(new HealthCheckRequest(), Context(default))).Status);
        Assert.Equal(ServingStatus.NotServing, (await health.Check(new HealthCheckRequest { Service = "exchange.projects.v1.Projects" }, Context(default))).Status);
        var error = await Assert.ThrowsAsync<RpcException>(() => health.Check(new HealthCheckRequest { Service = "nope" }, Context(default)));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }

    [Fact]
    public async Task Watch_sends_the_current_status_then_every_change_until_cancelled()
    {
        var registry = new HealthStatusRegistry();
        var health = new HealthService(registry);
        var writer = new RecordingWriter();
        using var cts = new CancellationTokenSource();

        var watching = health.Watch(new HealthCheckRequest { Service = "db" }, writer, Context(cts.Token));
        await writer.WaitForCount(1);
        registry.SetStatus("db", ServingStatus.Serving);
        registry.SetStatus("db", ServingStatus.Serving);
        registry.SetStatus("other", ServingStatus.NotServing);
        registry.SetStatus("db", ServingStatus.NotServing);
        await writer.WaitForCount(3);
        cts.Cancel();
        await watching;

        Assert.Equal([ServingStatus.ServiceUnknown, ServingStatus.Serving, ServingStatus.NotServing], writer.Statuses);
    }

    private sealed class RecordingWriter : IServerStreamWriter<HealthCheckResponse>
    {
        private readonly List<ServingStatus> _statuses = [];

        public ServingStatus[] Statuses
        {
            get { lock (_statuses) return [.. _statuses]; }
        }

        public Task WriteAsync(HealthCheckResponse message, CancellationToken cancellationToken = default)
        {
            lock (_statuses) _statuses.Add(message.Status);
            return Task.CompletedTask;
        }

        public async Task WaitForCount(int count)
        {
            for (var i = 0; i < 500 && Statuses.Length < count; i++) await Task.Delay(10);
        }
    }
}
