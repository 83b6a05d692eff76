using System.Runtime.ExceptionServices;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Messaging.Inbox;

/// <summary>
/// Like <see cref="IdempotentConsumer{TMessage,TContext}"/>, for a batch of messages taken from the
/// queue together (register with <see cref="MessagingServiceCollectionExtensions.AddBatchConsumer{TConsumer}"/>):
/// one transaction records the batch in the inbox and applies it, which costs about what one
/// message costs alone. For consumers whose messages come in bulk (a fiscal-year rollover touches
/// every project).
/// <para>
/// When a batch fails, its messages are tried again one by one, each in its own transaction, so a
/// message that cannot be handled does not hold back the others. If one still fails, the batch fails
/// and MassTransit retries it, then moves it to the error queue; its messages that were handled are
/// in the inbox by then, so a retry or a move back from the error queue does not apply them twice.
/// </para>
/// </summary>
public abstract class IdempotentBatchConsumer<TMessage, TContext>(TContext db) : IConsumer<Batch<TMessage>>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db => db;

    /// <summary>The inbox key of this consumer, as for a consumer of single messages.</summary>
    protected virtual string ConsumerName => GetType().FullName ?? GetType().Name;

    public async Task Consume(ConsumeContext<Batch<TMessage>> context)
    {
        var messages = context.Message.ToList();
        var cancellationToken = context.CancellationToken;
        try
        {
            await InboxTransaction.HandleOnceAsync(db, ConsumerName, messages, HandleAsync, cancellationToken);
        }
        catch (Exception) when (messages.Count > 1 && !cancellationToken.IsCancellationRequested)
        {
            List<Exception>? failures = null;
            foreach (var message in messages)
            {
                try
                {
                    await InboxTransaction.HandleOnceAsync(db, ConsumerName, [message], HandleAsync, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    (failures ??= []).Add(ex);
                }
            }
            // Retried, then to the error queue, as a batch: those handled meanwhile are in the inbox.
            if (failures is [var only]) ExceptionDispatchInfo.Throw(only);
            if (failures is not null) throw new AggregateException($"{failures.Count} of {messages.Count} messages of the batch failed", failures);
        }
    }

    /// <summary>
    /// Applies <paramref name="messages"/> (those of the batch not handled before, in the order they
    /// arrived) to <see cref="Db"/>; saved and committed together with their inbox rows. Change
    /// tracked entities rather than run a statement per message, and the batch costs one round trip.
    /// </summary>
    protected abstract Task HandleAsync(IReadOnlyList<ConsumeContext<TMessage>> messages);
}
