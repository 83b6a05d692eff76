using Exchange.Messaging;
using MassTransit;

namespace Exchange.Lifecycle.Tests.Infrastructure;

/// <summary>
/// A bus of the test process on a deployment's own exchanges (<c>Messaging:ExchangePrefix</c>):
/// publishes what a service the tests play would publish (Missions' completed activities).
/// </summary>
public sealed class PlatformBus : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private PlatformBus(IBusControl bus) => _bus = bus;

    public static async Task<PlatformBus> StartAsync(string exchangePrefix)
    {
        var uri = new Uri(TestServers.RabbitMq);
        var credentials = uri.UserInfo.Split(':');
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(uri.Host, (ushort)uri.Port, "/", h =>
            {
                h.Username(Uri.UnescapeDataString(credentials[0]));
                h.Password(Uri.UnescapeDataString(credentials[1]));
            });
            cfg.MessageTopology.SetEntityNameFormatter(new PrefixedEntityNames(cfg.MessageTopology.EntityNameFormatter, exchangePrefix));
        });
        await bus.StartAsync();
        return new PlatformBus(bus);
    }

    public Task Publish<T>(T message) where T : class => _bus.Publish(message);

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
