using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Exchange.Projects.Tests.Infrastructure;

/// <summary>Direct access to the test broker's queues, for what no bus consumer should see: error queues, cleanup.</summary>
public static class Broker
{
    /// <summary>
    /// Takes messages off <paramref name="queue"/> until the one with <paramref name="messageId"/>
    /// arrives, and returns its headers; other messages are dropped. MassTransit declares an error
    /// queue when the first message fails, so a missing queue is waited for like a missing message.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> TakeMessage(string queue, Guid messageId, TimeSpan timeout)
    {
        await using var connection = await Factory().CreateConnectionAsync();
        var deadline = DateTime.UtcNow + timeout;
        do
        {
            try
            {
                await using var channel = await connection.CreateChannelAsync();
                while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
                {
                    if (delivery.BasicProperties.MessageId == messageId.ToString()) return Headers(delivery.BasicProperties);
                }
            }
            catch (OperationInterruptedException)
            {
                // The queue does not exist yet.
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"message {messageId} did not reach queue {queue} within {timeout}");
    }

    /// <summary>Deletes a receive endpoint's queues and exchanges (with its _error and _skipped ones), if they exist.</summary>
    public static async Task DeleteEndpoint(string name)
    {
        await using var connection = await Factory().CreateConnectionAsync();
        foreach (var queue in new[] { name, $"{name}_error", $"{name}_skipped" })
        {
            await Ignoring404(connection, channel => channel.QueueDeleteAsync(queue));
            await Ignoring404(connection, channel => channel.ExchangeDeleteAsync(queue));
        }
    }

    private static async Task Ignoring404(IConnection connection, Func<IChannel, Task> operation)
    {
        try
        {
            await using var channel = await connection.CreateChannelAsync();
            await operation(channel);
        }
        catch (OperationInterruptedException)
        {
            // Not there: nothing to delete.
        }
    }

    private static Dictionary<string, string> Headers(IReadOnlyBasicProperties properties) =>
        (properties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
            h => h.Key,
            h => h.Value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : Convert.ToString(h.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");

    private static ConnectionFactory Factory() => new() { Uri = new Uri(TestServers.RabbitMq) };
}
