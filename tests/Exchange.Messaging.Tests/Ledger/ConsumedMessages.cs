using System.Collections.Concurrent;
using Exchange.Messaging.Correlation;
using Exchange.Messaging.Outbox;
using MassTransit;

namespace Exchange.Messaging.Tests.Ledger;

/// <summary>What the test consumers saw, in the order they saw it.</summary>
public sealed class ConsumedMessages(ICorrelationContext correlation)
{
    private readonly ConcurrentQueue<Consumed> _all = new();

    public IReadOnlyList<Consumed> All => _all.ToArray();

    public void Record<T>(ConsumeContext<T> context)
        where T : class =>
        _all.Enqueue(new Consumed(
            context.MessageId,
            context.Message,
            context.Headers.Get<string>(OutboxHeaders.StreamKey),
            context.Headers.Get<long>(OutboxHeaders.Sequence),
            correlation.CorrelationId,
            context.GetRetryAttempt()));

    public sealed record Consumed(Guid? MessageId, object Message, string? StreamKey, long? Sequence, string? CorrelationId, int RetryAttempt);
}
