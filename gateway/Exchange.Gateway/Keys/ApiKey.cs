using Exchange.Identity;

namespace Exchange.Gateway.Keys;

/// <summary>
/// An API key as the gateway's database holds it: who it speaks for, its lifetime, and the
/// SHA-256 of its secret (never the secret). After a rotation the previous secret's hash stays
/// valid until <see cref="PreviousSecretValidUntil"/>.
/// </summary>
public sealed class ApiKey
{
    public required string Id { get; init; }

    public required string OrganisationId { get; init; }

    public required string OrganisationName { get; init; }

    public required Role Role { get; init; }

    public required string Name { get; init; }

    public required byte[] SecretHash { get; set; }

    public byte[]? PreviousSecretHash { get; set; }

    public DateTimeOffset? PreviousSecretValidUntil { get; set; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? RotatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }

    public string? RevocationReason { get; set; }

    /// <summary>Increases with every change, so that a rotation and a revocation cannot both win.</summary>
    public long Version { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    public bool IsExpired(DateTimeOffset now) => ExpiresAt <= now;

    public bool IsActive(DateTimeOffset now) => !IsRevoked && !IsExpired(now);
}
