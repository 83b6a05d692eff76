using Exchange.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Messaging.CatchUp;

/// <summary>
/// Asks another service, once in this service's life, for its current state: RabbitMQ drops what
/// was published before this service's queues were bound, so a service that starts after the
/// publisher (on a new broker, added to a running platform) would never learn it. At start, when
/// the <see cref="CatchUpRequest"/> row says the service has never been answered, the request event
/// goes out through the outbox, which publishes nothing before this service's queues are bound:
/// the answer cannot be lost. Until the answer's consumer records it
/// (<see cref="CatchUpRequests.AnsweredAsync"/>), the request is repeated with the same id every
/// <see cref="CatchUpOptions.RetryInterval"/>, because it is itself lost when the answering
/// service's queue does not exist yet (it never started, or its queue was deleted). Answered, the
/// service never asks again, unless an operator sets a new <see cref="CatchUpOptions.Resync"/>.
/// </summary>
public sealed class CatchUpRequester<TContext>(
    string name,
    Func<Guid, DateTimeOffset, object> request,
    IServiceScopeFactory scopes,
    IEventOutbox outbox,
    IOptions<CatchUpOptions> options,
    TimeProvider clock,
    ILogger<CatchUpRequester<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly CatchUpOptions _options = options.Value;

    /// <summary>The outbox stream of the requests: one per catch-up.</summary>
    public string StreamKey => "catch-up/" + name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await AskUnlessAnsweredAsync(stoppingToken)) return;
            }
            catch (DbUpdateException ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Another instance of the service wrote the row at the same time: look again soon.
                logger.LogDebug(ex, "Catch-up {CatchUp} was recorded by another instance meanwhile", name);
                await PauseAsync(TimeSpan.FromMilliseconds(200), stoppingToken);
                continue;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Catch-up {CatchUp} failed; trying again in {Interval}", name, _options.RetryInterval);
            }
            await PauseAsync(_options.RetryInterval, stoppingToken);
        }
    }

    /// <summary>One round: true once the request is answered, else it (re)sends the request and returns false.</summary>
    internal async Task<bool> AskUnlessAnsweredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow();
        var resync = _options.Resync.Trim();

        var row = await db.Set<CatchUpRequest>().FirstOrDefaultAsync(r => r.Name == name, cancellationToken);
        if (row is null)
        {
            row = new CatchUpRequest { Name = name, RequestId = Guid.CreateVersion7(now), Resync = resync, FirstRequestedAt = now.UtcDateTime };
            db.Set<CatchUpRequest>().Add(row);
        }
        else if (resync.Length > 0 && resync != row.Resync)
        {
            logger.LogInformation("Catch-up {CatchUp}: resync '{Resync}' asked for, asking again", name, resync);
            row.RequestId = Guid.CreateVersion7(now);
            row.Resync = resync;
            row.Attempts = 0;
            row.FirstRequestedAt = now.UtcDateTime;
            row.AnsweredAt = null;
        }
        else if (row.AnsweredAt is not null)
        {
            return true;
        }

        row.Attempts++;
        row.LastRequestedAt = now.UtcDateTime;
        await outbox.AddAsync(db, StreamKey, request(row.RequestId, now), cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Catch-up {CatchUp}: request {RequestId} sent (attempt {Attempt})", name, row.RequestId, row.Attempts);
        return false;
    }

    private static async Task PauseAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
