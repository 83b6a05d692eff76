using MassTransit;

namespace Exchange.ServiceDefaults;

/// <summary>Ready while the bus is connected to the broker and its endpoints are running.</summary>
internal sealed class BrokerReadinessCheck(IBusControl bus) : IReadinessCheck
{
    public string Name => "broker";

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken) =>
        Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Healthy);
}
