using MassTransit;

namespace Exchange.Messaging.Tests.Ledger;

/// <summary>Records every delivery, copies included: what a consumer without an inbox would see.</summary>
public sealed class CreditRecorder(ConsumedMessages consumed) : IConsumer<AccountCredited>
{
    public Task Consume(ConsumeContext<AccountCredited> context)
    {
        consumed.Record(context);
        return Task.CompletedTask;
    }
}
