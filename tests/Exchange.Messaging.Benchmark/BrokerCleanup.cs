using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Exchange.Messaging.Benchmark;

/// <summary>
/// Removes a run's durable consumer queue and its exchanges: left behind, it would go on receiving
/// (and keeping) every later run's events.
/// </summary>
public static class BrokerCleanup
{
    /// <summary>The queues of <paramref name="consumerName"/>'s consumers (single messages, batches, the baseline's), whichever the run used.</summary>
    public static async Task DeleteEndpointsAsync(string rabbitMq, string consumerName)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(rabbitMq) }.CreateConnectionAsync();
        foreach (var name in new[] { $"{consumerName}-tally-recorded", $"{consumerName}-tally-recorded-batch", $"{consumerName}-tally-recorded-plain" })
        foreach (var entity in new[] { name, name + "_error", name + "_skipped" })
        {
            await IgnoreMissing(connection, channel => channel.QueueDeleteAsync(entity));
            await IgnoreMissing(connection, channel => channel.ExchangeDeleteAsync(entity));
        }
    }

    private static async Task IgnoreMissing(IConnection connection, Func<IChannel, Task> delete)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await delete(channel);
        }
        catch (OperationInterruptedException)
        {
            // Not there: nothing to remove.
        }
    }
}
