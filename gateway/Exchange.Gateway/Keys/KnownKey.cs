using System.Security.Claims;
using Exchange.Identity;

namespace Exchange.Gateway.Keys;

/// <summary>
/// What a presented key matched in the store, as cached: the key's standing and, while usable,
/// the caller and the token issued for it. Expiry and the end of a rotation grace are decided
/// from the clock on every call (<see cref="Decide"/>), so a cached check never outlives them.
/// </summary>
internal sealed class KnownKey
{
    public required ApiKeySnapshot Key { get; init; }

    /// <summary>The presented secret is the one replaced by the last rotation.</summary>
    public required bool IsPreviousSecret { get; init; }

    public required GatewayCaller Caller { get; init; }

    public required ClaimsPrincipal User { get; init; }

    public required string Token { get; init; }

    private KeyCheck? _accepted;

    public KeyCheck Decide(DateTimeOffset now)
    {
        if (Key.RevokedAt is { } revoked)
            return KeyCheck.Refused($"API key {Key.Id} was revoked at {Format(revoked)}");
        if (Key.ExpiresAt <= now)
            return KeyCheck.Refused($"API key {Key.Id} expired at {Format(Key.ExpiresAt)}; ask for a new key or a rotation");
        if (IsPreviousSecret && !(Key.PreviousSecretValidUntil > now))
        {
            var until = Key.PreviousSecretValidUntil is { } end ? $" at {Format(end)}" : "";
            return KeyCheck.Refused($"API key {Key.Id} was rotated: this secret stopped working{until}; use the new secret");
        }
        return _accepted ??= KeyCheck.Accepted(this);
    }

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The fields of a stored key a check needs, copied so that the cache holds no tracked entity.</summary>
internal sealed record ApiKeySnapshot(
    string Id,
    string OrganisationId,
    string OrganisationName,
    Role Role,
    string Name,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? PreviousSecretValidUntil)
{
    public static ApiKeySnapshot Of(ApiKey key) =>
        new(key.Id, key.OrganisationId, key.OrganisationName, key.Role, key.Name, key.ExpiresAt, key.RevokedAt, key.PreviousSecretValidUntil);
}
