namespace Exchange.Testing;

public static class Eventually
{
    /// <summary>Reads until <paramref name="condition"/> holds, for at most 20 s: for what arrives by events.</summary>
    public static async Task<T> Poll<T>(Func<Task<T>> read, Func<T, bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            var value = await read();
            if (condition(value)) return value;
            await Task.Delay(100);
        }
        throw new TimeoutException("the expected state did not arrive within 20 s");
    }
}
