using System.Net;
using Exchange.Gateway.Commands;
using Exchange.Gateway.Tests.Infrastructure;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The first admin key comes from the command line on the gateway's host (no key is needed
/// there); the same commands list and revoke keys when no admin key is at hand.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CommandLineTests(Platform platform)
{
    [Fact]
    public async Task The_command_line_creates_the_first_admin_key_lists_keys_and_revokes_them()
    {
        var organisation = $"ops-{Guid.NewGuid():N}"[..20];
        var (code, key, errors) = await Run("keys", "create", "--organisation", organisation, "--role", "admin", "--name", "first admin");
        Assert.True(code == 0, errors);
        Assert.Contains("The key is shown only now", errors);
        key = key.Trim();

        using var json = platform.Json();
        var listed = await json.Post("/exchange.gateway.v1.ApiKeys/ListKeys", $$"""{"organisationId":"{{organisation}}"}""", key);
        Assert.True(listed.Status == HttpStatusCode.OK, listed.ToString());
        var id = listed.Json.GetProperty("keys")[0].GetProperty("id").GetString()!;
        Assert.Equal("ROLE_ADMIN", listed.Json.GetProperty("keys")[0].GetProperty("role").GetString());

        (code, var list, errors) = await Run("keys", "list", "--organisation", organisation);
        Assert.True(code == 0, errors);
        Assert.Contains($"API key {id} of {organisation} as admin", list);
        Assert.DoesNotContain(key, list);

        // A second key, never used: the gateway has no cached check of it, so the revocation shows at once.
        (code, var second, errors) = await Run("keys", "create", "--organisation", organisation, "--role", "coordinator");
        Assert.True(code == 0, errors);
        Keys.ApiKeyText.TryParse(second.Trim(), out var secondId);
        (code, _, errors) = await Run("keys", "revoke", secondId, "--reason", "not needed");
        Assert.True(code == 0, errors);
        var refused = await json.Post("/exchange.gateway.v1.ApiKeys/ListKeys", "{}", second.Trim());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        Assert.StartsWith($"API key {secondId} was revoked", refused.ErrorMessage);
    }

    [Theory]
    [InlineData("keys", "create", "--role", "admin")]
    [InlineData("keys", "create", "--organisation", "ops", "--role", "emperor")]
    [InlineData("keys", "create", "--organisation", "ops", "--role", "admin", "--colour", "red")]
    [InlineData("keys", "paint")]
    public async Task A_wrong_command_line_says_what_is_wrong(params string[] args)
    {
        var (code, output, errors) = await Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: ", errors);
        Assert.Contains("usage:", errors);
    }

    private async Task<(int Code, string Output, string Errors)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = await GatewayCommands.RunAsync([.. args, $"--ConnectionStrings:gateway={platform.Gateway.KeyStoreConnectionString}"], output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
