using Exchange.Claims.Tests.Infrastructure;
using Exchange.Claims.V1;
using Exchange.Messaging.Persistence;
using Exchange.Missions.V1;
using static Exchange.Claims.Tests.Infrastructure.Samples;
using static Exchange.Testing.TieUps;

namespace Exchange.Claims.Tests;

/// <summary>Spending by support tool and category against budget, in yen and original currencies; programme totals; CSV.</summary>
[Collection(ClaimsCollection.Name)]
public sealed class ReportTests(ClaimsFixture fixture)
{
    private static readonly DateOnly Start = new(2007, 10, 15);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_projects_year_is_reported_by_tool_and_category_against_its_budget_and_exported_as_csv(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.FundedProject();

        // A mission, approved with its travel sanctioned lower, and paid.
        var mission = await deployment.DraftFor(Completed(project.Id, SupportTool.OverseasMission, Start, 5, AnnaWeber));
        await client.Save(mission.Id, HamamatsuBody, Line("travel", "travel", "250000", "JPY", Start, AnnaWeber), Line("interp", "interpretation", "1200.00", "EUR", new DateOnly(2007, 9, 25)));
        await client.Submit(mission.Id, "s1", HamamatsuBody);
        await client.StartReview(mission.Id, Caller.Coordinator);
        await client.Approve(mission.Id, Caller.Coordinator, new LineSanction { LineId = "travel", Sanctioned = Yen(200_000), Reason = "economy fare" });
        await client.Pay(mission.Id, $"pay-{Guid.NewGuid():N}", Caller.Coordinator);
        // An invitation, submitted only.
        var invitation = await deployment.DraftFor(Completed(project.Id, SupportTool.PartnerInvitation, Start.AddDays(30), 3, LiWei));
        await client.Save(invitation.Id, HamamatsuBody, Line("travel", "travel", "8888.88", "CNY", Start.AddDays(30), LiWei), Line("stay", "stay", "50000", "JPY", Start.AddDays(31), LiWei));
        await client.Submit(invitation.Id, "s1", HamamatsuBody);
        // A draft, which spends nothing.
        var draft = await deployment.DraftFor(Completed(project.Id, SupportTool.WorkshopInJapan, Start.AddDays(40), 1, AnnaWeber));
        await client.Save(draft.Id, HamamatsuBody, Line("venue", "venue", "99999", "JPY", Start.AddDays(40)));
        // The Japan coordinator's April, approved and paid.
        var contract = await client.CreateContract(Contract(project.Id, CoordinatorSide.Japan, "Keiko Tanaka"), Caller.Coordinator);
        await client.RecordInvoice(new RecordCoordinatorInvoiceRequest { ContractId = contract.Id, Month = new Month { Year = 2007, Month_ = 4 }, Commission = Yen(100_000), Travel = Yen(20_000) }, HamamatsuBody);
        await client.ApproveInvoice(contract.Id, "inv-2007-04", Caller.Coordinator);
        await client.PayInvoice(contract.Id, "inv-2007-04", "pay-apr", Caller.Coordinator);

        var report = await client.Spending(project.Id, 2007, JenaPartner);
        Assert.Equal(("Hamamatsu - Jena optical appliances tie-up", true), (report.ProjectTitle, report.HasBudget));
        var missionRow = report.Tools.Single(t => t.SupportTool == SupportTool.OverseasMission);
        Assert.Equal(("442144", "392144", "392144", "5000000", "4607856", false, 1),
            (missionRow.ClaimedJpy.Amount, missionRow.ApprovedJpy.Amount, missionRow.PaidJpy.Amount, missionRow.BudgetProgrammeShare.Amount, missionRow.RemainingJpy.Amount, missionRow.OverBudget, missionRow.ClaimCount));
        Assert.Equal([("interpretation", "192144", "192144", "EUR 1200.00"), ("travel", "250000", "200000", "JPY 250000")],
            missionRow.Categories.Select(c => (c.Category, c.ClaimedJpy.Amount, c.ApprovedJpy.Amount, string.Join(", ", c.ClaimedOriginal.Select(m => $"{m.Currency} {m.Amount}")))));
        var invitationRow = report.Tools.Single(t => t.SupportTool == SupportTool.PartnerInvitation);
        Assert.Equal(("191067", "0", "0"), (invitationRow.ClaimedJpy.Amount, invitationRow.ApprovedJpy.Amount, invitationRow.PaidJpy.Amount));
        Assert.Equal(["CNY 8888.88", "JPY 50000"], invitationRow.ClaimedOriginal.Select(m => $"{m.Currency} {m.Amount}"));
        var workshopRow = report.Tools.Single(t => t.SupportTool == SupportTool.WorkshopInJapan);
        Assert.Equal(("0", "5000000"), (workshopRow.ClaimedJpy.Amount, workshopRow.BudgetProgrammeShare.Amount));
        var coordinators = report.Tools.Single(t => t.CoordinatorContracts);
        Assert.Equal(("120000", "120000", "120000", "6000000"), (coordinators.ClaimedJpy.Amount, coordinators.ApprovedJpy.Amount, coordinators.PaidJpy.Amount, coordinators.BudgetProgrammeShare.Amount));
        Assert.Equal(("36000000", "753211", "512144", "512144", "35487856"),
            (report.BudgetProgrammeShare.Amount, report.ClaimedJpy.Amount, report.ApprovedJpy.Amount, report.PaidJpy.Amount, report.RemainingJpy.Amount));
        Assert.Equal(["CNY 8888.88", "EUR 1200.00", "JPY 420000"], report.ClaimedOriginal.Select(m => $"{m.Currency} {m.Amount}"));
        Assert.Equal((1, 1, 0, 1, 0), (report.DraftClaims, report.OpenClaims, report.ApprovedClaims, report.PaidClaims, report.RejectedClaims));

        var totals = await client.ProgrammeTotals(2007, Caller.Coordinator);
        var ours = totals.Projects.Single(p => p.ProjectId == project.Id);
        Assert.Equal(("753211", "512144"), (ours.ClaimedJpy.Amount, ours.ApprovedJpy.Amount));
        Assert.Empty(ours.Tools.SelectMany(t => t.Categories));
        Assert.Equal(totals.Projects.Count, totals.ProjectCount);
        Assert.Equal(totals.Projects.Sum(p => long.Parse(p.ClaimedJpy.Amount)), long.Parse(totals.ClaimedJpy.Amount));
        Assert.Equal(totals.Projects.Sum(p => long.Parse(p.ApprovedJpy.Amount)), totals.ByTool.Sum(t => long.Parse(t.ApprovedJpy.Amount)));

        var csv = await client.Csv(project.Id, 2007, HamamatsuBody);
        Assert.Equal(($"spending-FY2007-{project.Id}.csv", "text/csv; charset=utf-8"), (csv.FileName, csv.ContentType));
        var rows = csv.Csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("fiscal_year,project_id,project_title,support_tool,category,currency,claimed_original,claimed_jpy,approved_jpy,paid_jpy,budget_programme_share_jpy", rows[0]);
        Assert.Equal(csv.RowCount, rows.Length - 1);
        var prefix = $"2007,{project.Id},Hamamatsu - Jena optical appliances tie-up,";
        Assert.Contains(prefix + "OverseasMission,,,,442144,392144,392144,5000000", rows);
        Assert.Contains(prefix + "OverseasMission,interpretation,EUR,1200.00,192144,192144,192144,", rows);
        Assert.Contains(prefix + "OverseasMission,travel,JPY,250000,250000,200000,200000,", rows);
        Assert.Contains(prefix + "PartnerInvitation,travel,CNY,8888.88,141067,0,0,", rows);
        Assert.Contains(prefix + "CoordinatorContracts,,,,120000,120000,120000,6000000", rows);
        Assert.DoesNotContain(rows, r => r.Contains("venue", StringComparison.Ordinal));

        var programme = await client.Csv("", 2007, Caller.Coordinator);
        Assert.Contains(prefix + "OverseasMission,,,,442144,392144,392144,5000000", programme.Csv.Split("\r\n"));
    }
}
