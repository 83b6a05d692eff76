using System.Text.Json;
using Exchange.Claims.V1;
using Exchange.Cli.Gateway;
using Exchange.Cli.Hosting;
using Exchange.Cli.Tests.Infrastructure;
using Exchange.Common.V1;
using Exchange.Missions.V1;

namespace Exchange.Cli.Tests;

/// <summary>
/// An implementation body logs a mission with its roster from a CSV file and completes it; the
/// Claims service opens its draft; the body submits the lines, the coordinator approves and pays.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class MissionAndClaimTests(Platform platform)
{
    private const string Kyushu = "Kyushu - Dalian environment and recycling tie-up";

    [Fact]
    public async Task A_mission_logged_with_its_roster_is_claimed_submitted_approved_and_paid()
    {
        var projectId = await ProjectCommandTests.ProjectId(platform, Kyushu);
        var folder = Directory.CreateTempSubdirectory("exchange-cli-mission").FullName;
        var roster = Path.Combine(folder, "roster.csv");
        await File.WriteAllTextAsync(roster, """
            name,organisation,country,kind,role,funding
            Hideki Mori,Kitakyushu Eco-Town Center,JP,support-organisation,expert,programme
            "Sato, Aiko",Aiko Sato,JP,individual-expert,interpreter,programme
            Daisuke Ono,Fukuoka Recycling Works,JP,company,company president,private-expense
            """);
        var requestId = Guid.NewGuid().ToString("N");
        string[] log =
        [
            "missions", "log", "--project", projectId, "--tool", "overseas-mission", "--title", $"Mission of Kyushu recyclers to Dalian {requestId[..6]}",
            "--purpose", "Meetings with Dalian recycling plants", "--start", "2008-10-06", "--end", "2008-10-10", "--place", "Dalian,CN",
            "--roster", roster, "--request-id", requestId, "--complete",
        ];
        var logged = await platform.KyushuBodyCli.Ok(log);
        Assert.Contains("is completed; 2 funded, 1 at private expense", logged.Output);
        Assert.Contains("Sato, Aiko", logged.Output);
        Assert.Contains("added Hideki Mori", logged.Errors);

        var again = await platform.KyushuBodyCli.Ok([.. log, "--json"]);
        var activity = again.Json;
        var activityId = activity.GetProperty("id").GetString()!;
        Assert.Contains(activityId, logged.Output);
        Assert.Equal(3, activity.GetProperty("roster").GetArrayLength());
        Assert.Equal("ACTIVITY_STATUS_COMPLETED", activity.GetProperty("status").GetString());

        // The draft claim arrives with the activity's completion event.
        var claim = await Eventually.Poll(
            async () => (await platform.KyushuBodyCli.Ok("claims", "list", "--activity", activityId, "--json")).Json,
            json => json.TryGetProperty("claims", out var claims) && claims.GetArrayLength() == 1);
        var claimId = claim.GetProperty("claims")[0].GetProperty("id").GetString()!;
        var shown = (await platform.KyushuBodyCli.Ok("claims", "show", claimId, "--json")).Json;
        Assert.Equal("CLAIM_STATUS_DRAFT", shown.GetProperty("status").GetString());
        var people = shown.GetProperty("fundedPeople").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("key").GetString()!);
        Assert.Equal(["Hideki Mori", "Sato, Aiko"], people.Keys.Order());

        var lines = Path.Combine(folder, "lines.csv");
        foreach (var receipt in new[] { "flight.pdf", "hotel.pdf", "car.pdf" }) await File.WriteAllTextAsync(Path.Combine(folder, receipt), $"receipt {receipt} {requestId}");
        await File.WriteAllTextAsync(lines, $"""
            id,category,description,amount,currency,value_date,person,receipt_file
            travel-mori,travel,Flight Fukuoka - Dalian and back,98000,JPY,2008-09-20,{people["Hideki Mori"]},flight.pdf
            stay-mori,stay,"Hotel in Dalian, 4 nights",2000.00,CNY,2008-10-10,{people["Hideki Mori"]},hotel.pdf
            transport,local_transport,Car hire,900.00,CNY,2008-10-10,,car.pdf
            """);

        // Kyushu - Dalian has no FY2008 budget yet: the claim is saved, every broken rule listed, nothing submitted.
        var refused = await platform.KyushuBodyCli.Run("claims", "submit", claimId, "--lines", lines);
        Assert.Equal(ExitCodes.Refused, refused.ExitCode);
        Assert.Contains($"error: claim {claimId} was saved but breaks 1 rule, so it was not submitted", refused.Errors);
        Assert.Contains("  - within-budget: ", refused.Errors);
        var saved = (await platform.KyushuBodyCli.Ok("claims", "show", claimId, "--json")).Json;
        Assert.Equal("CLAIM_STATUS_DRAFT", saved.GetProperty("status").GetString());
        Assert.Equal(3, saved.GetProperty("lines").GetArrayLength());
        Assert.Equal("29200", saved.GetProperty("lines")[1].GetProperty("amountJpy").GetProperty("amount").GetString());

        await SetBudget(projectId, 2008);
        var submitted = await platform.KyushuBodyCli.Ok("claims", "submit", claimId, "--json");
        Assert.Equal("CLAIM_STATUS_SUBMITTED", submitted.Json.GetProperty("status").GetString());

        var notTheirs = await platform.KyushuBodyCli.Run("claims", "approve", claimId);
        Assert.Equal(ExitCodes.Access, notTheirs.ExitCode);
        Assert.Contains("PERMISSION_DENIED: claim-review: only coordinators", notTheirs.Errors);

        var approved = await platform.Coordinator.Ok("claims", "approve", claimId, "--sanction", "stay-mori=20000:Three nights are eligible", "--note", "checked");
        Assert.Contains("approved, claimed 140340 JPY, sanctioned 131140 JPY", approved.Output);

        var paid = await platform.Coordinator.Ok("claims", "pay", claimId, "--payment-id", $"pay-{requestId}", "--paid-on", "2008-12-01", "--reference", "FY2008-117");
        Assert.True(paid.Output.Contains($"paid 2008-12-01 (pay-{requestId})", StringComparison.Ordinal), paid.ToString());
        await platform.Coordinator.Ok("claims", "pay", claimId, "--payment-id", $"pay-{requestId}");
        var twice = await platform.Coordinator.Run("claims", "pay", claimId, "--payment-id", $"other-{requestId}");
        Assert.Equal(ExitCodes.Refused, twice.ExitCode);
        Assert.Contains("claim-paid-once", twice.Errors);

        var table = await platform.Coordinator.Ok("claims", "list", "--project", projectId, "--status", "paid");
        Assert.Contains(claimId, table.Output);
    }

    [Fact]
    public async Task A_roster_file_with_bad_rows_is_refused_before_anything_is_sent()
    {
        var roster = Path.Combine(Directory.CreateTempSubdirectory("exchange-cli-roster").FullName, "roster.csv");
        await File.WriteAllTextAsync(roster, "name,organisation,funding,kind\nA,B,sponsored,company\nC,D,programme,castle\n");
        var refused = await platform.KyushuBodyCli.Run("missions", "log", "--project", Guid.NewGuid().ToString(), "--tool", "overseas-mission", "--roster", roster);
        Assert.Equal(ExitCodes.Usage, refused.ExitCode);
        Assert.Contains("has 2 bad rows", refused.Errors);
        Assert.Contains("line 2: funding 'sponsored' is not programme or private-expense", refused.Errors);
        Assert.Contains("line 3: kind 'castle' is not one of", refused.Errors);
    }

    private async Task SetBudget(string projectId, int fiscalYear)
    {
        using var coordinator = new GatewayClient(new GatewayTarget(platform.Gateway.RpcAddress, platform.CoordinatorKey));
        var budget = new SetBudgetRequest
        {
            ProjectId = projectId,
            FiscalYear = fiscalYear,
            Lines = { new BudgetLine { SupportTool = SupportTool.OverseasMission, ProgrammeShare = new Money { Amount = "2000000", Currency = "JPY" }, OwnShare = new Money { Amount = "1200000", Currency = "JPY" } } },
        };
        await coordinator.Call(Api.Claims.SetBudget, budget, CancellationToken.None);
    }
}
