using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Messaging.Inbox;

/// <summary>
/// Base for consumers that change a service's state: the message is recorded in the inbox in the
/// same transaction as the state change, so a redelivered or republished message (same message id)
/// is acknowledged without a second effect. Write every effect through <see cref="Db"/> (including
/// further events, via the outbox); calls to other systems are not covered.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext>(TContext db) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db => db;

    /// <summary>The inbox key of this consumer; two consumers of one message each handle it once.</summary>
    protected virtual string ConsumerName => GetType().FullName ?? GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new MessageRejectedException($"{typeof(TMessage).Name} has no message id, which the inbox needs.");
        var cancellationToken = context.CancellationToken;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var handled = await db.Set<InboxMessage>()
            .AnyAsync(m => m.Consumer == ConsumerName && m.MessageId == messageId, cancellationToken);
        if (handled) return;

        try
        {
            db.Set<InboxMessage>().Add(new InboxMessage
            {
                Consumer = ConsumerName,
                MessageId = messageId,
                MessageType = typeof(TMessage).FullName ?? typeof(TMessage).Name,
                ProcessedAt = DateTime.UtcNow,
            });
            await HandleAsync(context);
            // A copy of the message handled concurrently fails here on the inbox key and rolls back;
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

    /// <summary>Applies the message to <see cref="Db"/>; saved and committed together with the inbox row.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context);
}
