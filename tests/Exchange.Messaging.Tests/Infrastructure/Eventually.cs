namespace Exchange.Messaging.Tests.Infrastructure;

/// <summary>Polls a condition until it holds; the timeout is for liveness only, not a speed check.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out waiting for {what}; last value: {value}");
            await Task.Delay(50);
        }
    }

    public static Task True(Func<Task<bool>> condition, string what, TimeSpan? timeout = null) =>
        Get(condition, value => value, what, timeout);
}
