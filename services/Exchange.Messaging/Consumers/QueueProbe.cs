using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Exchange.Messaging.Consumers;

/// <summary>Messages ready in a queue and consumers attached to it, as the broker counts them.</summary>
public readonly record struct QueueState(uint Messages, uint Consumers);

/// <summary>
/// Reads queue counts from the broker with passive declarations, on a connection of its own (not
/// the bus's, which may be the one in trouble). The connection is opened on first use and opened
/// anew after a failure.
/// </summary>
public sealed class QueueProbe(MessagingSettings settings) : IAsyncDisposable
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private IConnection? _connection;

    /// <summary>
    /// The state of each of <paramref name="queues"/> that exists; throws when the broker cannot be
    /// reached.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, QueueState>> ReadAsync(IReadOnlyList<string> queues, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var connection = await ConnectAsync(cancellationToken);
            var states = new Dictionary<string, QueueState>(StringComparer.Ordinal);
            IChannel? channel = null;
            try
            {
                foreach (var queue in queues)
                {
                    channel ??= await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                    try
                    {
                        var ok = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
                        states[queue] = new QueueState(ok.MessageCount, ok.ConsumerCount);
                    }
                    catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode is 404 or 405)
                    {
                        // Not there (yet) or exclusive to another connection: nothing to count. The
                        // broker closed the channel for it.
                        await channel.DisposeAsync();
                        channel = null;
                    }
                }
            }
            catch
            {
                await DropConnectionAsync();
                throw;
            }
            finally
            {
                if (channel is not null) await channel.DisposeAsync();
            }
            return states;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true }) return _connection;
        await DropConnectionAsync();
        var factory = new ConnectionFactory
        {
            HostName = settings.Host,
            Port = settings.Port,
            VirtualHost = settings.VirtualHost,
            UserName = settings.User,
            Password = settings.Password,
            // Opened anew by the next look rather than recovered in the background.
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
        };
        _connection = await factory.CreateConnectionAsync("consumer-watch", cancellationToken);
        return _connection;
    }

    private async Task DropConnectionAsync()
    {
        var connection = _connection;
        _connection = null;
        if (connection is null) return;
        try
        {
            await connection.DisposeAsync();
        }
        catch (Exception)
        {
            // A connection that already failed has nothing left to close.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DropConnectionAsync();
        _oneAtATime.Dispose();
    }
}
