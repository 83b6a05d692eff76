using System.Collections.Concurrent;
using Exchange.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Messaging.Tests.Ledger;

/// <summary>
/// Adds credits to accounts a batch at a time, once per message however often it is delivered. A
/// negative amount is refused by throwing: the message that spoils its batch.
/// </summary>
public sealed class CreditAccountsBatchConsumer(LedgerDb db, ConsumedMessages consumed, CreditAccountsBatchConsumer.Batches batches)
    : IdempotentBatchConsumer<AccountCredited, LedgerDb>(db)
{
    protected override async Task HandleAsync(IReadOnlyList<ConsumeContext<AccountCredited>> messages)
    {
        batches.Sizes.Enqueue(messages.Count);
        var ids = messages.Select(m => m.Message.AccountId).Distinct().ToList();
        var accounts = await Db.Accounts.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        foreach (var message in messages)
        {
            consumed.Record(message);
            if (message.Message.Amount < 0) throw new InvalidOperationException($"credit {message.Message.Index} has a negative amount");
            // Other tests' messages of this type reach this queue too; they are not ours to apply.
            if (accounts.TryGetValue(message.Message.AccountId, out var account)) account.Balance += message.Message.Amount;
        }
    }

    /// <summary>How many fresh messages each call of the handler was given.</summary>
    public sealed class Batches
    {
        public ConcurrentQueue<int> Sizes { get; } = new();
    }
}
