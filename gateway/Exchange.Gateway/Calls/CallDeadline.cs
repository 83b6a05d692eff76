namespace Exchange.Gateway.Calls;

/// <summary>
/// The gateway's own deadline of a unary call: cancels the call's token (and so the forwarded
/// request) when the caller goes away or the deadline passes; <see cref="Passed"/> tells which.
/// </summary>
public sealed class CallDeadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenSource _linked;

    public CallDeadline(CancellationToken callerGone, TimeSpan cutAfter, TimeSpan timeout)
    {
        Timeout = timeout;
        _timer = new CancellationTokenSource(cutAfter);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(callerGone, _timer.Token);
    }

    /// <summary>The deadline the call was given (what callers are told).</summary>
    public TimeSpan Timeout { get; }

    public CancellationToken Token => _linked.Token;

    public bool Passed => _timer.IsCancellationRequested;

    public void Dispose()
    {
        _linked.Dispose();
        _timer.Dispose();
    }
}
