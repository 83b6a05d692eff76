using Microsoft.EntityFrameworkCore;

namespace Exchange.Messaging.Outbox;

/// <summary>
/// Records integration events in a service's own database, inside the unit of work that changes its
/// state: the caller's <c>SaveChanges</c> (and transaction, if any) commits both or neither.
/// </summary>
public interface IEventOutbox
{
    /// <summary>
    /// Adds <paramref name="event"/> to <paramref name="db"/>'s change tracker as the next event of
    /// <paramref name="streamKey"/> (e.g. the project id). Nothing is written until the caller saves.
    /// The correlation id defaults to the current one from <see cref="Correlation.ICorrelationContext"/>.
    /// Two units of work that add to the same stream at the same time cannot both commit: the second
    /// <c>SaveChanges</c> fails with a <see cref="DbUpdateException"/> (unique stream and sequence), and
    /// the command should be retried.
    /// </summary>
    Task<OutboxMessage> AddAsync<TEvent>(DbContext db, string streamKey, TEvent @event, string? correlationId = null, CancellationToken cancellationToken = default)
        where TEvent : class;

    /// <summary>
    /// Adds several events at once, each as the next event of its stream, in the order given (a
    /// stream may appear more than once): like <see cref="AddAsync"/> per event, but the streams'
    /// last sequences are read in one query, which is what a unit of work that touches many streams
    /// (a fiscal-year rollover) wants.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> AddRangeAsync<TEvent>(DbContext db, IReadOnlyList<(string StreamKey, TEvent Event)> events, string? correlationId = null, CancellationToken cancellationToken = default)
        where TEvent : class;
}
