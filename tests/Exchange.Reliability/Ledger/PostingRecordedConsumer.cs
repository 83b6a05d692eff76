using Exchange.Messaging.Inbox;
using MassTransit;

namespace Exchange.Reliability.Ledger;

/// <summary>Applies each posting once, through the inbox; postings of other runs are not this run's to apply.</summary>
public sealed class PostingRecordedConsumer(LedgerDb db, LedgerRun run) : IdempotentConsumer<PostingRecorded, LedgerDb>(db)
{
    protected override Task HandleAsync(ConsumeContext<PostingRecorded> context)
    {
        if (context.Message.Run != run.Id) return Task.CompletedTask;
        Db.Applied.Add(new AppliedPosting { Id = Guid.NewGuid(), Index = context.Message.Index, MessageId = context.MessageId ?? Guid.Empty });
        return Task.CompletedTask;
    }
}
