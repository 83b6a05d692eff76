using System.Text.RegularExpressions;
using Exchange.Gateway.V1;
using Exchange.Rpc;
using Exchange.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Keys;

/// <summary>
/// The key operations of the admin API and the command line: checks the request and what the
/// manager may do, changes the store, and drops the key's cached checks so that a revocation or
/// rotation takes effect on this gateway at once. The command line has no validator: it changes
/// the store only, and running gateways see the change within their cache time.
/// </summary>
public sealed partial class KeyAdministration(ApiKeyStore store, IOptions<KeyOptions> options, TimeProvider clock, ApiKeyValidator? validator = null)
{
    private readonly KeyOptions _options = options.Value;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex OrganisationIdPattern();

    public async Task<CreateKeyResponse> CreateAsync(KeyManager manager, CreateKeyRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!OrganisationIdPattern().IsMatch(request.OrganisationId))
            errors.Add("organisation_id", "must be 2-64 characters of a-z, 0-9 and '-', starting with a letter or digit");
        errors.MaxLength("organisation_name", request.OrganisationName, 200);
        errors.MaxLength("name", request.Name, 200);
        var role = KeyMapper.FromMessage(request.Role);
        if (role is null) errors.Add("role", "is required");
        var lifetime = Lifetime("expires_in_days", request.ExpiresInDays, errors) ?? _options.DefaultLifetime;
        errors.ThrowIfAny();
        Demand(manager, role!.Value);

        var name = string.IsNullOrWhiteSpace(request.OrganisationName) ? request.OrganisationId : request.OrganisationName.Trim();
        var issued = await store.CreateAsync(request.OrganisationId, name, role.Value, request.Name.Trim(), lifetime, manager.Name, cancellationToken);
        return new CreateKeyResponse { Key = KeyMapper.ToMessage(issued.Key, clock.GetUtcNow()), ApiKey = issued.Text };
    }

    public async Task<ListKeysResponse> ListAsync(KeyManager manager, ListKeysRequest request, CancellationToken cancellationToken)
    {
        if (manager.ManagedRoles.Count == 0) throw NotAManager(manager);
        var keys = await store.ListAsync(request.OrganisationId, manager.ManagedRoles.ToArray(), request.IncludeInactive, cancellationToken);
        var now = clock.GetUtcNow();
        return new ListKeysResponse { Keys = { keys.Select(k => KeyMapper.ToMessage(k, now)) } };
    }

    public async Task<RotateKeyResponse> RotateAsync(KeyManager manager, RotateKeyRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var grace = _options.DefaultRotationGrace;
        if (request.HasGracePeriodMinutes)
        {
            grace = TimeSpan.FromMinutes(request.GracePeriodMinutes);
            if (request.GracePeriodMinutes < 0 || grace > _options.MaxRotationGrace)
                errors.Add("grace_period_minutes", $"must be between 0 and {(int)_options.MaxRotationGrace.TotalMinutes}");
        }
        var lifetime = Lifetime("expires_in_days", request.ExpiresInDays, errors);
        var key = await Find(manager, request.KeyId, errors, cancellationToken);
        if (key.IsRevoked) throw RpcException.FailedPrecondition(Rule, $"API key {key.Id} is revoked; create a new key instead");

        var issued = await Save(() => store.RotateAsync(key, grace, lifetime, cancellationToken));
        validator?.Forget(key.Id);
        return new RotateKeyResponse { Key = KeyMapper.ToMessage(issued.Key, clock.GetUtcNow()), ApiKey = issued.Text };
    }

    public async Task<V1.ApiKey> RevokeAsync(KeyManager manager, RevokeKeyRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.MaxLength("reason", request.Reason, 500);
        var key = await Find(manager, request.KeyId, errors, cancellationToken);
        var revoked = await Save(() => store.RevokeAsync(key, manager.Name, request.Reason.Trim(), cancellationToken));
        validator?.Forget(key.Id);
        return KeyMapper.ToMessage(revoked, clock.GetUtcNow());
    }

    private const string Rule = KeyManager.Rule;

    /// <summary>The key named by <paramref name="keyId"/>, after the request's other fields were found valid.</summary>
    private async Task<ApiKey> Find(KeyManager manager, string keyId, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (!ApiKeyText.IsId(keyId)) errors.Add("key_id", $"must be the {ApiKeyText.IdLength}-character id of a key");
        errors.ThrowIfAny();
        if (manager.ManagedRoles.Count == 0) throw NotAManager(manager);
        var key = await store.FindAsync(keyId, cancellationToken);
        // A key the manager may not manage is as absent as one that does not exist.
        if (key is null || !manager.MayManage(key.Role)) throw new RpcException(StatusCode.NotFound, $"key: no API key {keyId} that you manage");
        return key;
    }

    private TimeSpan? Lifetime(string field, int days, FieldErrors errors)
    {
        if (days == 0) return null;
        if (days >= 0 && days <= _options.MaxLifetime.TotalDays) return TimeSpan.FromDays(days);
        errors.Add(field, $"must be between 1 and {(int)_options.MaxLifetime.TotalDays} days (0: the default of {(int)_options.DefaultLifetime.TotalDays})");
        return null;
    }

    private static void Demand(KeyManager manager, Identity.Role role)
    {
        if (manager.ManagedRoles.Count == 0) throw NotAManager(manager);
        if (!manager.MayManage(role))
            throw new RpcException(StatusCode.PermissionDenied,
                $"{Rule}: {manager.Name} may manage keys of {string.Join(" and ", manager.ManagedRoles.Select(Identity.ExchangeClaims.RoleValue))} only, not of {Identity.ExchangeClaims.RoleValue(role)}");
    }

    private static RpcException NotAManager(KeyManager manager) =>
        new(StatusCode.PermissionDenied, $"{Rule}: only admins and coordinators manage API keys; {manager.Name} calls as {Identity.ExchangeClaims.RoleValue(manager.Role ?? Identity.Role.Admin)}");

    private static async Task<T> Save<T>(Func<Task<T>> change)
    {
        try
        {
            return await change();
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new RpcException(StatusCode.Aborted, "key: the key was changed at the same time; read it again and retry");
        }
    }
}
