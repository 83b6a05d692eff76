using System.Collections.Concurrent;
using MassTransit;

namespace Exchange.Reliability.Infrastructure;

/// <summary>
/// A bus of the test process on the suite's broker: publishes what other services would (project
/// snapshots, completed activities, payment requests) and records every delivery of the events it
/// observes, copies included, by message id. Its queue is removed when it stops.
/// </summary>
public sealed class TestBus : IAsyncDisposable
{
    private readonly ConcurrentQueue<(Guid? MessageId, object Message)> _seen = new();
    private IBusControl _bus = null!;

    public IBus Bus => _bus;

    /// <summary>Starts a bus that observes the event types <paramref name="observe"/> names (<c>e => e.Observe&lt;ClaimPaid&gt;()</c>).</summary>
    public static async Task<TestBus> StartAsync(string rabbitMq, Action<Observations> observe)
    {
        var tap = new TestBus();
        var uri = new Uri(rabbitMq);
        var credentials = uri.UserInfo.Split(':');
        tap._bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(uri.Host, (ushort)uri.Port, "/", h =>
            {
                h.Username(credentials[0]);
                h.Password(credentials[1]);
                h.PublisherConfirmation = true;
            });
            cfg.ReceiveEndpoint($"reliability-observer-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                observe(new Observations(e, tap._seen));
            });
        });
        await tap._bus.StartAsync();
        return tap;
    }

    /// <summary>The event types a test bus records.</summary>
    public sealed class Observations(IReceiveEndpointConfigurator endpoint, ConcurrentQueue<(Guid?, object)> seen)
    {
        public Observations Observe<T>() where T : class
        {
            endpoint.Handler<T>(context =>
            {
                seen.Enqueue((context.MessageId, context.Message));
                return Task.CompletedTask;
            });
            return this;
        }
    }

    public IReadOnlyList<(Guid? MessageId, T Message)> Seen<T>() =>
        [.. _seen.Where(s => s.Message is T).Select(s => (s.MessageId, (T)s.Message))];

    public async ValueTask DisposeAsync() => await _bus.StopAsync();
}
