using MassTransit;

namespace Exchange.Messaging.Benchmark;

/// <summary>The baseline's consumer: takes the message and does nothing (no database, no inbox).</summary>
public sealed class TallyRecordedPlainConsumer : IConsumer<TallyRecorded>
{
    public Task Consume(ConsumeContext<TallyRecorded> context) => Task.CompletedTask;
}
