using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Messaging.Inbox;

/// <summary>
/// Handles messages once: in one transaction, the messages not yet in <paramref name="consumer"/>'s
/// inbox are recorded there and applied, and both are committed together. Shared by the consumers
/// of one message and of a batch.
/// </summary>
internal static class InboxTransaction
{
    public static async Task HandleOnceAsync<TMessage>(
        DbContext db,
        string consumer,
        IReadOnlyList<ConsumeContext<TMessage>> messages,
        Func<IReadOnlyList<ConsumeContext<TMessage>>, Task> handle,
        CancellationToken cancellationToken)
        where TMessage : class
    {
        var ids = new List<Guid>(messages.Count);
        foreach (var message in messages)
        {
            ids.Add(message.MessageId
                ?? throw new MessageRejectedException($"{typeof(TMessage).Name} has no message id, which the inbox needs."));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var handled = await db.Set<InboxMessage>()
            .Where(m => m.Consumer == consumer && ids.Contains(m.MessageId))
            .Select(m => m.MessageId)
            .ToListAsync(cancellationToken);
        // A message may also come twice within one batch (a redelivery next to the original).
        var seen = handled.ToHashSet();
        var fresh = new List<ConsumeContext<TMessage>>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            if (seen.Add(ids[i])) fresh.Add(messages[i]);
        }
        if (fresh.Count == 0) return;

        try
        {
            var now = DateTime.UtcNow;
            var type = typeof(TMessage).FullName ?? typeof(TMessage).Name;
            foreach (var message in fresh)
            {
                db.Set<InboxMessage>().Add(new InboxMessage { Consumer = consumer, MessageId = message.MessageId!.Value, MessageType = type, ProcessedAt = now });
            }
            await handle(fresh);
            // A copy of a message handled concurrently fails here on the inbox key and rolls back;
            // its retry then finds the inbox row and does nothing.
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // The transaction rolls back; entities of the failed attempt must not ride along into a
            // retry that shares this DbContext.
            db.ChangeTracker.Clear();
            throw;
        }
    }
}
