using MassTransit;

namespace Exchange.Messaging.Tests.Ledger;

/// <summary>Always fails: with a transient-looking error, or rejecting the message outright.</summary>
public sealed class AlarmConsumer(ConsumedMessages consumed) : IConsumer<LedgerAlarmRaised>
{
    public Task Consume(ConsumeContext<LedgerAlarmRaised> context)
    {
        consumed.Record(context);
        if (context.Message.Rejected) throw new MessageRejectedException("alarm rejected");
        throw new InvalidOperationException("alarm consumer is broken");
    }
}
