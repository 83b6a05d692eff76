using System.Net;
using Exchange.Gateway.Keys;
using Exchange.Gateway.Tests.Infrastructure;
using Exchange.Gateway.V1;
using Exchange.Rpc;
using Google.Protobuf.Reflection;
using Role = Exchange.Identity.Role;

namespace Exchange.Gateway.Tests;

/// <summary>
/// <c>Session.GetCaller</c>: every key, whatever its role, learns who it speaks for, over gRPC and
/// over Connect JSON; calls without a valid key are refused as any other call; and answering every
/// caller here leaves the key administration as restricted as before.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class SessionTests(Platform platform)
{
    private static readonly ServiceDescriptor Session = GatewayReflection.Descriptor.FindTypeByName<ServiceDescriptor>("Session");
    private static readonly ServiceDescriptor Keys = GatewayReflection.Descriptor.FindTypeByName<ServiceDescriptor>("ApiKeys");
    private const string GetCallerPath = "/exchange.gateway.v1.Session/GetCaller";

    private static readonly Dictionary<string, Caller> ByName = new()
    {
        ["coordinator"] = Platform.Coordinator,
        ["admin"] = Platform.Admin,
        ["Hamamatsu's body"] = TieUps.HamamatsuBody,
        ["Suwa's body"] = TieUps.SuwaBody,
        ["Jena partner"] = TieUps.JenaPartner,
        ["Dalian partner"] = TieUps.DalianPartner,
    };

    public static TheoryData<string> Callers() => [.. ByName.Keys];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Every_role_learns_its_own_organisation_and_role_and_only_administrators_manage_keys(string name)
    {
        var caller = ByName[name];
        var key = platform.KeyOf(caller);
        Assert.True(ApiKeyText.TryParse(key, out var keyId));
        var role = KeyMapper.ToMessage(caller.Role!.Value);

        using var rpc = platform.Rpc(caller);
        var identity = await rpc.Call<GetCallerRequest, CallerIdentity>(Session, "GetCaller", new GetCallerRequest());
        Assert.Equal((keyId, caller.OrganisationId, caller.OrganisationId, role), (identity.KeyId, identity.OrganisationId, identity.OrganisationName, identity.Role));
        Assert.Equal($"test key of {caller.OrganisationId}", identity.KeyName);
        Assert.InRange(identity.ExpiresAt.ToDateTimeOffset(), DateTimeOffset.UtcNow.AddDays(89), DateTimeOffset.UtcNow.AddDays(91));
        Assert.Null(identity.PreviousSecretValidUntil);

        using var json = platform.Json();
        var answer = await json.Post(GetCallerPath, "{}", key);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(keyId, answer.Json.GetProperty("keyId").GetString());
        Assert.Equal(caller.OrganisationId, answer.Json.GetProperty("organisationId").GetString());
        // Enums travel by their proto names in JSON: ROLE_OVERSEAS_PARTNER.
        var roleName = GatewayReflection.Descriptor.FindTypeByName<EnumDescriptor>("Role").FindValueByNumber((int)role).Name;
        Assert.Equal(roleName, answer.Json.GetProperty("role").GetString());

        // The admin API's rule is its own: asking who one is does not open it to everyone.
        var manages = caller.Role is Role.Admin or Role.Coordinator;
        if (manages)
        {
            await rpc.Call<ListKeysRequest, ListKeysResponse>(Keys, "ListKeys", new ListKeysRequest());
        }
        else
        {
            var denied = await Assert.ThrowsAsync<RpcException>(() => rpc.Call<ListKeysRequest, ListKeysResponse>(Keys, "ListKeys", new ListKeysRequest()));
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
            Assert.StartsWith("key-management: only admins and coordinators manage API keys", denied.Status.Detail);
        }
    }

    [Fact]
    public async Task The_answer_names_the_organisation_and_key_as_created_and_a_rotated_out_secret_sees_its_end()
    {
        using var coordinator = platform.Rpc(Platform.Coordinator);
        var created = await coordinator.Call<CreateKeyRequest, CreateKeyResponse>(Keys, "CreateKey", new CreateKeyRequest
        {
            OrganisationId = TieUps.Jena, OrganisationName = "Jena economic development", Role = V1.Role.OverseasPartner,
            Name = "Jena partner portal", ExpiresInDays = 30,
        });
        using (var partner = new GatewayRpc(platform.Gateway.RpcAddress, created.ApiKey))
        {
            var identity = await partner.Call<GetCallerRequest, CallerIdentity>(Session, "GetCaller", new GetCallerRequest());
            Assert.Equal(new CallerIdentity
            {
                KeyId = created.Key.Id,
                KeyName = "Jena partner portal",
                OrganisationId = TieUps.Jena,
                OrganisationName = "Jena economic development",
                Role = V1.Role.OverseasPartner,
                ExpiresAt = created.Key.ExpiresAt,
            }, identity);
        }

        using var json = platform.Json();
        var answer = await json.Post(GetCallerPath, "{}", created.ApiKey);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal("Jena economic development", answer.Json.GetProperty("organisationName").GetString());
        Assert.Equal("Jena partner portal", answer.Json.GetProperty("keyName").GetString());
        Assert.Equal(created.Key.ExpiresAt.ToDateTimeOffset(), answer.Json.GetProperty("expiresAt").GetDateTimeOffset());

        var rotated = await coordinator.Call<RotateKeyRequest, RotateKeyResponse>(Keys, "RotateKey", new RotateKeyRequest { KeyId = created.Key.Id, GracePeriodMinutes = 60 });
        using var withOld = new GatewayRpc(platform.Gateway.RpcAddress, created.ApiKey);
        var old = await withOld.Call<GetCallerRequest, CallerIdentity>(Session, "GetCaller", new GetCallerRequest());
        Assert.Equal(rotated.Key.PreviousSecretValidUntil, old.PreviousSecretValidUntil);
        using var withNew = new GatewayRpc(platform.Gateway.RpcAddress, rotated.ApiKey);
        var current = await withNew.Call<GetCallerRequest, CallerIdentity>(Session, "GetCaller", new GetCallerRequest());
        Assert.Equal(created.Key.Id, current.KeyId);
        Assert.Null(current.PreviousSecretValidUntil);
    }

    [Fact]
    public async Task Missing_unknown_and_revoked_keys_are_refused_as_for_every_call()
    {
        using var admin = platform.Rpc(Platform.Admin);
        var created = await admin.Call<CreateKeyRequest, CreateKeyResponse>(Keys, "CreateKey", new CreateKeyRequest
        {
            OrganisationId = TieUps.Dalian, Role = V1.Role.OverseasPartner, Name = "Dalian laptop",
        });
        using (var partner = new GatewayRpc(platform.Gateway.RpcAddress, created.ApiKey))
        {
            // Answered once, so that its check is cached: the revocation must still take effect at once.
            await partner.Call<GetCallerRequest, CallerIdentity>(Session, "GetCaller", new GetCallerRequest());
        }
        await admin.Call<RevokeKeyRequest, V1.ApiKey>(Keys, "RevokeKey", new RevokeKeyRequest { KeyId = created.Key.Id, Reason = "laptop lost" });

        var cases = new (string? Key, string Reason)[]
        {
            (null, "missing API key"),
            (ApiKeyText.Compose(ApiKeyText.NewId()), "unknown API key"),
            (created.ApiKey, $"API key {created.Key.Id} was revoked at "),
        };
        foreach (var (key, reason) in cases)
        {
            using var rpc = new GatewayRpc(platform.Gateway.RpcAddress, key);
            var refused = await Assert.ThrowsAsync<RpcException>(() => rpc.Call<GetCallerRequest, CallerIdentity>(Session, "GetCaller", new GetCallerRequest()));
            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
            Assert.StartsWith(reason, refused.Status.Detail);

            using var json = platform.Json();
            var answer = await json.Post(GetCallerPath, "{}", key);
            Assert.Equal((HttpStatusCode.Unauthorized, "unauthenticated"), (answer.Status, answer.ErrorCode));
            Assert.StartsWith(reason, answer.ErrorMessage);
        }
    }
}
