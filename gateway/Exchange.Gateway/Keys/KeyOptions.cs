namespace Exchange.Gateway.Keys;

/// <summary>The section <c>Gateway:Keys</c>: lifetimes of keys and tokens, and how long checks are cached.</summary>
public sealed class KeyOptions
{
    public const string Section = "Gateway:Keys";

    /// <summary>
    /// How long the outcome of checking a key is reused. A revocation or rotation made through
    /// this gateway takes effect at once; one made through another gateway instance within this time.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Lifetime of the bearer tokens the gateway issues for a key (never beyond the key's expiry).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan DefaultLifetime { get; set; } = TimeSpan.FromDays(90);

    public TimeSpan MaxLifetime { get; set; } = TimeSpan.FromDays(730);

    /// <summary>How long a rotated-out secret keeps working when the rotation does not say.</summary>
    public TimeSpan DefaultRotationGrace { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan MaxRotationGrace { get; set; } = TimeSpan.FromDays(7);
}
