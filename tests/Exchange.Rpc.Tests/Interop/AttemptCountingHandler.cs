namespace Exchange.Rpc.Tests.Interop;

/// <summary>
/// Counts the HTTP requests a channel sends through a real transport, so that retries against a
/// real server can be counted; <paramref name="beforeAttempt"/> may act before an attempt goes out.
/// </summary>
public sealed class AttemptCountingHandler(Func<int, Task>? beforeAttempt = null) : DelegatingHandler(new SocketsHttpHandler
{
    ConnectTimeout = TimeSpan.FromSeconds(10),
    UseProxy = false,
})
{
    private int _attempts;

    public int Attempts => Volatile.Read(ref _attempts);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        if (beforeAttempt is not null) await beforeAttempt(attempt);
        return await base.SendAsync(request, cancellationToken);
    }
}
