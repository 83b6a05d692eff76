namespace Exchange.Messaging.Outbox;

/// <summary>
/// Told of the events of a dispatch round that the broker confirmed, just before their rows are
/// marked dispatched. None is registered in production; fault-injection tests register one to stop
/// a process at exactly this point (published, not yet marked), which must only cause duplicates.
/// </summary>
public interface IOutboxDispatchObserver
{
    void Confirmed(IReadOnlyList<OutboxMessage> messages);
}
