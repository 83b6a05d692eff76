using Exchange.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Messaging.Benchmark;

/// <summary>The consuming service's state change: its copy of the tally, once per event (inbox).</summary>
public sealed class TallyRecordedConsumer(TallyDb db) : IdempotentConsumer<TallyRecorded, TallyDb>(db)
{
    protected override async Task HandleAsync(ConsumeContext<TallyRecorded> context)
    {
        var stream = context.Message.Stream;
        var changed = await Db.Tallies.Where(t => t.Stream == stream)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.Total, t => t.Total + 1), context.CancellationToken);
        if (changed == 0) Db.Tallies.Add(new Tally { Stream = stream, Total = 1 });
    }
}
