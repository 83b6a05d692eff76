namespace Exchange.Gateway.Calls;

/// <summary>
/// The gateway's own deadline of a unary call: cancels the call's token (and so the forwarded
/// request) when the caller goes away or the deadline passes; <see cref="Passed"/> tells which.
/// </summary>
public sealed class CallDeadline : IDisposable
{
    private readonly CancellationToken _callerGone;
    private readonly CancellationTokenSource _cut;

    public CallDeadline(CancellationToken callerGone, TimeSpan cutAfter, TimeSpan timeout)
    {
        Timeout = timeout;
        _callerGone = callerGone;
        _cut = CancellationTokenSource.CreateLinkedTokenSource(callerGone);
        _cut.CancelAfter(cutAfter);
    }

    /// <summary>The deadline the call was given (what callers are told).</summary>
    public TimeSpan Timeout { get; }

    public CancellationToken Token => _cut.Token;

    public bool Passed => _cut.IsCancellationRequested && !_callerGone.IsCancellationRequested;

    public void Dispose() => _cut.Dispose();
}
