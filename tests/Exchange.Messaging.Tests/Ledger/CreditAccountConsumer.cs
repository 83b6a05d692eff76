using Exchange.Messaging.Inbox;
using MassTransit;

namespace Exchange.Messaging.Tests.Ledger;

/// <summary>Adds credits to an account, once per message however often it is delivered.</summary>
public sealed class CreditAccountConsumer(LedgerDb db, ConsumedMessages consumed) : IdempotentConsumer<AccountCredited, LedgerDb>(db)
{
    protected override async Task HandleAsync(ConsumeContext<AccountCredited> context)
    {
        consumed.Record(context);
        var account = await Db.Accounts.FindAsync([context.Message.AccountId], context.CancellationToken);
        // Other tests' messages of this type reach this queue too; they are not ours to apply.
        if (account is null) return;
        account.Balance += context.Message.Amount;
    }
}
