using Exchange.Rpc;

namespace Exchange.Cli.Demo;

/// <summary>
/// Retries a call while the service it reaches has not yet heard of what it is about: the Claims
/// and Surveys services learn projects, and Claims its drafts, from events, a moment after the fact.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(90);

    public static async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken, TimeSpan? patience = null)
    {
        var until = DateTime.UtcNow + (patience ?? DefaultPatience);
        while (true)
        {
            try
            {
                return await call();
            }
            catch (RpcException error) when (error.StatusCode is StatusCode.NotFound or StatusCode.FailedPrecondition or StatusCode.Unavailable && DateTime.UtcNow < until)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    /// <summary>Polls until <paramref name="find"/> answers something, or gives up with <paramref name="failure"/>.</summary>
    public static async Task<T> FindAsync<T>(Func<Task<T?>> find, Func<Exception> failure, CancellationToken cancellationToken, TimeSpan? patience = null) where T : class
    {
        var until = DateTime.UtcNow + (patience ?? DefaultPatience);
        while (true)
        {
            if (await find() is { } found) return found;
            if (DateTime.UtcNow >= until) throw failure();
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }
}
