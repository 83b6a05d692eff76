using System.Net;
using Exchange.Gateway.Keys;
using Exchange.Gateway.Tests.Infrastructure;
using Exchange.Gateway.V1;
using Exchange.Identity.Testing;
using Exchange.Projects.V1;
using Exchange.Rpc;
using Microsoft.Extensions.DependencyInjection;
using Role = Exchange.Identity.Role;

namespace Exchange.Gateway.Tests;

/// <summary>
/// API keys at the gateway: a call gets through only with a key that is known, current, not
/// revoked and not rotated out, and every refusal is UNAUTHENTICATED saying which of these it is.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class KeyTests(Platform platform)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Keys = GatewayReflection.Descriptor.Services[0];

    [Fact]
    public async Task Calls_without_a_valid_key_are_refused_saying_why()
    {
        var tieUp = await TieUp.StartAsync(platform);
        var get = new GetProjectRequest { ProjectId = tieUp.Project.Id };
        var key = platform.KeyOf(TieUps.HamamatsuBody);
        var wrongSecret = key[..^4] + (key.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var cases = new (string? Key, (string, string)[] Headers, string Reason)[]
        {
            (null, [], "missing API key"),
            ("not-a-key", [], "malformed API key"),
            (ApiKeyText.Compose(ApiKeyText.NewId()), [], "unknown API key"),
            (wrongSecret, [], "unknown API key"),
            // A token the services would accept does not get past the gateway.
            (null, [("authorization", TestTokens.AuthorizationFor(Role.Coordinator, "programme-office"))], "the gateway takes API keys, not 'Bearer' credentials"),
        };
        foreach (var (presented, headers, reason) in cases)
        {
            using var rpc = new GatewayRpc(platform.Gateway.RpcAddress, presented);
            var metadata = new Metadata();
            foreach (var (name, value) in headers) metadata.Add(name, value);
            var refused = await Assert.ThrowsAsync<RpcException>(() => rpc.Call<GetProjectRequest, Project>(TieUp.ProjectsService, "GetProject", get, metadata));
            Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
            Assert.StartsWith(reason, refused.Status.Detail);

            using var json = platform.Json();
            var answer = await json.Post("/exchange.projects.v1.Projects/GetProject", $$"""{"projectId":"{{tieUp.Project.Id}}"}""", presented, headers: headers);
            Assert.Equal((HttpStatusCode.Unauthorized, "unauthenticated"), (answer.Status, answer.ErrorCode));
            Assert.StartsWith(reason, answer.ErrorMessage);
            Assert.Equal("ApiKey", answer.Header("www-authenticate"));
        }

        // The same key in the authorization header, with the ApiKey scheme, is accepted.
        using var withScheme = new GatewayRpc(platform.Gateway.RpcAddress, null);
        var project = await withScheme.Call<GetProjectRequest, Project>(TieUp.ProjectsService, "GetProject", get, new Metadata().Add("authorization", $"ApiKey {key}"));
        Assert.Equal(tieUp.Project.Id, project.Id);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_at_once_and_says_so()
    {
        using var admin = platform.Rpc(Platform.Admin);
        var created = await admin.Call<CreateKeyRequest, CreateKeyResponse>(Keys, "CreateKey", new CreateKeyRequest
        {
            OrganisationId = TieUps.Jena, Role = V1.Role.OverseasPartner, Name = "Jena partner portal",
        });
        using var partner = new GatewayRpc(platform.Gateway.RpcAddress, created.ApiKey);
        // Used once, so that its check is cached: revoking must still take effect at once.
        await partner.Call<ListProjectsRequest, ListProjectsResponse>(TieUp.ProjectsService, "ListProjects", new ListProjectsRequest());

        var revoked = await admin.Call<RevokeKeyRequest, V1.ApiKey>(Keys, "RevokeKey", new RevokeKeyRequest { KeyId = created.Key.Id, Reason = "laptop stolen" });
        Assert.Equal(KeyState.Revoked, revoked.State);
        Assert.Equal("laptop stolen", revoked.RevocationReason);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            partner.Call<ListProjectsRequest, ListProjectsResponse>(TieUp.ProjectsService, "ListProjects", new ListProjectsRequest()));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.StartsWith($"API key {created.Key.Id} was revoked at ", refused.Status.Detail);
        using var json = platform.Json();
        var answer = await json.Post("/exchange.projects.v1.Projects/ListProjects", "{}", created.ApiKey);
        Assert.Equal(HttpStatusCode.Unauthorized, answer.Status);
        Assert.StartsWith($"API key {created.Key.Id} was revoked", answer.ErrorMessage);
    }

    [Fact]
    public async Task An_expired_key_is_refused_even_while_its_check_is_cached()
    {
        var expired = await platform.Gateway.InKeyStore(store => store.CreateAsync(TieUps.Jena, "Jena", Role.OverseasPartner, "expired", TimeSpan.FromMinutes(-1), "test", CancellationToken.None));
        await AssertRefused(expired.Text, $"API key {expired.Key.Id} expired at ");

        var expiring = await platform.Gateway.InKeyStore(store => store.CreateAsync(TieUps.Jena, "Jena", Role.OverseasPartner, "expiring", TimeSpan.FromSeconds(3), "test", CancellationToken.None));
        using var partner = new GatewayRpc(platform.Gateway.RpcAddress, expiring.Text);
        await partner.Call<ListProjectsRequest, ListProjectsResponse>(TieUp.ProjectsService, "ListProjects", new ListProjectsRequest());
        await Task.Delay(TimeSpan.FromSeconds(3.5));
        await AssertRefused(expiring.Text, $"API key {expiring.Key.Id} expired at ");
    }

    [Fact]
    public async Task A_rotated_key_keeps_its_old_secret_for_the_grace_period_or_not_at_all()
    {
        using var coordinator = platform.Rpc(Platform.Coordinator);
        var first = await coordinator.Call<CreateKeyRequest, CreateKeyResponse>(Keys, "CreateKey", new CreateKeyRequest
        {
            OrganisationId = TieUps.Hamamatsu, Role = V1.Role.ImplementationBody, Name = "Hamamatsu office",
        });
        var second = await coordinator.Call<RotateKeyRequest, RotateKeyResponse>(Keys, "RotateKey", new RotateKeyRequest { KeyId = first.Key.Id, GracePeriodMinutes = 60 });
        Assert.Equal(first.Key.Id, second.Key.Id);
        Assert.NotEqual(first.ApiKey, second.ApiKey);
        Assert.NotNull(second.Key.PreviousSecretValidUntil);
        await AssertAccepted(first.ApiKey);
        await AssertAccepted(second.ApiKey);

        var third = await coordinator.Call<RotateKeyRequest, RotateKeyResponse>(Keys, "RotateKey", new RotateKeyRequest { KeyId = first.Key.Id, GracePeriodMinutes = 0 });
        Assert.Equal(third.Key.RotatedAt, third.Key.PreviousSecretValidUntil);
        await AssertAccepted(third.ApiKey);
        await AssertRefused(second.ApiKey, $"API key {first.Key.Id} was rotated: this secret stopped working");
        // The first secret was replaced two rotations ago: it is no longer known at all.
        await AssertRefused(first.ApiKey, "unknown API key");
    }

    [Fact]
    public async Task Keys_are_shown_once_and_stored_only_as_hashes()
    {
        using var admin = platform.Rpc(Platform.Admin);
        var created = await admin.Call<CreateKeyRequest, CreateKeyResponse>(Keys, "CreateKey", new CreateKeyRequest
        {
            OrganisationId = "toyama-pref", OrganisationName = "Toyama Prefecture", Role = V1.Role.ImplementationBody, ExpiresInDays = 30,
        });
        Assert.True(ApiKeyText.TryParse(created.ApiKey, out var id));
        Assert.Equal(created.Key.Id, id);
        Assert.Equal(KeyState.Active, created.Key.State);
        Assert.InRange((created.Key.ExpiresAt.ToDateTimeOffset() - DateTimeOffset.UtcNow).TotalDays, 29.9, 30.1);

        var stored = await platform.Gateway.InKeyStore(store => store.FindAsync(id, CancellationToken.None));
        Assert.Equal(ApiKeyText.Hash(created.ApiKey), stored!.SecretHash);
        var secret = created.ApiKey[(ApiKeyText.Prefix.Length + ApiKeyText.IdLength + 1)..];
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(platform.Gateway.KeyStoreConnectionString).DataSource;
        var bytes = await ReadShared(file);
        Assert.DoesNotContain(secret, System.Text.Encoding.ASCII.GetString(bytes));

        var listed = await admin.Call<ListKeysRequest, ListKeysResponse>(Keys, "ListKeys", new ListKeysRequest { OrganisationId = "toyama-pref" });
        var shown = Assert.Single(listed.Keys);
        Assert.DoesNotContain(secret, shown.ToString());
    }

    [Fact]
    public async Task Only_admins_and_coordinators_manage_keys_and_coordinators_only_those_of_parties()
    {
        var partnerKey = new CreateKeyRequest { OrganisationId = TieUps.Dalian, Role = V1.Role.OverseasPartner };
        var adminKey = new CreateKeyRequest { OrganisationId = "platform-operations", Role = V1.Role.Admin };
        foreach (var caller in new[] { TieUps.JenaPartner, TieUps.HamamatsuBody })
        {
            using var rpc = platform.Rpc(caller);
            var denied = await Assert.ThrowsAsync<RpcException>(() => rpc.Call<CreateKeyRequest, CreateKeyResponse>(Keys, "CreateKey", partnerKey));
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
            Assert.StartsWith("key-management: only admins and coordinators manage API keys", denied.Status.Detail);
            var listing = await Assert.ThrowsAsync<RpcException>(() => rpc.Call<ListKeysRequest, ListKeysResponse>(Keys, "ListKeys", new ListKeysRequest()));
            Assert.Equal(StatusCode.PermissionDenied, listing.StatusCode);
        }

        using var coordinator = platform.Rpc(Platform.Coordinator);
        await coordinator.Call<CreateKeyRequest, CreateKeyResponse>(Keys, "CreateKey", partnerKey);
        var escalation = await Assert.ThrowsAsync<RpcException>(() => coordinator.Call<CreateKeyRequest, CreateKeyResponse>(Keys, "CreateKey", adminKey));
        Assert.Equal(StatusCode.PermissionDenied, escalation.StatusCode);
        var listed = await coordinator.Call<ListKeysRequest, ListKeysResponse>(Keys, "ListKeys", new ListKeysRequest());
        Assert.All(listed.Keys, k => Assert.Contains(k.Role, new[] { V1.Role.ImplementationBody, V1.Role.OverseasPartner }));

        using var admin = platform.Rpc(Platform.Admin);
        var made = await admin.Call<CreateKeyRequest, CreateKeyResponse>(Keys, "CreateKey", adminKey);
        var hidden = await Assert.ThrowsAsync<RpcException>(() =>
            coordinator.Call<RevokeKeyRequest, V1.ApiKey>(Keys, "RevokeKey", new RevokeKeyRequest { KeyId = made.Key.Id }));
        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);

        var invalid = await Assert.ThrowsAsync<RpcException>(() => admin.Call<CreateKeyRequest, CreateKeyResponse>(Keys, "CreateKey",
            new CreateKeyRequest { OrganisationId = "Not An Id", ExpiresInDays = 5000 }));
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Contains("organisation_id:", invalid.Status.Detail);
        Assert.Contains("role: is required", invalid.Status.Detail);
        Assert.Contains("expires_in_days:", invalid.Status.Detail);
    }

    private async Task AssertAccepted(string key)
    {
        using var rpc = new GatewayRpc(platform.Gateway.RpcAddress, key);
        await rpc.Call<ListProjectsRequest, ListProjectsResponse>(TieUp.ProjectsService, "ListProjects", new ListProjectsRequest());
    }

    private async Task AssertRefused(string key, string reason)
    {
        using var rpc = new GatewayRpc(platform.Gateway.RpcAddress, key);
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            rpc.Call<ListProjectsRequest, ListProjectsResponse>(TieUp.ProjectsService, "ListProjects", new ListProjectsRequest()));
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.StartsWith(reason, refused.Status.Detail);
    }

    private static async Task<byte[]> ReadShared(string file)
    {
        var bytes = new List<byte>();
        foreach (var path in new[] { file, file + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory);
            bytes.AddRange(memory.ToArray());
        }
        return [.. bytes];
    }
}
