using MassTransit;
using Microsoft.Extensions.Logging;

namespace Exchange.Messaging.Outbox;

/// <summary>
/// Stops and starts the service's bus, which gives it a new broker connection, new channels and empty
/// send and publish endpoint caches. The outbox dispatcher calls it when publishing is stuck on a
/// connection the broker still answers (see <see cref="OutboxOptions.StalledPublishRestart"/>). One
/// restart at a time per process, and none again within <c>notWithin</c> of the last, so several
/// outboxes sharing the bus do not restart it one after the other.
/// </summary>
public sealed class BusRestarter(IBusControl bus, TimeProvider clock, ILogger<BusRestarter> logger)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private DateTimeOffset? _lastRestart;
    private int _restarts;

    /// <summary>How many times this process restarted its bus.</summary>
    public int Restarts => Volatile.Read(ref _restarts);

    /// <summary>
    /// Restarts the bus unless it was restarted within <paramref name="notWithin"/>; stopping and
    /// starting each get <paramref name="timeLimit"/> (a stop waiting on a publish that never
    /// completes is abandoned). Returns whether this call restarted it.
    /// </summary>
    public async Task<bool> RestartAsync(string reason, TimeSpan notWithin, TimeSpan timeLimit, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            if (_lastRestart is { } last && clock.GetUtcNow() - last < notWithin) return false;
            logger.LogWarning("Restarting the bus: {Reason}", reason);
            using (var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                stopping.CancelAfter(timeLimit);
                try
                {
                    await bus.StopAsync(stopping.Token);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    // What did not stop in time belongs to the connection being replaced.
                    logger.LogWarning(ex, "The bus did not stop cleanly within {TimeLimit}; starting it anyway", timeLimit);
                }
            }
            using (var starting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                starting.CancelAfter(timeLimit);
                await bus.StartAsync(starting.Token);
            }
            _lastRestart = clock.GetUtcNow();
            Interlocked.Increment(ref _restarts);
            logger.LogWarning("Bus restarted");
            return true;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
