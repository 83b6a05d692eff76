using Exchange.Contracts.Claims;
using Exchange.Messaging.Outbox;

namespace Exchange.Claims.Faults;

/// <summary>Told of each dispatch round's confirmed events before they are marked: the after-dispatch fault point, for ClaimPaid events.</summary>
public sealed class ClaimPaidDispatchFault(PaymentFaults faults) : IOutboxDispatchObserver
{
    private static readonly string ClaimPaidType = typeof(ClaimPaid).FullName!;

    public void Confirmed(IReadOnlyList<OutboxMessage> messages)
    {
        if (messages.Any(m => m.MessageType.StartsWith(ClaimPaidType + ",", StringComparison.Ordinal))) faults.Reach(PaymentFaults.AfterDispatch);
    }
}
