using System.Text.Json;
using Exchange.Messaging.Correlation;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Messaging.Outbox;

public sealed class EventOutbox(ICorrelationContext correlation, TimeProvider clock) : IEventOutbox
{
    public async Task<OutboxMessage> AddAsync<TEvent>(DbContext db, string streamKey, TEvent @event, string? correlationId = null, CancellationToken cancellationToken = default)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(streamKey);
        ArgumentNullException.ThrowIfNull(@event);

        var type = @event.GetType();
        if (string.IsNullOrEmpty(type.Namespace))
        {
            throw new ArgumentException($"Event type {type.Name} has no namespace; MassTransit routes messages by namespace and name.", nameof(@event));
        }

        correlationId ??= correlation.CorrelationId ?? CorrelationHeaders.NewId();
        var message = new OutboxMessage
        {
            Id = NewMessageId(),
            StreamKey = streamKey,
            Sequence = await NextSequenceAsync(db, streamKey, cancellationToken),
            MessageType = MessageTypeName.Of(type),
            Body = JsonSerializer.Serialize(@event, type, OutboxJson.Options),
            Headers = OutboxJson.SerializeHeaders(new Dictionary<string, string> { [CorrelationHeaders.Name] = correlationId }),
            CorrelationId = correlationId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Set<OutboxMessage>().Add(message);
        return message;
    }

    /// <summary>
    /// The next number after the stream's last committed event and any event of the stream already
    /// added in this unit of work. A concurrent writer that read the same last number collides on the
    /// unique (stream, sequence) index, so sequences never repeat and never leave a gap.
    /// </summary>
    private static async Task<long> NextSequenceAsync(DbContext db, string streamKey, CancellationToken cancellationToken)
    {
        var pending = db.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.State == EntityState.Added && e.Entity.StreamKey == streamKey)
            .Select(e => (long?)e.Entity.Sequence)
            .Max();
        if (pending is { } last) return last + 1;

        var committed = await db.Set<OutboxMessage>()
            .Where(m => m.StreamKey == streamKey)
            .MaxAsync(m => (long?)m.Sequence, cancellationToken);
        return (committed ?? 0) + 1;
    }

    /// <summary>Version 7 ids sort by creation time, which keeps the primary key index append-mostly.</summary>
    private Guid NewMessageId() => Guid.CreateVersion7(clock.GetUtcNow());
}
