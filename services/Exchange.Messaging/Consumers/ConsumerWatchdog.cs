using Exchange.Messaging.Outbox;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Messaging.Consumers;

/// <summary>
/// Heals a consumer that stays away. MassTransit's RabbitMQ receive endpoints have at times failed
/// to come back after a broker restart, with nothing in the logs and the bus still reporting
/// itself healthy, while the events meant for the service piled up in its durable queue. Every
/// <see cref="ConsumerWatchOptions.Interval"/> this asks the broker, on a connection of its own,
/// how many messages wait in each of the service's queues and how many consumers are attached;
/// a queue with messages and no consumer for <see cref="ConsumerWatchOptions.RestartAfter"/>
/// gets the bus restarted (new connection, channels and consumers). Nothing is lost meanwhile: the
/// messages wait in the queue, and the inbox drops any copy. While the broker does not answer,
/// reconnecting is the transport's job and nothing is counted.
/// </summary>
public sealed class ConsumerWatchdog(
    IBusControl bus,
    QueueProbe probe,
    BusStartObserver busStart,
    BusRestarter restarter,
    IOptions<ConsumerWatchOptions> options,
    TimeProvider clock,
    ILogger<ConsumerWatchdog> logger) : BackgroundService
{
    private readonly ConsumerWatchOptions _options = options.Value;

    /// <summary>Since when each queue has had messages and no consumer, as last seen.</summary>
    private readonly Dictionary<string, DateTimeOffset> _unattendedSince = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_options.RestartAfter <= TimeSpan.Zero) return;
        try
        {
            // Until the bus has started once, its queues may not exist and it cannot be restarted.
            await busStart.Started.WaitAsync(stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(_options.Interval, clock, stoppingToken);
                await CheckAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One look at the queues; restarts the bus when one has waited unattended long enough.</summary>
    private async Task CheckAsync(CancellationToken cancellationToken)
    {
        var queues = ServiceQueues(bus.CheckHealth().Endpoints.Values.Select(endpoint => endpoint.InputAddress));
        IReadOnlyDictionary<string, QueueState> states;
        try
        {
            states = await probe.ReadAsync(queues, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "The broker did not answer the consumer watch; looking again in {Interval}", _options.Interval);
            _unattendedSince.Clear();
            return;
        }

        var now = clock.GetUtcNow();
        foreach (var queue in queues)
        {
            if (states.TryGetValue(queue, out var state) && state is { Consumers: 0, Messages: > 0 }) _unattendedSince.TryAdd(queue, now);
            else _unattendedSince.Remove(queue);
        }
        var longest = _unattendedSince.OrderBy(q => q.Value).FirstOrDefault();
        if (longest.Key is null || now - longest.Value < _options.RestartAfter) return;

        var waiting = states[longest.Key].Messages;
        var reason = $"queue {longest.Key} has had messages waiting and no consumer for {(now - longest.Value).TotalSeconds:0} s ({waiting} waiting now)";
        try
        {
            await restarter.RestartAsync(reason, _options.RestartAfter, _options.RestartTimeLimit, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Restarting the bus for {Queue} failed; trying again after {RestartAfter}", longest.Key, _options.RestartAfter);
        }
        // Timed again from now: the restarted bus gets the whole allowance to attach its consumers.
        _unattendedSince.Clear();
    }

    /// <summary>
    /// The durable queues among the bus's receive endpoints' input addresses, by name (the last
    /// segment of each address); the bus's own temporary queue is left out.
    /// </summary>
    internal static IReadOnlyList<string> ServiceQueues(IEnumerable<Uri?> inputAddresses) =>
    [
        .. inputAddresses
            .OfType<Uri>()
            .Where(address => !IsTemporary(address))
            .Select(address => Uri.UnescapeDataString(address.AbsolutePath.TrimEnd('/').Split('/')[^1]))
            .Where(name => name.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal),
    ];

    private static bool IsTemporary(Uri address) =>
        address.Query.Contains("temporary=true", StringComparison.OrdinalIgnoreCase)
        || address.Query.Contains("autodelete=true", StringComparison.OrdinalIgnoreCase)
        || address.Query.Contains("durable=false", StringComparison.OrdinalIgnoreCase);
}
