namespace Exchange.Rpc.Server;

/// <summary>Sends the messages of a server-streaming call, each flushed to the caller at once.</summary>
public interface IServerStreamWriter<in T>
{
    Task WriteAsync(T message, CancellationToken cancellationToken = default);
}
