using Exchange.Cli.Hosting;
using Exchange.Cli.Tests.Infrastructure;

namespace Exchange.Cli.Tests;

/// <summary>The built client as a process: environment, profile, exit codes and streams as a shell sees them.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProcessTests(Platform platform)
{
    [Fact]
    public async Task The_exchange_process_lists_projects_as_json_and_fails_a_wrong_key_with_its_exit_code()
    {
        var listed = await CliProcess.Run(new Dictionary<string, string?>
        {
            [CliEnvironment.GatewayVariable] = platform.Gateway.RpcAddress.ToString(),
            [CliEnvironment.KeyVariable] = platform.CoordinatorKey,
            [CliEnvironment.ProfileVariable] = Path.Combine(Path.GetTempPath(), $"exchange-none-{Guid.NewGuid():N}.json"),
        }, "projects", "list", "--text", "Jena", "--json");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.Equal("Hamamatsu - Jena optical appliances tie-up", listed.Json.GetProperty("projects")[0].GetProperty("title").GetString());

        var refused = await CliProcess.Run(new Dictionary<string, string?>
        {
            [CliEnvironment.GatewayVariable] = platform.Gateway.RpcAddress.ToString(),
            [CliEnvironment.ProfileVariable] = Path.Combine(Path.GetTempPath(), $"exchange-none-{Guid.NewGuid():N}.json"),
        }, "projects", "list", "--key", "exk_aaaaaaaaaaaaaaaa_" + new string('c', 43));
        Assert.Equal(ExitCodes.Access, refused.ExitCode);
        Assert.Equal("", refused.Output);
        Assert.Contains("error: UNAUTHENTICATED: unknown API key", refused.Errors);
    }

    [Fact]
    public async Task Login_remembers_the_gateway_and_key_for_later_runs_and_logout_forgets_them()
    {
        var profile = Path.Combine(Path.GetTempPath(), $"exchange-profile-{Guid.NewGuid():N}", "profile.json");
        var environment = new Dictionary<string, string?> { [CliEnvironment.ProfileVariable] = profile };

        var login = await CliProcess.Run(environment, "login", "--gateway", platform.Gateway.RpcAddress.ToString(), "--key", platform.KyushuBodyKey);
        Assert.True(login.ExitCode == 0, login.ToString());
        Assert.Contains($"Logged in to {platform.Gateway.RpcAddress} as {Platform.KyushuBody}, implementation-body (key ", login.Output);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(profile));

        var listed = await CliProcess.Run(environment, "projects", "list", "--json");
        Assert.True(listed.ExitCode == 0, listed.ToString());
        Assert.All(listed.Json.GetProperty("projects").EnumerateArray(),
            p => Assert.Equal(Platform.KyushuBody, p.GetProperty("domesticBody").GetProperty("id").GetString()));

        // Logging in again, for scripts: who the key speaks for, as the gateway said.
        var again = await CliProcess.Run(environment, "login", "--json");
        Assert.True(again.ExitCode == 0, again.ToString());
        var caller = again.Json.GetProperty("caller");
        Assert.Equal(Platform.KyushuBody, caller.GetProperty("organisationId").GetString());
        Assert.Equal("ROLE_IMPLEMENTATION_BODY", caller.GetProperty("role").GetString());
        Assert.Equal(platform.KyushuBodyKey.Split('_')[1], caller.GetProperty("keyId").GetString());

        var badLogin = await CliProcess.Run(environment, "login", "--key", "exk_aaaaaaaaaaaaaaaa_" + new string('d', 43));
        Assert.Equal(ExitCodes.Access, badLogin.ExitCode);
        Assert.Contains(platform.KyushuBodyKey, await File.ReadAllTextAsync(profile));

        Assert.Equal(0, (await CliProcess.Run(environment, "logout")).ExitCode);
        Assert.False(File.Exists(profile));
        var none = await CliProcess.Run(environment, "projects", "list");
        Assert.Equal(ExitCodes.Access, none.ExitCode);
    }
}
