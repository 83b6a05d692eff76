using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Exchange.Messaging.Tests.Infrastructure;

/// <summary>Looks into the test broker's queues directly, the way an operator would.</summary>
public static class BrokerQueues
{
    public static async Task<BasicGetResult?> TryGetAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = TestServers.RabbitMq }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return await channel.BasicGetAsync(queue, autoAck: true);
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="queue"/> is a quorum queue, as the broker itself decides: RabbitMQ
    /// accepts a re-declaration only with the queue's own <c>x-queue-type</c> and refuses any other
    /// with 406 PRECONDITION_FAILED. Null when the queue does not exist.
    /// </summary>
    public static async Task<bool?> IsQuorumQueueAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = TestServers.RabbitMq }.CreateConnectionAsync();
        await using (var probe = await connection.CreateChannelAsync())
        {
            try
            {
                await probe.QueueDeclarePassiveAsync(queue);
            }
            catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
            {
                return null;
            }
        }
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
            return true;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 406)
        {
            return false;
        }
    }

    /// <summary>
    /// Removes a durable receive endpoint a test declared: its queue and exchange, and the error and
    /// skipped queues and exchanges MassTransit may have added beside them.
    /// </summary>
    public static async Task DeleteEndpointAsync(string name)
    {
        await using var connection = await new ConnectionFactory { Uri = TestServers.RabbitMq }.CreateConnectionAsync();
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
