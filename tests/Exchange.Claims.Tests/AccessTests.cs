using Exchange.Claims.Tests.Infrastructure;
using Exchange.Claims.V1;
using Exchange.Messaging.Persistence;
using Exchange.Missions.V1;
using Exchange.Rpc;
using static Exchange.Claims.Tests.Infrastructure.Samples;
using static Exchange.Testing.TieUps;

namespace Exchange.Claims.Tests;

/// <summary>Access follows the parties recorded on the project: its own records for bodies and partners, everything for coordinators.</summary>
[Collection(ClaimsCollection.Name)]
public sealed class AccessTests(ClaimsFixture fixture)
{
    private static readonly DateOnly Start = new(2007, 7, 2);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Someone_elses_project_is_not_found_and_nothing_changes(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var claims = deployment.Claims;
        var project = await deployment.FundedProject();
        await deployment.ActiveProject(SuwaDalian());
        var claim = await deployment.DraftFor(Completed(project.Id, SupportTool.OverseasMission, Start, 3, AnnaWeber));
        await client.Save(claim.Id, HamamatsuBody, Line("travel", "travel", "100000", "JPY", Start, AnnaWeber));
        var contract = await client.CreateContract(Contract(project.Id, CoordinatorSide.Japan, "Keiko Tanaka"), Caller.Coordinator);

        foreach (var stranger in new[] { SuwaBody, DalianPartner })
        {
            await claims.Refused(project.Id, StatusCode.NotFound, $"claim {claim.Id} not found", () => client.Get(claim.Id, stranger));
            await claims.Refused(project.Id, StatusCode.NotFound, $"claim {claim.Id} not found", () => client.Save(claim.Id, stranger, Line("x", "travel", "1", "JPY", Start)));
            await claims.Refused(project.Id, StatusCode.NotFound, $"claim {claim.Id} not found", () => client.Submit(claim.Id, "s1", stranger));
            await claims.Refused(project.Id, StatusCode.NotFound, "project-access", () => client.Budget(project.Id, 2007, stranger));
            await claims.Refused(project.Id, StatusCode.NotFound, "project-access", () => client.Spending(project.Id, 2007, stranger));
            await claims.Refused(project.Id, StatusCode.NotFound, "project-access", () => client.Csv(project.Id, 2007, stranger));
            await claims.Refused(project.Id, StatusCode.NotFound, "project-access", () => client.List(new ListClaimsRequest { ProjectId = project.Id }, stranger));
            await claims.Refused(project.Id, StatusCode.NotFound, "project-access", () => client.Contracts(project.Id, 2007, stranger));
            await claims.Refused(project.Id, StatusCode.NotFound, $"coordinator contract {contract.Id} not found", () => client.Contract(contract.Id, stranger));
            await claims.Refused(project.Id, StatusCode.NotFound, $"coordinator contract {contract.Id} not found", () => client.RecordInvoice(new RecordCoordinatorInvoiceRequest
            {
                ContractId = contract.Id,
                Month = new Month { Year = 2007, Month_ = 4 },
                Commission = Yen(1),
                Travel = Yen(1),
            }, stranger));
            await claims.Refused(project.Id, StatusCode.NotFound, "no audit trail", () => client.Audit(new GetAuditTrailRequest { SubjectId = claim.Id }, stranger));
            Assert.DoesNotContain((await client.List(new ListClaimsRequest(), stranger)).Claims, c => c.ProjectId == project.Id);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Overseas_partners_read_their_projects_claims_but_do_not_change_them(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.FundedProject();
        var claim = await deployment.DraftFor(Completed(project.Id, SupportTool.PartnerInvitation, Start, 3, AnnaWeber));
        await client.Save(claim.Id, HamamatsuBody, Line("travel", "travel", "100000", "JPY", Start, AnnaWeber));

        Assert.Equal(claim.Id, (await client.Get(claim.Id, JenaPartner)).Id);
        Assert.Contains((await client.List(new ListClaimsRequest { FiscalYear = 2007 }, JenaPartner)).Claims, c => c.Id == claim.Id);
        Assert.Equal(project.Id, (await client.Spending(project.Id, 2007, JenaPartner)).ProjectId);
        Assert.Equal(project.Id, (await client.Budget(project.Id, 2007, JenaPartner)).ProjectId);
        await deployment.Claims.Refused(project.Id, StatusCode.PermissionDenied, "project-change", () => client.Save(claim.Id, JenaPartner, Line("x", "travel", "1", "JPY", Start)));
        await deployment.Claims.Refused(project.Id, StatusCode.PermissionDenied, "project-change", () => client.Submit(claim.Id, "s1", JenaPartner));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Only_coordinators_keep_the_rulebook_rates_and_budgets_review_approve_and_pay(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var claims = deployment.Claims;
        var project = await deployment.FundedProject();
        var claim = await deployment.DraftFor(Completed(project.Id, SupportTool.OverseasMission, Start, 3, AnnaWeber));
        await client.Save(claim.Id, HamamatsuBody, Line("travel", "travel", "100000", "JPY", Start, AnnaWeber));
        await client.Submit(claim.Id, "s1", HamamatsuBody);

        await claims.Refused(project.Id, StatusCode.PermissionDenied, "rule-configuration", () => client.RulebookFromTemplate(2040, HamamatsuBody));
        var rulebook = await client.Rulebook(2007, HamamatsuBody);
        await claims.Refused(project.Id, StatusCode.PermissionDenied, "rule-configuration", () => client.SetRulebook(rulebook, rulebook.Version, HamamatsuBody));
        await claims.Refused(project.Id, StatusCode.PermissionDenied, "rule-configuration", () => client.SetRate("CNY", new DateOnly(2007, 4, 1), "1", HamamatsuBody));
        await claims.Refused(project.Id, StatusCode.PermissionDenied, "budget-setting", () => client.SetBudget(Budget(project.Id), HamamatsuBody));
        await claims.Refused(project.Id, StatusCode.PermissionDenied, "claim-review", () => client.StartReview(claim.Id, HamamatsuBody));
        await claims.Refused(project.Id, StatusCode.PermissionDenied, "claim-review", () => client.Return(claim.Id, "self-review", HamamatsuBody));
        await client.StartReview(claim.Id, Caller.Coordinator);
        await claims.Refused(project.Id, StatusCode.PermissionDenied, "claim-review", () => client.Approve(claim.Id, HamamatsuBody));
        await claims.Refused(project.Id, StatusCode.PermissionDenied, "claim-review", () => client.Reject(claim.Id, "self-review", JenaPartner));
        await client.Approve(claim.Id, Caller.Coordinator);
        await claims.Refused(project.Id, StatusCode.PermissionDenied, "claim-payment", () => client.Pay(claim.Id, "p1", HamamatsuBody));
        await claims.Refused(project.Id, StatusCode.PermissionDenied, "programme-reports", () => client.ProgrammeTotals(2007, HamamatsuBody));
        await claims.Refused(project.Id, StatusCode.PermissionDenied, "programme-reports", () => client.Csv("", 2007, JenaPartner));
        await claims.Refused(project.Id, StatusCode.PermissionDenied, "programme-reports", () => client.Audit(new GetAuditTrailRequest(), HamamatsuBody));
        Assert.NotEmpty((await client.Audit(new GetAuditTrailRequest { ProjectId = project.Id }, JenaPartner)).Entries);
        Assert.True((await client.Audit(new GetAuditTrailRequest(), Caller.Coordinator)).TotalCount > 0);
    }
}
