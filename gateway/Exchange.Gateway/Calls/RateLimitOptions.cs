namespace Exchange.Gateway.Calls;

/// <summary>
/// The section <c>Gateway:RateLimit</c>: a token bucket per API key. A key may send
/// <see cref="BurstLimit"/> calls at once and <see cref="PermitsPerSecond"/> on average.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimit";

    public bool Enabled { get; set; } = true;

    public int PermitsPerSecond { get; set; } = 50;

    public int BurstLimit { get; set; } = 100;
}
