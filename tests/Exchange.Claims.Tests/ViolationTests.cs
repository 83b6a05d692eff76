using Exchange.Claims.Tests.Infrastructure;
using Exchange.Claims.V1;
using Exchange.Messaging.Persistence;
using Exchange.Missions.V1;
using Exchange.Rpc;
using static Exchange.Claims.Tests.Infrastructure.Samples;
using static Exchange.Testing.TieUps;

namespace Exchange.Claims.Tests;

/// <summary>Bad input: every violation listed at once, the draft kept as typed, the submission refused with all of them.</summary>
[Collection(ClaimsCollection.Name)]
public sealed class ViolationTests(ClaimsFixture fixture)
{
    private static readonly DateOnly Start = new(2007, 11, 5);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Every_violation_is_listed_at_once_the_draft_keeps_what_was_typed_and_submission_is_refused_naming_them_all(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.FundedProject();
        var draft = await deployment.DraftFor(Completed(project.Id, SupportTool.PartnerInvitation, Start, 3, AnnaWeber, JonasKeller, MiaSchulz, LukasBraun, LiWei));
        var day = Start.AddDays(1);
        var noReceipt = Line("l14", "interpretation", "1000", "JPY", day);
        noReceipt.Receipt = null;
        var badHash = Line("l15", "interpretation", "1000", "JPY", day);
        badHash.Receipt.Sha256 = "not-a-hash";
        var noDate = Line("l12", "interpretation", "1000", "JPY", day);
        noDate.ValueDate = null;
        var stranger = Line("l6", "travel", "90000", "JPY", day);
        stranger.PersonKey = "de-private-co/Max Mustermann";
        ClaimLine[] typed =
        [
            Line("l1", "souvenirs", "50000", "JPY", day),
            Line("l2", "reception", "80000", "JPY", day),
            Line("l3", "stay", "130000", "JPY", day, AnnaWeber),
            Line("l4", "travel", "-5000", "JPY", day, AnnaWeber),
            Line("l5", "interpretation", "500.00", "GBP", day),
            stranger,
            Line("l7", "travel", "12.5", "JPY", day, LiWei),
            Line("l8", "interpretation", "100", "XXQ", day),
            Line("l9", "travel", "90000", "JPY", day, JonasKeller),
            Line("l10", "travel", "90000", "JPY", day, MiaSchulz),
            Line("l11", "travel", "90000", "JPY", day, LukasBraun),
            noDate,
            Line("l13", "stay", "10000", "JPY", day),
            noReceipt,
            badHash,
            Line("l16", "interpretation", "12,000", "JPY", day),
        ];

        var saved = await client.Save(draft.Id, HamamatsuBody, typed);
        Assert.Equal(ClaimStatus.Draft, saved.Status);
        (string Rule, string Line)[] expected =
        [
            ("category-unknown", "l1"), ("ineligible-item", "l2"), ("amount-positive", "l4"), ("exchange-rate-at-value-date", "l5"),
            ("funded-person", "l6"), ("amount-precision", "l7"), ("currency-code", "l8"), ("max-three-funded-invitees-per-company", "l11"),
            ("value-date", "l12"), ("person-required", "l13"), ("receipt-required", "l14"), ("receipt-hash", "l15"), ("amount-format", "l16"),
            ("category-cap", "l3"),
        ];
        Assert.Equal(expected.Order(), saved.Violations.Select(v => (v.Rule, v.LineId)).Distinct().Order());
        Assert.Equal("lines[2].amount", saved.Violations.Single(v => v.Rule == "category-cap").Field);
        Assert.Contains("20000 JPY per person per day x 3 days = 60000 JPY", saved.Violations.Single(v => v.Rule == "category-cap").Message, StringComparison.Ordinal);

        // Nothing typed was lost, on the save's answer and when read again.
        foreach (var claim in new[] { saved, await client.Get(draft.Id, HamamatsuBody) })
        {
            Assert.Equal(typed.Select(l => l.Id), claim.Lines.Select(l => l.Id));
            Assert.Equal(typed.Select(l => l.Amount.Amount), claim.Lines.Select(l => l.Amount.Amount));
            Assert.Equal("XXQ", claim.Lines[7].Amount.Currency);
            Assert.Equal("de-private-co/max mustermann", claim.Lines[5].PersonKey);
            Assert.Equal(saved.Violations.Count, claim.Violations.Count);
        }

        var refusal = await deployment.Claims.Refused(project.Id, StatusCode.FailedPrecondition, "category-unknown: line 1 (l1)", () => client.Submit(draft.Id, "s1", HamamatsuBody));
        foreach (var (rule, _) in expected) Assert.Contains(rule + ": ", refusal.Status.Detail, StringComparison.Ordinal);

        // Fixed line by line, the same claim goes through.
        var fixedClaim = await client.Save(draft.Id, HamamatsuBody,
            Line("l3", "stay", "60000", "JPY", day, AnnaWeber),
            Line("l4", "travel", "95000", "JPY", day, AnnaWeber),
            Line("l5", "interpretation", "500.00", "EUR", day),
            Line("l7", "travel", "120000", "JPY", day, LiWei),
            Line("l9", "travel", "90000", "JPY", day, JonasKeller),
            Line("l10", "travel", "90000", "JPY", day, MiaSchulz));
        Assert.Empty(fixedClaim.Violations);
        Assert.Equal(ClaimStatus.Submitted, (await client.Submit(draft.Id, "s2", HamamatsuBody)).Status);
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_claim_without_a_budget_or_beyond_it_is_not_submitted(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.ActiveProject();
        var draft = await deployment.DraftFor(Completed(project.Id, SupportTool.OverseasMission, Start, 5, AnnaWeber));
        ClaimLine[] lines = [Line("travel", "travel", "150000", "JPY", Start, AnnaWeber)];

        var unbudgeted = await client.Save(draft.Id, HamamatsuBody, lines);
        Assert.Contains("has no budget for FY2007", Assert.Single(unbudgeted.Violations).Message, StringComparison.Ordinal);
        await deployment.Claims.Refused(project.Id, StatusCode.FailedPrecondition, "within-budget", () => client.Submit(draft.Id, "s1", HamamatsuBody));

        await client.SetBudget(Budget(project.Id, perTool: 100_000), Caller.Coordinator);
        var beyond = await client.Save(draft.Id, HamamatsuBody, lines);
        Assert.Contains("would come to 150000 JPY with this claim (150000 JPY); its programme share is 100000 JPY", Assert.Single(beyond.Violations).Message, StringComparison.Ordinal);

        await client.SetBudget(Budget(project.Id, perTool: 150_000), Caller.Coordinator);
        Assert.Empty((await client.Save(draft.Id, HamamatsuBody, lines)).Violations);
        Assert.Equal(ClaimStatus.Submitted, (await client.Submit(draft.Id, "s2", HamamatsuBody)).Status);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Malformed_saves_and_budgets_are_refused_with_every_bad_field(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.FundedProject();
        var draft = await deployment.DraftFor(Completed(project.Id, SupportTool.OverseasMission, Start, 5, AnnaWeber));

        var refusal = await deployment.Claims.Refused(project.Id, StatusCode.InvalidArgument, "lines[1].id", () => client.Save(draft.Id, HamamatsuBody,
            Line("same", "travel", "1", "JPY", Start), Line("same", "travel", "1", "JPY", Start), Line("bad id!", "travel", "1", "JPY", Start)));
        Assert.Contains("lines[2].id: 'bad id!' is not a line id", refusal.Status.Detail, StringComparison.Ordinal);
        await deployment.Claims.Refused(project.Id, StatusCode.InvalidArgument, "claim_id: 'nope' is not a claim id", () => client.Save("nope", HamamatsuBody));

        var budget = Budget(project.Id);
        budget.Lines[0].ProgrammeShare = new Exchange.Common.V1.Money { Amount = "12.5", Currency = "JPY" };
        budget.Lines[1].OwnShare = new Exchange.Common.V1.Money { Amount = "100", Currency = "EUR" };
        budget.Lines.Add(new BudgetLine { SupportTool = budget.Lines[2].SupportTool });
        var budgetRefusal = await deployment.Claims.Refused(project.Id, StatusCode.InvalidArgument, "lines[0].programme_share.amount: 12.5 is not whole yen",
            () => client.SetBudget(budget, Caller.Coordinator));
        Assert.Contains("lines[1].own_share.currency: must be JPY", budgetRefusal.Status.Detail, StringComparison.Ordinal);
        Assert.Contains($"lines[6].support_tool: {budget.Lines[2].SupportTool} is budgeted twice", budgetRefusal.Status.Detail, StringComparison.Ordinal);

        var stingy = Budget(project.Id);
        stingy.CoordinatorsOwnShare = Yen(0);
        foreach (var line in stingy.Lines) line.OwnShare = Yen(1_000_000);
        var selfFunding = await deployment.Claims.Refused(project.Id, StatusCode.FailedPrecondition, "self-funding", () => client.SetBudget(stingy, Caller.Coordinator));
        Assert.Contains("the own share is 6000000 JPY of a total budget of 42000000 JPY", selfFunding.Status.Detail, StringComparison.Ordinal);
        await deployment.Claims.Refused(project.Id, StatusCode.FailedPrecondition, "project-supported-in-fiscal-year", () => client.SetBudget(Budget(project.Id, year: 2009), Caller.Coordinator));
    }
}
