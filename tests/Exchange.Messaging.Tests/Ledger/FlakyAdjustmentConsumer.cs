using Exchange.Messaging.Inbox;
using MassTransit;

namespace Exchange.Messaging.Tests.Ledger;

/// <summary>Changes the balance, then fails while the message is young: a retry must not apply it twice.</summary>
public sealed class FlakyAdjustmentConsumer(LedgerDb db, ConsumedMessages consumed) : IdempotentConsumer<AccountAdjusted, LedgerDb>(db)
{
    protected override async Task HandleAsync(ConsumeContext<AccountAdjusted> context)
    {
        consumed.Record(context);
        var account = await Db.Accounts.FindAsync([context.Message.AccountId], context.CancellationToken);
        if (account is null) return;
        account.Balance += context.Message.Amount;
        await Db.SaveChangesAsync(context.CancellationToken);
        if (context.GetRetryAttempt() < context.Message.FailingAttempts) throw new TimeoutException("database went away");
    }
}
