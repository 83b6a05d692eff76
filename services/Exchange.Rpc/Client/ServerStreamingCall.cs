using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace Exchange.Rpc.Client;

/// <summary>
/// A running server-streaming call. Messages are handed out as they arrive. Disposing the call
/// before the stream has ended cancels it: the HTTP/2 stream is reset and the server's handler
/// sees its cancellation token fire.
/// </summary>
public sealed class ServerStreamingCall<T> : IDisposable
    where T : class, IMessage<T>, new()
{
    private readonly ClientCall<T> _call;

    internal ServerStreamingCall(ClientCall<T> call)
    {
        _call = call;
        ResponseHeadersAsync = call.StartAsync();
        // The same failure is reported by ReadAllAsync; a caller who never looks at the headers
        // must not leave an unobserved exception behind.
        ResponseHeadersAsync.ContinueWith(static t => _ = t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// The response headers; fails with <see cref="RpcException"/> when the call ended before a
    /// response arrived (server unreachable, deadline already past, cancelled).
    /// </summary>
    public Task<Metadata> ResponseHeadersAsync { get; }

    /// <summary>
    /// The messages of the stream, each as soon as it has arrived. Throws
    /// <see cref="RpcException"/> when the call ends with a status other than OK; cancelling
    /// <paramref name="cancellationToken"/> cancels the call (CANCELLED).
    /// </summary>
    public async IAsyncEnumerable<T> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var registration = cancellationToken.Register(static call => ((ClientCall<T>)call!).Cancel(), _call);
        await ResponseHeadersAsync.ConfigureAwait(false);
        while (true)
        {
            var frame = await _call.ReadMessageAsync().ConfigureAwait(false);
            if (!frame.HasValue) break;
            yield return frame.Value;
        }
        var status = _call.Status!.Value;
        if (status.Code != StatusCode.OK) throw new RpcException(status, _call.Trailers);
    }

    /// <summary>The final status; available once the stream has ended.</summary>
    public Status GetStatus() =>
        _call.Status ?? throw new InvalidOperationException("The call is still running; read the stream to its end first.");

    /// <summary>The trailers; available once the stream has ended.</summary>
    public Metadata GetTrailers() =>
        _call.Status is not null ? _call.Trailers : throw new InvalidOperationException("The call is still running; read the stream to its end first.");

    public void Dispose() => _call.Dispose();
}
