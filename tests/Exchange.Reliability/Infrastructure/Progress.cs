using System.Diagnostics;

namespace Exchange.Reliability.Infrastructure;

/// <summary>Waits for a count to reach a goal, failing only when it stops moving for <paramref name="stall"/>.</summary>
public static class Progress
{
    public static async Task<long> UntilAsync(Func<Task<long>> count, long goal, TimeSpan stall, string what)
    {
        var last = -1L;
        var movedAt = Stopwatch.GetTimestamp();
        while (true)
        {
            var now = await count();
            if (now >= goal) return now;
            if (now != last)
            {
                last = now;
                movedAt = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(movedAt) > stall)
            {
                return now;
            }
            await Task.Delay(200);
        }
    }

    public static async Task UntilTrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            if (Stopwatch.GetElapsedTime(started) > timeout) throw new TimeoutException($"{what} did not happen within {timeout}");
            await Task.Delay(200);
        }
    }

    /// <summary>Reads until <paramref name="condition"/> holds, for at most <paramref name="timeout"/> (60 s): for what arrives by events on a busy machine.</summary>
    public static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var started = Stopwatch.GetTimestamp();
        while (true)
        {
            var value = await read();
            if (condition(value)) return value;
            if (Stopwatch.GetElapsedTime(started) > (timeout ?? TimeSpan.FromSeconds(60))) throw new TimeoutException($"{what}: not within {timeout ?? TimeSpan.FromSeconds(60)}");
            await Task.Delay(100);
        }
    }
}
