using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Exchange.Messaging.Benchmark;

/// <summary>
/// The broker's own ceiling on this machine: RabbitMQ.Client alone, without MassTransit, a database,
/// an outbox or an inbox. The same guarantees as every other load (a durable queue, persistent
/// messages, each publish awaiting its confirmation, each delivery acknowledged by the consumer),
/// with the client used as economically as it allows: one channel publishes with
/// <paramref name="publishConcurrency"/> confirmations outstanding, the consumer prefetches and
/// acknowledges every message on its own. Messages are as large as MassTransit's envelope of the
/// same event. Latency from publish to delivery.
/// </summary>
public sealed class RawBrokerRun(string rabbitMq, int publishConcurrency)
{
    /// <summary>About the size of MassTransit's JSON envelope of a TallyRecorded.</summary>
    private const int MessageBytes = 900;

    private const ushort Prefetch = 1000;

    public async Task<RunFigures> RunAsync(int events)
    {
        var queue = $"bench-raw-{Guid.NewGuid():N}"[..18];
        var factory = new ConnectionFactory { Uri = new Uri(rabbitMq) };
        await using var publishing = await factory.CreateConnectionAsync("bench-raw-publisher");
        await using var consuming = await factory.CreateConnectionAsync("bench-raw-consumer");
        await using var setup = await consuming.CreateChannelAsync();
        await setup.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        try
        {
            var recorder = new LatencyRecorder(events);
            await using var consumerChannel = await consuming.CreateChannelAsync();
            await consumerChannel.BasicQosAsync(0, Prefetch, false);
            var consumer = new AsyncEventingBasicConsumer(consumerChannel);
            consumer.ReceivedAsync += async (_, delivery) =>
            {
                recorder.MarkConsumed(BitConverter.ToInt32(delivery.Body.Span));
                await consumerChannel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            };
            await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);

            // No rate limiter: the publishing tasks themselves keep publishConcurrency confirmations outstanding.
            var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true, outstandingPublisherConfirmationsRateLimiter: null);
            await using var publisher = await publishing.CreateChannelAsync(options);
            var properties = new BasicProperties { Persistent = true, ContentType = "application/vnd.masstransit+json" };
            return await recorder.PublishConcurrentlyAsync(publishConcurrency, async index =>
            {
                var body = new byte[MessageBytes];
                BitConverter.TryWriteBytes(body, index);
                await publisher.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, body);
            });
        }
        finally
        {
            await setup.QueueDeleteAsync(queue);
        }
    }
}
