using Exchange.Cli.Hosting;
using Exchange.Cli.Tests.Infrastructure;

namespace Exchange.Cli.Tests;

/// <summary>Failures say what is wrong, field by field and rule by rule, and exit with the code of their kind.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ErrorTests(Platform platform)
{
    private static readonly string[] BadRegistration =
    [
        "projects", "register", "--region", "Jena", "--overseas-region", "Jena,Germany", "--domestic-body", $"{Platform.KyushuBody}:Kyushu",
        "--first-year", "2009", "--last-year", "2008",
    ];

    [Fact]
    public async Task Bad_input_lists_every_field_the_service_refused()
    {
        var refused = await platform.KyushuBodyCli.Run(BadRegistration);
        Assert.Equal(ExitCodes.InvalidInput, refused.ExitCode);
        Assert.Equal("", refused.Output);
        Assert.StartsWith("error: INVALID_ARGUMENT: the service refused ", refused.Errors);
        Assert.Contains("\n  - title: is required", refused.Errors);
        Assert.Contains("\n  - overseas_regions[0].country: 'Germany' is not an ISO 3166-1 alpha-2 code", refused.Errors);

        var json = await platform.KyushuBodyCli.Run([.. BadRegistration, "--json"]);
        Assert.Equal(ExitCodes.InvalidInput, json.ExitCode);
        Assert.Equal("", json.Output);
        var error = json.ErrorJson;
        Assert.Equal("invalid_argument", error.GetProperty("code").GetString());
        Assert.Equal(ExitCodes.InvalidInput, error.GetProperty("exitCode").GetInt32());
        var fields = error.GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()).ToList();
        Assert.Contains("title", fields);
        Assert.Contains("overseas_regions[0].country", fields);
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_a_clear_message_and_the_access_exit_code()
    {
        var unknown = await platform.Coordinator.WithKey("exk_aaaaaaaaaaaaaaaa_" + new string('b', 43)).Run("projects", "list");
        Assert.Equal(ExitCodes.Access, unknown.ExitCode);
        Assert.Equal("", unknown.Output);
        Assert.Contains("error: UNAUTHENTICATED: unknown API key", unknown.Errors);
        Assert.Contains("check the API key: --key, EXCHANGE_API_KEY, or 'exchange login --key <key>'", unknown.Errors);

        var malformed = await platform.Coordinator.WithKey("letmein").Run("projects", "list", "--json");
        Assert.Equal(ExitCodes.Access, malformed.ExitCode);
        Assert.Equal("unauthenticated", malformed.ErrorJson.GetProperty("code").GetString());
        Assert.StartsWith("malformed API key", malformed.ErrorJson.GetProperty("message").GetString());

        var none = await platform.Coordinator.WithKey(null).Run("projects", "list");
        Assert.Equal(ExitCodes.Access, none.ExitCode);
        Assert.Contains("no API key: pass --key <key>, set EXCHANGE_API_KEY, or run 'exchange login --key <key>' once", none.Errors);
    }

    [Fact]
    public async Task A_role_that_may_not_act_is_told_which_rule_refuses_it()
    {
        var refused = await platform.Partner.Run("contracts", "reconcile", "--fiscal-year", "2008");
        Assert.Equal(ExitCodes.Access, refused.ExitCode);
        Assert.Contains("error: PERMISSION_DENIED: reconciliation: only coordinators", refused.Errors);
    }

    [Fact]
    public async Task Not_found_usage_and_an_unreachable_gateway_have_exit_codes_of_their_own()
    {
        var missing = await platform.Coordinator.Run("projects", "show", Guid.NewGuid().ToString());
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.StartsWith("error: NOT_FOUND: ", missing.Errors);

        var typo = await platform.Coordinator.Run("projects", "lst");
        Assert.Equal(ExitCodes.Usage, typo.ExitCode);
        Assert.Contains("Unrecognized command or argument 'lst'", typo.Errors);

        var badChoice = await platform.Coordinator.Run("projects", "list", "--status", "sleeping");
        Assert.Equal(ExitCodes.Usage, badChoice.ExitCode);
        Assert.Contains("--status 'sleeping' is not one of: proposed, adopted, active, continued, completed, follow-up, closed, withdrawn", badChoice.Errors);

        var down = await platform.Coordinator.Run("projects", "list", "--gateway", $"http://127.0.0.1:{Loopback.FreePort()}");
        Assert.Equal(ExitCodes.Unavailable, down.ExitCode);
        Assert.StartsWith("error: UNAVAILABLE: ", down.Errors);
        Assert.Contains("is the gateway running at", down.Errors);
    }

    [Fact]
    public async Task Every_command_answers_help()
    {
        foreach (var command in new[] { "projects", "missions log", "claims submit", "contracts reconcile", "surveys import-responses", "reports export", "keys rotate", "demo load" })
        {
            var help = await platform.Coordinator.Ok([.. command.Split(' '), "--help"]);
            Assert.Contains("Usage:", help.Output);
            Assert.Contains($"exchange {command}", help.Output);
        }
    }
}
