using System.Text.Json;
using Exchange.Cli.Tests.Infrastructure;

namespace Exchange.Cli.Tests;

/// <summary>
/// 'exchange demo load' puts activities, claims in several states, a coordinator contract year and
/// a survey round on the demo projects (the fixture ran it once); running it again changes nothing.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class DemoLoadTests(Platform platform)
{
    [Fact]
    public void The_first_load_made_claims_in_several_states_a_contract_year_and_a_survey_round()
    {
        var summary = platform.FirstDemoLoad.Json;
        Assert.Equal(13, summary.GetProperty("projects").GetInt32());
        var claims = summary.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("status").GetString()).Order().ToList();
        Assert.Equal(["approved", "draft", "paid", "submitted", "under-review"], claims);
        var activities = summary.GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("status").GetString()).ToList();
        Assert.Contains("planned", activities);
        Assert.Contains("confirmed", activities);
        Assert.Equal([12, 9], summary.GetProperty("contracts").EnumerateArray().Select(c => c.GetProperty("invoices").GetInt32()));
        Assert.Equal("10 sent, 7 valid, 70.0 %", summary.GetProperty("surveyRound").GetProperty("responseRate").GetString());
        Assert.Equal(["coordinator", "implementation-body", "overseas-partner"], summary.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Loading_again_changes_nothing_and_keeps_the_keys()
    {
        var claimIds = platform.FirstDemoLoad.Json.GetProperty("claims").EnumerateArray().Select(c => c.GetProperty("claimId").GetString()!).ToList();
        var before = await Versions(claimIds);
        var keysBefore = (await platform.Admin.Ok("keys", "list", "--json")).Json.GetProperty("keys").GetArrayLength();
        var keysFile = await File.ReadAllTextAsync(platform.DemoKeysFile);

        var second = await platform.Admin.Ok("demo", "load", "--keys-file", platform.DemoKeysFile, "--json");
        Assert.Equal(platform.FirstDemoLoad.Json.ToString(), second.Json.ToString());
        Assert.Equal(before, await Versions(claimIds));
        Assert.Equal(keysBefore, (await platform.Admin.Ok("keys", "list", "--json")).Json.GetProperty("keys").GetArrayLength());
        Assert.Equal(keysFile, await File.ReadAllTextAsync(platform.DemoKeysFile));
    }

    [Fact]
    public async Task The_demo_keys_work_for_their_roles()
    {
        var coordinatorKey = (await platform.Admin.Ok("demo", "keys", "--keys-file", platform.DemoKeysFile, "--role", "coordinator")).Output.Trim();
        var partnerKey = (await platform.Admin.Ok("demo", "keys", "--keys-file", platform.DemoKeysFile, "--role", "overseas-partner")).Output.Trim();
        Assert.StartsWith("exk_", coordinatorKey);

        var all = (await platform.Coordinator.WithKey(coordinatorKey).Ok("projects", "list", "--json")).Json.GetProperty("totalCount").GetInt32();
        var partner = (await platform.Coordinator.WithKey(partnerKey).Ok("projects", "list", "--json")).Json.GetProperty("projects").EnumerateArray().ToList();
        Assert.True(all >= 29);
        Assert.Equal(["Hamamatsu - Jena optical appliances tie-up"], partner.Select(p => p.GetProperty("title").GetString()));

        var table = await platform.Admin.Ok("demo", "keys", "--keys-file", platform.DemoKeysFile);
        Assert.Contains(coordinatorKey, table.Output);
        Assert.Contains("jena-city", table.Output);
    }

    private async Task<string> Versions(IEnumerable<string> claimIds)
    {
        var versions = new List<string>();
        foreach (var id in claimIds)
        {
            var claim = (await platform.Coordinator.Ok("claims", "show", id, "--json")).Json;
            versions.Add($"{id}:{claim.GetProperty("status").GetString()}:{claim.GetProperty("version").GetString()}");
        }
        return string.Join(",", versions);
    }
}
