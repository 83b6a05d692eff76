using System.Collections.Concurrent;
using Exchange.Contracts.Missions;
using MassTransit;

namespace Exchange.Missions.Tests.Infrastructure;

/// <summary>
/// A bus of the test process, bound to the Missions events on the test broker: what other services
/// (cost claims, projects) receive. Events are kept by project id for assertions.
/// </summary>
public sealed class EventObserver : IAsyncDisposable
{
    private readonly IBusControl _bus;
    private readonly ConcurrentQueue<(Guid ProjectId, object Event)> _events = new();

    private EventObserver(IBusControl bus) => _bus = bus;

    public IBus Bus => _bus;

    public static async Task<EventObserver> StartAsync()
    {
        EventObserver? observer = null;
        var uri = new Uri(TestServers.RabbitMq);
        var credentials = uri.UserInfo.Split(':');
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(uri.Host, (ushort)uri.Port, "/", h =>
            {
                h.Username(Uri.UnescapeDataString(credentials[0]));
                h.Password(Uri.UnescapeDataString(credentials[1]));
            });
            cfg.ReceiveEndpoint($"missions-test-observer-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                Observe<ActivityPlanned>(e, m => m.ProjectId);
                Observe<ActivityConfirmed>(e, m => m.ProjectId);
                Observe<ActivityCompleted>(e, m => m.ProjectId);
                Observe<ActivityCancelled>(e, m => m.ProjectId);
                Observe<ActivityReopened>(e, m => m.ProjectId);
                Observe<MeetingRecorded>(e, m => m.ProjectId);
                Observe<ActivityOutcomeReported>(e, m => m.ProjectId);
            });
        });
        observer = new EventObserver(bus);
        await bus.StartAsync();
        return observer;

        void Observe<T>(IReceiveEndpointConfigurator e, Func<T, Guid> projectId) where T : class =>
            e.Handler<T>(context =>
            {
                observer!._events.Enqueue((projectId(context.Message), context.Message));
                return Task.CompletedTask;
            });
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
}
