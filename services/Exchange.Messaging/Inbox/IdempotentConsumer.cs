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

    public Task Consume(ConsumeContext<TMessage> context) =>
        InboxTransaction.HandleOnceAsync(db, ConsumerName, [context], fresh => HandleAsync(fresh[0]), context.CancellationToken);

    /// <summary>Applies the message to <see cref="Db"/>; saved and committed together with the inbox row.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context);
}
