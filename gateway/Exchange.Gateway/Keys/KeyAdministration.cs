using System.Text.RegularExpressions;
using Exchange.Gateway.V1;
using Exchange.Rpc;
using Exchange.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Keys;

/// <summary>
/// The key operations of the admin API and the command line: checks the request and what the
/// administrator may do, changes the store, and drops the key's cached checks so that a revocation or
/// rotation takes effect on this gateway at once. The command line has no validator: it changes
/// the store only, and running gateways see the change within their cache time.
/// </summary>
public sealed partial class KeyAdministration(ApiKeyStore store, IOptions<KeyOptions> options, TimeProvider clock, ApiKeyValidator? validator = null)
{
    private readonly KeyOptions _options = options.Value;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex OrganisationIdPattern();

    public async Task<CreateKeyResponse> CreateAsync(KeyAdministrator administrator, CreateKeyRequest request, CancellationToken cancellationToken)
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
        Demand(administrator, role!.Value);

        var name = string.IsNullOrWhiteSpace(request.OrganisationName) ? request.OrganisationId : request.OrganisationName.Trim();
        var issued = await store.CreateAsync(request.OrganisationId, name, role.Value, request.Name.Trim(), lifetime, administrator.Name, cancellationToken);
        return new CreateKeyResponse { Key = KeyMapper.ToMessage(issued.Key, clock.GetUtcNow()), ApiKey = issued.Text };
    }

    public async Task<ListKeysResponse> ListAsync(KeyAdministrator administrator, ListKeysRequest request, CancellationToken cancellationToken)
    {
        if (administrator.ManagedRoles.Count == 0) throw NotAnAdministrator(administrator);
        var keys = await store.ListAsync(request.OrganisationId, administrator.ManagedRoles.ToArray(), request.IncludeInactive, cancellationToken);
        var now = clock.GetUtcNow();
        return new ListKeysResponse { Keys = { keys.Select(k => KeyMapper.ToMessage(k, now)) } };
    }

    public async Task<RotateKeyResponse> RotateAsync(KeyAdministrator administrator, RotateKeyRequest request, CancellationToken cancellationToken)
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
        var key = await Find(administrator, request.KeyId, errors, cancellationToken);
        if (key.IsRevoked) throw RpcException.FailedPrecondition(Rule, $"API key {key.Id} is revoked; create a new key instead");

        var issued = await Save(() => store.RotateAsync(key, grace, lifetime, cancellationToken));
        validator?.Forget(key.Id);
        return new RotateKeyResponse { Key = KeyMapper.ToMessage(issued.Key, clock.GetUtcNow()), ApiKey = issued.Text };
    }

    public async Task<V1.ApiKey> RevokeAsync(KeyAdministrator administrator, RevokeKeyRequest request, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        errors.MaxLength("reason", request.Reason, 500);
        var key = await Find(administrator, request.KeyId, errors, cancellationToken);
        var revoked = await Save(() => store.RevokeAsync(key, administrator.Name, request.Reason.Trim(), cancellationToken));
        validator?.Forget(key.Id);
        return KeyMapper.ToMessage(revoked, clock.GetUtcNow());
    }

    private const string Rule = KeyAdministrator.Rule;

    /// <summary>The key named by <paramref name="keyId"/>, after the request's other fields were found valid.</summary>
    private async Task<ApiKey> Find(KeyAdministrator administrator, string keyId, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (!ApiKeyText.IsId(keyId)) errors.Add("key_id", $"must be the {ApiKeyText.IdLength}-character id of a key");
        errors.ThrowIfAny();
        if (administrator.ManagedRoles.Count == 0) throw NotAnAdministrator(administrator);
        var key = await store.FindAsync(keyId, cancellationToken);
        // A key the administrator may not manage is as absent as one that does not exist.
        if (key is null || !administrator.MayManage(key.Role)) throw new RpcException(StatusCode.NotFound, $"key: no API key {keyId} that you manage");
        return key;
    }

    private TimeSpan? Lifetime(string field, int days, FieldErrors errors)
    {
        if (days == 0) return null;
        if (days >= 0 && days <= _options.MaxLifetime.TotalDays) return TimeSpan.FromDays(days);
        errors.Add(field, $"must be between 1 and {(int)_options.MaxLifetime.TotalDays} days (0: the default of {(int)_options.DefaultLifetime.TotalDays})");
        return null;
    }

    private static void Demand(KeyAdministrator administrator, Identity.Role role)
    {
        if (administrator.ManagedRoles.Count == 0) throw NotAnAdministrator(administrator);
        if (!administrator.MayManage(role))
            throw new RpcException(StatusCode.PermissionDenied,
                $"{Rule}: {administrator.Name} may manage keys of {string.Join(" and ", administrator.ManagedRoles.Select(Identity.ExchangeClaims.RoleValue))} only, not of {Identity.ExchangeClaims.RoleValue(role)}");
    }

    private static RpcException NotAnAdministrator(KeyAdministrator administrator) =>
        new(StatusCode.PermissionDenied, $"{Rule}: only admins and coordinators manage API keys; {administrator.Name} calls as {Identity.ExchangeClaims.RoleValue(administrator.Role ?? Identity.Role.Admin)}");

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
