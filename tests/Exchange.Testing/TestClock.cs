namespace Exchange.Testing;

/// <summary>
/// A clock that runs at the real pace from a time the test chooses, and jumps when told: the
/// services of a test share one, so that a test plays fiscal years in seconds. Timers and
/// timestamps stay the system's, so that delays, polling and timeouts behave as usual.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _offsetTicks = (start - System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock to <paramref name="now"/> (forward or back); it runs on from there.</summary>
    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _offsetTicks, (now - System.GetUtcNow()).Ticks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>A time in Japan (UTC+9), where the programme's calendar runs: <c>InJapan(2008, 4, 1, 9)</c>.</summary>
    public static DateTimeOffset InJapan(int year, int month, int day, int hour = 9, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.FromHours(9));
}
