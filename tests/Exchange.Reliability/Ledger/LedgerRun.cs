using System.Collections.Concurrent;
using MassTransit;

namespace Exchange.Reliability.Ledger;

/// <summary>
/// One run of the broker scenario: its id, and every delivery the consumer saw (copies included),
/// counted after the consumer returned, i.e. after its inbox transaction committed or found the copy.
/// </summary>
public sealed class LedgerRun : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> _deliveries = new();

    public Guid Id { get; } = Guid.NewGuid();

    public int Deliveries => _deliveries.Values.Sum();

    public int DistinctMessages => _deliveries.Count;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (context.Message is PostingRecorded posting && posting.Run == Id && context.MessageId is { } id)
            _deliveries.AddOrUpdate(id, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
}
