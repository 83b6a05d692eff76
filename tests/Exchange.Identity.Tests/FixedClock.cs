namespace Exchange.Identity.Tests;

/// <summary>A clock stopped at one instant, for tokens issued in the past or the future.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock At(TimeSpan fromNow) => new(DateTimeOffset.UtcNow + fromNow);

    public override DateTimeOffset GetUtcNow() => now;
}
