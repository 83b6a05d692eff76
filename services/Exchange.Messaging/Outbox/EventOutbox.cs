using System.Runtime.CompilerServices;
using System.Text.Json;
using Exchange.Messaging.Correlation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Exchange.Messaging.Outbox;

public sealed class EventOutbox(ICorrelationContext correlation, TimeProvider clock) : IEventOutbox
{
    public async Task<OutboxMessage> AddAsync<TEvent>(DbContext db, string streamKey, TEvent @event, string? correlationId = null, CancellationToken cancellationToken = default)
        where TEvent : class =>
        (await AddRangeAsync(db, [(streamKey, @event)], correlationId, cancellationToken))[0];

    public async Task<IReadOnlyList<OutboxMessage>> AddRangeAsync<TEvent>(DbContext db, IReadOnlyList<(string StreamKey, TEvent Event)> events, string? correlationId = null, CancellationToken cancellationToken = default)
        where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var (streamKey, @event) in events)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(streamKey, nameof(events));
            ArgumentNullException.ThrowIfNull(@event, nameof(events));
            if (string.IsNullOrEmpty(@event.GetType().Namespace))
            {
                throw new ArgumentException($"Event type {@event.GetType().Name} has no namespace; MassTransit routes messages by namespace and name.", nameof(events));
            }
        }

        correlationId ??= correlation.CorrelationId ?? CorrelationHeaders.NewId();
        var headers = OutboxJson.SerializeHeaders(new Dictionary<string, string> { [CorrelationHeaders.Name] = correlationId });
        var last = await LastSequencesAsync(db, events.Select(e => e.StreamKey).Distinct().ToList(), cancellationToken);
        var added = new List<OutboxMessage>(events.Count);
        foreach (var (streamKey, @event) in events)
        {
            var type = @event.GetType();
            var message = new OutboxMessage
            {
                Id = NewMessageId(),
                StreamKey = streamKey,
                Sequence = last[streamKey] = last[streamKey] + 1,
                MessageType = MessageTypeName.Of(type),
                Body = JsonSerializer.Serialize(@event, type, OutboxJson.Options),
                Headers = headers,
                CorrelationId = correlationId,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Set<OutboxMessage>().Add(message);
            added.Add(message);
        }
        return added;
    }

    /// <summary>
    /// Per stream, the last number among its committed events and any of its events already added in
    /// this unit of work (0 for a new stream). A concurrent writer that read the same last number
    /// collides on the unique (stream, sequence) index, so sequences never repeat and never leave a gap.
    /// </summary>
    private static async Task<Dictionary<string, long>> LastSequencesAsync(DbContext db, List<string> streamKeys, CancellationToken cancellationToken)
    {
        var last = streamKeys.ToDictionary(key => key, _ => 0L);
        var pending = db.ChangeTracker.Entries<OutboxMessage>()
            .Where(e => e.State == EntityState.Added && last.ContainsKey(e.Entity.StreamKey))
            .GroupBy(e => e.Entity.StreamKey)
            .ToDictionary(g => g.Key, g => g.Max(e => e.Entity.Sequence));
        var unread = streamKeys.Where(key => !pending.ContainsKey(key)).ToList();
        if (unread.Count > 0 && db.Database.IsNpgsql())
        {
            foreach (var stream in await db.Database.SqlQueryRaw<StreamLast>(LastSequencesSql(db), [(object)unread.ToArray()]).ToListAsync(cancellationToken))
            {
                if (stream.Last is { } sequence) last[stream.StreamKey] = sequence;
            }
        }
        else if (unread.Count > 0)
        {
            var committed = await db.Set<OutboxMessage>()
                .Where(m => unread.Contains(m.StreamKey))
                .GroupBy(m => m.StreamKey)
                .Select(g => new { StreamKey = g.Key, Last = g.Max(m => m.Sequence) })
                .ToListAsync(cancellationToken);
            foreach (var stream in committed) last[stream.StreamKey] = stream.Last;
        }
        foreach (var (key, sequence) in pending) last[key] = sequence;
        return last;
    }

    /// <summary>
    /// PostgreSQL: one backward probe per stream of the (stream, sequence) index. A GROUP BY over the
    /// streams reads every event each of them keeps in the outbox (seven days by default), about four
    /// times the cost at fifty events a stream and growing with them.
    /// </summary>
    /// <remarks>The one parameter, {0}, is the array of stream keys. Built once per model.</remarks>
    private static string LastSequencesSql(DbContext db) => LastSequencesSqlByModel.GetValue(db.Model, _ => BuildLastSequencesSql(db));

    private static readonly ConditionalWeakTable<IModel, string> LastSequencesSqlByModel = [];

    private static string BuildLastSequencesSql(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(OutboxMessage)) ?? throw new InvalidOperationException("The outbox is not in this context's model (AddOutboxAndInbox).");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        return $"SELECT k AS {sql.DelimitIdentifier(nameof(StreamLast.StreamKey))}, " +
            $"(SELECT max({Column(nameof(OutboxMessage.Sequence))}) FROM {sql.DelimitIdentifier(table.Name, table.Schema)} WHERE {Column(nameof(OutboxMessage.StreamKey))} = k) AS {sql.DelimitIdentifier(nameof(StreamLast.Last))} " +
            "FROM unnest({0}) AS k";
    }

    private sealed class StreamLast
    {
        public string StreamKey { get; set; } = "";

        public long? Last { get; set; }
    }

    /// <summary>Version 7 ids sort by creation time, which keeps the primary key index append-mostly.</summary>
    private Guid NewMessageId() => Guid.CreateVersion7(clock.GetUtcNow());
}
