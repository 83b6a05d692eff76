using System.Text.Json;
using Exchange.Cli.Tests.Infrastructure;

namespace Exchange.Cli.Tests;

/// <summary>Projects listed, shown and registered from the command line, through the gateway.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ProjectCommandTests(Platform platform)
{
    [Fact]
    public async Task A_coordinator_lists_the_demo_projects_as_a_table_and_every_page_as_json()
    {
        var table = await platform.Coordinator.Ok("projects", "list", "--text", "Jena");
        Assert.Contains("Hamamatsu - Jena optical appliances tie-up", table.Output);
        Assert.Contains("active", table.Output);
        Assert.Contains("FY2007-2008", table.Output);
        Assert.Contains("1 of 1 projects", table.Output);

        var all = await platform.Coordinator.Ok("projects", "list", "--all", "--page-size", "7", "--json");
        var projects = all.Json.GetProperty("projects").EnumerateArray().ToList();
        Assert.True(projects.Count >= 29, all.ToString());
        Assert.Equal(projects.Count, all.Json.GetProperty("totalCount").GetInt32());
        Assert.Equal(projects.Count, projects.Select(p => p.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal("", all.Errors);
    }

    [Fact]
    public async Task Filters_reach_the_service_and_an_implementation_body_sees_its_own_projects_only()
    {
        var inFy2008 = (await platform.Coordinator.Ok("projects", "list", "--fiscal-year", "2008", "--programme", "regional-industry-tie-up", "--json")).Json;
        Assert.Equal(19, inFy2008.GetProperty("totalCount").GetInt32());

        var own = (await platform.KyushuBodyCli.Ok("projects", "list", "--json")).Json.GetProperty("projects").EnumerateArray().ToList();
        Assert.NotEmpty(own);
        Assert.All(own, p => Assert.Equal(Platform.KyushuBody, p.GetProperty("domesticBody").GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Show_prints_a_project_with_its_bodies_and_years()
    {
        var id = await ProjectId(platform, "Kyushu - Dalian environment and recycling tie-up");
        var shown = await platform.Coordinator.Ok("projects", "show", id);
        Assert.Contains("Kyushu - Dalian environment and recycling tie-up", shown.Output);
        Assert.Contains("Kyushu environmental industry association [kyushu-environment]", shown.Output);
        Assert.Contains("Dalian, CN (asia)", shown.Output);
        Assert.Contains("FY2008", shown.Output);

        var json = (await platform.Coordinator.Ok("projects", "show", id, "--json")).Json;
        Assert.Equal(id, json.GetProperty("id").GetString());
        Assert.Equal("PROJECT_STATUS_ACTIVE", json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_implementation_body_registers_a_project_from_options_once_per_request_id()
    {
        var requestId = Guid.NewGuid().ToString("N");
        string[] args =
        [
            "projects", "register", "--request-id", requestId,
            "--title", $"Kyushu - Busan semiconductor recycling tie-up {requestId[..6]}",
            "--region", "Kyushu", "--bureau", "kyushu", "--sector", "environment", "--theme", "Semiconductor recycling",
            "--overseas-region", "Busan,KR,asia", "--domestic-body", $"{Platform.KyushuBody}:Kyushu environmental industry association",
            "--overseas-body", "busan-city:Busan Metropolitan City:KR",
            "--member", "regional-company:Kitakyushu Recycling:sme", "--member", "regional-company:Fukuoka Materials:sme",
            "--member", "university:Kyushu Institute of Technology",
            "--first-year", "2009", "--last-year", "2011",
        ];
        var registered = await platform.KyushuBodyCli.Ok(args);
        Assert.StartsWith("Registered project ", registered.Output);
        Assert.Contains("(proposed)", registered.Output);

        var again = await platform.KyushuBodyCli.Ok([.. args, "--json"]);
        var project = again.Json;
        Assert.Contains(project.GetProperty("id").GetString()!, registered.Output);
        Assert.Equal("PROJECT_STATUS_PROPOSED", project.GetProperty("status").GetString());
        Assert.Equal("KR", project.GetProperty("overseasRegions")[0].GetProperty("country").GetString());
        Assert.Equal(3, project.GetProperty("members").GetArrayLength());
        Assert.True(project.GetProperty("members")[0].GetProperty("sme").GetBoolean());
    }

    [Fact]
    public async Task A_project_registers_from_a_json_file_in_the_api_form()
    {
        var file = Path.Combine(Path.GetTempPath(), $"project-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, $$"""
            {
              "programme": "PROGRAMME_REGIONAL_INDUSTRY_TIE_UP",
              "title": "Kyushu - Kaohsiung water treatment tie-up {{Guid.NewGuid():N}}",
              "domesticRegion": { "name": "Kyushu", "bureau": "REGIONAL_BUREAU_KYUSHU" },
              "overseasRegions": [ { "name": "Kaohsiung", "country": "TW", "worldArea": "WORLD_AREA_ASIA" } ],
              "sector": "SECTOR_ENVIRONMENT",
              "theme": "Water treatment",
              "domesticBody": { "id": "{{Platform.KyushuBody}}", "name": "Kyushu environmental industry association", "country": "JP" },
              "overseasBodies": [ { "id": "kaohsiung-city", "name": "Kaohsiung City Government", "country": "TW" } ],
              "members": [ { "actorType": "ACTOR_TYPE_REGIONAL_COMPANY", "organisationName": "Kumamoto Water Works", "sme": true } ],
              "plannedPeriod": { "firstYear": 2009, "lastYear": 2010 }
            }
            """);
        var registered = await platform.KyushuBodyCli.Ok("projects", "register", "--file", file, "--json");
        Assert.Equal("Kaohsiung", registered.Json.GetProperty("overseasRegions")[0].GetProperty("name").GetString());

        var both = await platform.KyushuBodyCli.Run("projects", "register", "--file", file, "--title", "another");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("leave out --title", both.Errors);
    }

    public static async Task<string> ProjectId(Platform platform, string title)
    {
        var listed = (await platform.Coordinator.Ok("projects", "list", "--text", title, "--json")).Json;
        return listed.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("title").GetString() == title).GetProperty("id").GetString()!;
    }
}
