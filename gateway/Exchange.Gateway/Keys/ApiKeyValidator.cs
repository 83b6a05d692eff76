using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Exchange.Gateway.Data;
using Exchange.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Exchange.Gateway.Keys;

/// <summary>
/// Checks presented API keys against the store and exchanges accepted ones for bearer tokens.
/// Outcomes are cached by the key's hash for <see cref="KeyOptions.CacheDuration"/>, unknown keys
/// too (so that garbage keys cannot load the database); changes made through this gateway
/// (<see cref="Forget"/>) drop a key's cached outcomes at once.
/// </summary>
public sealed class ApiKeyValidator(
    IServiceScopeFactory scopes,
    TokenIssuer issuer,
    IOptions<KeyOptions> options,
    TimeProvider clock) : IDisposable
{
    private const string AuthenticationType = "ApiKey";
    private static readonly KnownKey? Unknown = null;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 100_000 });
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _generations = new(StringComparer.Ordinal);
    private readonly KeyOptions _options = options.Value;
    private long _changes;

    public async ValueTask<KeyCheck> CheckAsync(string presented, CancellationToken cancellationToken)
    {
        if (!ApiKeyText.TryParse(presented, out var id))
            return KeyCheck.Refused($"malformed API key: expected {ApiKeyText.Prefix}<id>_<secret> as issued by the gateway");
        var hash = ApiKeyText.Hash(presented);
        var cacheKey = Convert.ToBase64String(hash);
        if (!_cache.TryGetValue(cacheKey, out KnownKey? known))
        {
            var changes = Volatile.Read(ref _changes);
            known = await LoadAsync(id, hash, cancellationToken).ConfigureAwait(false);
            // A key changed while it was read may have been read before the change: not cached.
            if (changes == Volatile.Read(ref _changes)) Remember(cacheKey, known);
        }
        return known is null ? KeyCheck.Refused("unknown API key") : known.Decide(clock.GetUtcNow());
    }

    /// <summary>Drops every cached outcome for <paramref name="keyId"/>: after a rotation or revocation.</summary>
    public void Forget(string keyId)
    {
        Interlocked.Increment(ref _changes);
        if (_generations.TryRemove(keyId, out var generation))
        {
            generation.Cancel();
            generation.Dispose();
        }
    }

    private async Task<KnownKey?> LoadAsync(string id, byte[] hash, CancellationToken cancellationToken)
    {
        ApiKey? key;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GatewayDb>();
            key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false);
        }
        if (key is null) return Unknown;
        var current = CryptographicOperations.FixedTimeEquals(hash, key.SecretHash);
        var previous = key.PreviousSecretHash is { } old && CryptographicOperations.FixedTimeEquals(hash, old);
        if (!current && !previous) return Unknown;
        return Known(ApiKeySnapshot.Of(key), isPrevious: !current);
    }

    private KnownKey Known(ApiKeySnapshot key, bool isPrevious)
    {
        var caller = new GatewayCaller(key.Id, key.OrganisationId, key.Role)
        {
            KeyName = key.Name,
            OrganisationName = key.OrganisationName,
            ExpiresAt = key.ExpiresAt,
            PreviousSecretValidUntil = isPrevious ? key.PreviousSecretValidUntil : null,
        };
        var principal = new ExchangePrincipal(key.OrganisationId, key.OrganisationName, key.Role, new HashSet<string>(), Subject(key.Id));
        var now = clock.GetUtcNow();
        // A token never outlives the key; a key about to expire still gets a token of a second.
        var lifetime = key.ExpiresAt - now < _options.TokenLifetime ? key.ExpiresAt - now : _options.TokenLifetime;
        var token = issuer.Issue(principal, lifetime > TimeSpan.FromSeconds(1) ? lifetime : TimeSpan.FromSeconds(1));
        return new KnownKey { Key = key, IsPreviousSecret = isPrevious, Caller = caller, User = User(principal), Token = token };
    }

    /// <summary>The subject of a key's tokens, and of the keys and rotations it makes: <c>key:&lt;id&gt;</c>.</summary>
    public static string Subject(string keyId) => $"key:{keyId}";

    private static ClaimsPrincipal User(ExchangePrincipal principal) => new(new ClaimsIdentity(
        [
            new Claim(ExchangeClaims.Subject, principal.Subject),
            new Claim(ExchangeClaims.OrganisationId, principal.OrganisationId),
            new Claim(ExchangeClaims.OrganisationName, principal.OrganisationName),
            new Claim(ExchangeClaims.Role, ExchangeClaims.RoleValue(principal.Role)),
        ],
        AuthenticationType, ExchangeClaims.Subject, ExchangeClaims.Role));

    private void Remember(string cacheKey, KnownKey? known)
    {
        // Half the token's lifetime at most, so that a cached token always has time left.
        var duration = _options.CacheDuration < _options.TokenLifetime / 2 ? _options.CacheDuration : _options.TokenLifetime / 2;
        if (duration <= TimeSpan.Zero) return;
        var entry = new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = duration, Size = 1 };
        if (known is not null)
        {
            // Only stored keys get a generation: garbage ids must not grow the table.
            var generation = _generations.GetOrAdd(known.Key.Id, static _ => new CancellationTokenSource());
            try
            {
                entry.AddExpirationToken(new CancellationChangeToken(generation.Token));
            }
            catch (ObjectDisposedException)
            {
                return;
            }
        }
        _cache.Set(cacheKey, known, entry);
    }

    public void Dispose()
    {
        _cache.Dispose();
        foreach (var generation in _generations.Values) generation.Dispose();
    }
}
