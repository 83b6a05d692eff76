using System.Collections.Concurrent;
using MassTransit;

namespace Exchange.Testing;

/// <summary>
/// A bus of the test process on the test broker, bound to the events a test names: what other
/// services would receive. Events are kept by project id for assertions.
/// </summary>
public sealed class EventObserver : IAsyncDisposable
{
    private readonly ConcurrentQueue<(Guid ProjectId, object Event)> _events = new();
    private IBusControl _bus = null!;

    private EventObserver()
    {
    }

    public IBus Bus => _bus;

    /// <summary>Starts an observer whose queue is named after <paramref name="name"/> and removed when it stops.</summary>
    public static async Task<EventObserver> StartAsync(string name, Action<Subscriptions> subscribe)
    {
        var observer = new EventObserver();
        var uri = new Uri(TestServers.RabbitMq);
        var credentials = uri.UserInfo.Split(':');
        observer._bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(uri.Host, (ushort)uri.Port, "/", h =>
            {
                h.Username(Uri.UnescapeDataString(credentials[0]));
                h.Password(Uri.UnescapeDataString(credentials[1]));
            });
            cfg.ReceiveEndpoint($"{name}-test-observer-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                // One at a time, so that the events are kept in the order the broker delivers them
                // (each stream's order, as published).
                e.ConcurrentMessageLimit = 1;
                subscribe(new Subscriptions(e, observer._events));
            });
        });
        await observer._bus.StartAsync();
        return observer;
    }

    public IReadOnlyList<object> For(string projectId) =>
        _events.Where(e => e.ProjectId == Guid.Parse(projectId)).Select(e => e.Event).ToList();

    /// <summary>Waits until the project's events satisfy <paramref name="condition"/>, for at most 20 s.</summary>
    public async Task<IReadOnlyList<object>> WaitFor(string projectId, Func<IReadOnlyList<object>, bool> condition)
    {
        for (var i = 0; i < 400; i++)
        {
            var events = For(projectId);
            if (condition(events)) return events;
            await Task.Delay(50);
        }
        var seen = string.Join(", ", For(projectId).Select(e => e.GetType().Name));
        throw new TimeoutException($"The expected events of project {projectId} did not arrive; seen: [{seen}]");
    }

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    /// <summary>The events an observer listens to, each with the project it belongs to.</summary>
    public sealed class Subscriptions(IReceiveEndpointConfigurator endpoint, ConcurrentQueue<(Guid, object)> events)
    {
        public Subscriptions Observe<T>(Func<T, Guid> projectId) where T : class
        {
            endpoint.Handler<T>(context =>
            {
                events.Enqueue((projectId(context.Message), context.Message));
                return Task.CompletedTask;
            });
            return this;
        }
    }
}
