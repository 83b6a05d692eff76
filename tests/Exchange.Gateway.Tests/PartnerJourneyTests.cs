using ProcessStartInfo = System.Diagnostics.ProcessStartInfo;
using System.Net;
using System.Text.Json;
using Exchange.Gateway.Tests.Infrastructure;
using Exchange.Missions.V1;
using Exchange.Projects.V1;

namespace Exchange.Gateway.Tests;

/// <summary>
/// Overseas partners through the gateway with their own clients: one with @grpc/grpc-js, one
/// with plain HTTP and JSON (and curl). Each reads its projects, registers a delegate for an
/// invitation (Missions) and records an achievement (Projects), and what they did is then found
/// in the services, attributed to the partner.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PartnerJourneyTests(Platform platform)
{
    [Fact]
    public async Task A_partner_with_grpc_js_reads_its_projects_registers_a_delegate_and_records_an_achievement()
    {
        var tieUp = await TieUp.StartAsync(platform);
        var foreign = await TieUp.ForeignAsync(platform);

        var (exitCode, stdout, stderr) = await NodeScripts.RunAsync("gateway-partner.js",
            new Dictionary<string, string> { ["EXCHANGE_API_KEY"] = platform.KeyOf(TieUps.JenaPartner) },
            $"127.0.0.1:{platform.Gateway.RpcAddress.Port}", tieUp.Project.Id, tieUp.Invitation.Id, foreign.Id);
        Assert.True(exitCode == 0, $"gateway-partner.js exited with {exitCode}\n{stdout}\n{stderr}");
        foreach (var step in new[] { "list_own_projects", "read_own_project_not_foreign", "register_delegate", "record_achievement", "refused_without_valid_key" })
            Assert.Contains($"PASS {step}", stdout);
        var result = JsonDocument.Parse(stdout.Split('\n').Single(l => l.StartsWith("RESULT ", StringComparison.Ordinal))["RESULT ".Length..]).RootElement;
        Assert.StartsWith("missing API key", result.GetProperty("missing").GetString());
        Assert.Equal("unknown API key", result.GetProperty("wrong").GetString());

        await AssertRecordedByJena(tieUp, result.GetProperty("delegateId").GetString()!, result.GetProperty("achievementId").GetString()!);
    }

    [Fact]
    public async Task A_partner_with_plain_http_and_json_does_the_same()
    {
        var tieUp = await TieUp.StartAsync(platform);
        var foreign = await TieUp.ForeignAsync(platform);
        var key = platform.KeyOf(TieUps.JenaPartner);
        using var json = platform.Json();

        var listed = await json.Post("/exchange.projects.v1.Projects/ListProjects", """{"page":{"pageSize":500}}""", key);
        Assert.Equal(HttpStatusCode.OK, listed.Status);
        var ids = listed.Json.GetProperty("projects").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToList();
        Assert.Contains(tieUp.Project.Id, ids);
        Assert.DoesNotContain(foreign.Id, ids);
        Assert.All(listed.Json.GetProperty("projects").EnumerateArray(), p =>
            Assert.Contains(p.GetProperty("overseasBodies").EnumerateArray(), b => b.GetProperty("id").GetString() == TieUps.Jena));

        var hidden = await json.Post("/exchange.projects.v1.Projects/GetProject", $$"""{"projectId":"{{foreign.Id}}"}""", key);
        Assert.Equal((HttpStatusCode.NotFound, "not_found"), (hidden.Status, hidden.ErrorCode));

        var registered = await json.Post("/exchange.missions.v1.Missions/RegisterDelegate", $$$"""
            {"activityId":"{{{tieUp.Invitation.Id}}}","person":{"name":"Jonas Weber","role":"sales engineer","country":"DE","funding":"FUNDING_PROGRAMME"}}
            """, key);
        Assert.True(registered.Status == HttpStatusCode.OK, registered.ToString());
        var delegateId = registered.Json.GetProperty("roster").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Jonas Weber").GetProperty("id").GetString()!;

        var achievementId = Guid.NewGuid().ToString("N");
        var recorded = await json.Post("/exchange.projects.v1.Projects/RecordAchievement", $$$"""
            {"projectId":"{{{tieUp.Project.Id}}}","achievementId":"{{{achievementId}}}","kind":"ACHIEVEMENT_KIND_TRADE_FAIR",
             "date":{"year":2007,"month":12,"day":3},"description":"Joint stand at an optics trade fair"}
            """, key);
        Assert.True(recorded.Status == HttpStatusCode.OK, recorded.ToString());
        Assert.False(string.IsNullOrEmpty(recorded.Header("x-correlation-id")));

        await AssertRecordedByJena(tieUp, delegateId, achievementId);
    }

    [Fact]
    public async Task A_partner_with_curl_reads_its_project()
    {
        var tieUp = await TieUp.StartAsync(platform);
        var start = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "-s", "-S", "-X", "POST", $"{platform.Gateway.HttpAddress}exchange.projects.v1.Projects/GetProject",
            "-H", "content-type: application/json", "-H", $"x-api-key: {platform.KeyOf(TieUps.JenaPartner)}",
            "-d", $$"""{"projectId":"{{tieUp.Project.Id}}"}""",
        }) start.ArgumentList.Add(argument);

        var (exitCode, stdout, stderr) = await NodeScripts.RunAsync(start);

        Assert.True(exitCode == 0, $"curl exited with {exitCode}: {stderr}");
        var project = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(tieUp.Project.Id, project.GetProperty("id").GetString());
        Assert.Equal(tieUp.Project.Title, project.GetProperty("title").GetString());
    }

    /// <summary>What the partner did is in the services, and done in its name.</summary>
    private async Task AssertRecordedByJena(TieUp tieUp, string delegateId, string achievementId)
    {
        using var missions = platform.Direct(platform.Missions, TieUp.MissionsService);
        var invitation = await missions.Call<GetActivityRequest, Activity>("GetActivity", new GetActivityRequest { ActivityId = tieUp.Invitation.Id }, Platform.Coordinator);
        var entry = Assert.Single(invitation.Roster, r => r.Id == delegateId);
        Assert.True(entry.Delegate);
        Assert.Equal(TieUps.Jena, entry.RegisteredBy);

        using var projects = platform.Direct(platform.Projects, TieUp.ProjectsService);
        var project = await projects.Call<GetProjectRequest, Project>("GetProject", new GetProjectRequest { ProjectId = tieUp.Project.Id }, Platform.Coordinator);
        Assert.Contains(project.Achievements, a => a.Id == achievementId);
    }
}
