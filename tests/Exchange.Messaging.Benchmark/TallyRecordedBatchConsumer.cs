using Exchange.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Messaging.Benchmark;

/// <summary>The consuming service's state change for a batch: the tallies of its streams, loaded and counted up together.</summary>
public sealed class TallyRecordedBatchConsumer(TallyDb db) : IdempotentBatchConsumer<TallyRecorded, TallyDb>(db)
{
    protected override async Task HandleAsync(IReadOnlyList<ConsumeContext<TallyRecorded>> messages)
    {
        var streams = messages.Select(m => m.Message.Stream).Distinct().ToList();
        var tallies = await Db.Tallies.Where(t => streams.Contains(t.Stream)).ToDictionaryAsync(t => t.Stream);
        foreach (var message in messages)
        {
            var stream = message.Message.Stream;
            if (!tallies.TryGetValue(stream, out var tally)) Db.Tallies.Add(tallies[stream] = tally = new Tally { Stream = stream });
            tally.Total++;
        }
    }
}
