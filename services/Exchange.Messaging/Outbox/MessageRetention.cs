using Exchange.Messaging.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Exchange.Messaging.Outbox;

/// <summary>
/// Keeps the outbox and inbox tables from growing for ever: deletes dispatched events and inbox
/// records older than their retention. Undispatched events are never touched, and each stream keeps
/// its last event, because the next event's sequence number continues from it.
/// </summary>
public sealed class MessageRetention<TContext>(
    IServiceScopeFactory scopes,
    IOptions<RetentionOptions> options,
    TimeProvider clock,
    ILogger<MessageRetention<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private readonly RetentionOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.Interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await PurgeAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // Nothing depends on the purge; the next round tries again.
                    logger.LogWarning(ex, "Purging handled messages failed; next try in {Interval}", _options.Interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One purge round: the numbers of outbox events and inbox records deleted.</summary>
    public async Task<(int Events, int InboxRecords)> PurgeAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow().UtcDateTime;

        var eventsBefore = now - _options.DispatchedEvents;
        var outbox = db.Set<OutboxMessage>();
        var events = await outbox
            .Where(m => m.DispatchedAt != null && m.DispatchedAt < eventsBefore)
            .Where(m => outbox.Any(later => later.StreamKey == m.StreamKey && later.Sequence > m.Sequence))
            .ExecuteDeleteAsync(cancellationToken);

        var handledBefore = now - _options.HandledMessages;
        var inbox = await db.Set<InboxMessage>()
            .Where(m => m.ProcessedAt < handledBefore)
            .ExecuteDeleteAsync(cancellationToken);

        if (events + inbox > 0)
        {
            logger.LogInformation("Purged {Events} dispatched events and {InboxRecords} inbox records", events, inbox);
        }
        return (events, inbox);
    }
}
