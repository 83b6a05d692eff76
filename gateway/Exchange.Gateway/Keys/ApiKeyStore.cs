using Exchange.Gateway.Data;
using Exchange.Identity;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Gateway.Keys;

/// <summary>Creates, lists, rotates and revokes keys in the gateway's database.</summary>
public sealed class ApiKeyStore(GatewayDb db, TimeProvider clock)
{
    /// <summary>A key as issued: the stored record and its text, which is returned once and never stored.</summary>
    public sealed record IssuedKey(ApiKey Key, string Text);

    public async Task<IssuedKey> CreateAsync(string organisationId, string organisationName, Role role, string name, TimeSpan lifetime, string createdBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var id = ApiKeyText.NewId();
        var text = ApiKeyText.Compose(id);
        var key = new ApiKey
        {
            Id = id,
            OrganisationId = organisationId,
            OrganisationName = organisationName,
            Role = role,
            Name = name,
            SecretHash = ApiKeyText.Hash(text),
            CreatedAt = now,
            CreatedBy = createdBy,
            ExpiresAt = now + lifetime,
            Version = 1,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedKey(key, text);
    }

    public Task<ApiKey?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);

    /// <summary>Keys of the given roles (and organisation, when given), newest first.</summary>
    public async Task<IReadOnlyList<ApiKey>> ListAsync(string? organisationId, IReadOnlyCollection<Role> roles, bool includeInactive, CancellationToken cancellationToken)
    {
        var query = db.ApiKeys.AsNoTracking();
        if (!string.IsNullOrEmpty(organisationId)) query = query.Where(k => k.OrganisationId == organisationId);
        // Keys number in the hundreds, not millions: role and state are filtered here, where the
        // clock and the role enum need no translation to either database's SQL.
        var now = clock.GetUtcNow();
        var keys = await query.ToListAsync(cancellationToken);
        return [.. keys
            .Where(k => roles.Contains(k.Role) && (includeInactive || k.IsActive(now)))
            .OrderByDescending(k => k.CreatedAt)
            .ThenBy(k => k.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Gives <paramref name="key"/> a new secret. The replaced secret keeps working for
    /// <paramref name="grace"/> (zero: not at all); its hash is kept meanwhile, and after, so that
    /// a client still sending it is told the key was rotated. A secret replaced earlier is
    /// forgotten: at most two secrets of a key are known, and at most two work, at any time.
    /// </summary>
    public async Task<IssuedKey> RotateAsync(ApiKey key, TimeSpan grace, TimeSpan? newLifetime, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var text = ApiKeyText.Compose(key.Id);
        key.PreviousSecretHash = key.SecretHash;
        key.PreviousSecretValidUntil = now + grace;
        key.SecretHash = ApiKeyText.Hash(text);
        key.RotatedAt = now;
        if (newLifetime is { } lifetime) key.ExpiresAt = now + lifetime;
        key.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedKey(key, text);
    }

    public async Task<ApiKey> RevokeAsync(ApiKey key, string revokedBy, string reason, CancellationToken cancellationToken)
    {
        if (key.RevokedAt is not null) return key;
        key.RevokedAt = clock.GetUtcNow();
        key.RevokedBy = revokedBy;
        key.RevocationReason = reason;
        key.PreviousSecretHash = null;
        key.PreviousSecretValidUntil = null;
        key.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }
}
