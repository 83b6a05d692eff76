using Exchange.Claims.Model;
using Exchange.Claims.Reports;
using Exchange.Claims.Rules;
using Exchange.Claims.V1;
using Exchange.Missions.V1;
using Exchange.Rpc;
using Microsoft.Extensions.Configuration;
using static Exchange.Claims.Tests.Unit.ClaimChecks;
using CoordinatorContract = Exchange.Claims.Model.CoordinatorContract;

namespace Exchange.Claims.Tests.Unit;

/// <summary>People, the claim's lifecycle, the limits on coordinators and self-funding, reconciliation and CSV.</summary>
public sealed class ModelTests
{
    [Theory]
    [InlineData("Anna Weber", "anna weber")]
    [InlineData("  Anna   WEBER ", "anna weber")]
    [InlineData("José Müller", "jose muller")]
    [InlineData("Zoë\tÅström", "zoe astrom")]
    public void A_person_is_their_organisation_and_normalised_name(string name, string normalised)
    {
        Assert.Equal(normalised, PersonKey.NormaliseName(name));
        Assert.Equal($"de-carl-zeiss-jena/{normalised}", PersonKey.Of("de-carl-zeiss-jena", name));
        Assert.Equal($"de-carl-zeiss-jena/{normalised}", PersonKey.Normalise($"DE-Carl-Zeiss-Jena/{name}"));
    }

    [Theory]
    [InlineData(ClaimStatus.Draft, ClaimAction.Save, false)]
    [InlineData(ClaimStatus.Returned, ClaimAction.Save, false)]
    [InlineData(ClaimStatus.Submitted, ClaimAction.Save, true)]
    [InlineData(ClaimStatus.Draft, ClaimAction.Submit, false)]
    [InlineData(ClaimStatus.Returned, ClaimAction.Submit, false)]
    [InlineData(ClaimStatus.UnderReview, ClaimAction.Submit, true)]
    [InlineData(ClaimStatus.Submitted, ClaimAction.StartReview, false)]
    [InlineData(ClaimStatus.Resubmitted, ClaimAction.StartReview, false)]
    [InlineData(ClaimStatus.Draft, ClaimAction.StartReview, true)]
    [InlineData(ClaimStatus.UnderReview, ClaimAction.Approve, false)]
    [InlineData(ClaimStatus.Submitted, ClaimAction.Approve, true)]
    [InlineData(ClaimStatus.UnderReview, ClaimAction.Reject, false)]
    [InlineData(ClaimStatus.Approved, ClaimAction.Reject, true)]
    [InlineData(ClaimStatus.UnderReview, ClaimAction.Return, false)]
    [InlineData(ClaimStatus.Approved, ClaimAction.Pay, false)]
    [InlineData(ClaimStatus.UnderReview, ClaimAction.Pay, true)]
    [InlineData(ClaimStatus.Paid, ClaimAction.Pay, true)]
    [InlineData(ClaimStatus.Rejected, ClaimAction.Approve, true)]
    public void The_lifecycle_allows_each_step_from_its_states_only(ClaimStatus status, ClaimAction action, bool broken)
    {
        var rule = new ClaimLifecycleRule(status, action);
        Assert.Equal(broken, rule.IsBroken());
        if (broken) Assert.StartsWith("cannot ", rule.Explain(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_transition_leaves_the_claim_as_it_was()
    {
        var claim = Claim(SupportTool.OverseasMission, 2, Anna);
        var version = claim.Version;
        var refusal = Assert.Throws<RpcException>(() => claim.Approve(new Dictionary<string, (long, string)>(), "", DateTimeOffset.UnixEpoch));
        Assert.Equal(StatusCode.FailedPrecondition, refusal.StatusCode);
        Assert.Equal("claim-lifecycle: cannot approve a claim that is draft; allowed from: under review", refusal.Status.Detail);
        Assert.Equal((ClaimStatus.Draft, version), (claim.Status, claim.Version));
    }

    [Fact]
    public void Approval_pays_each_line_in_full_unless_sanctioned_lower()
    {
        var claim = Claim(SupportTool.OverseasMission, 5, Anna);
        Check(claim, Template(), lines: [Line("t", "travel", "250000", person: Anna), Line("s", "stay", "80000", person: Anna)]);
        claim.Submit("r1", DateTimeOffset.UnixEpoch);
        claim.StartReview(DateTimeOffset.UnixEpoch);
        claim.Approve(new Dictionary<string, (long, string)> { ["t"] = (200_000, "economy fare") }, "", DateTimeOffset.UnixEpoch);
        Assert.Equal((ClaimStatus.Approved, 330_000L, 280_000L), (claim.Status, claim.ClaimedJpy, claim.SanctionedJpy));
        Assert.Equal([(200_000L, "economy fare"), (80_000L, "")], claim.Lines.Select(l => (l.SanctionedJpy!.Value, l.SanctionReason)));
    }

    [Theory]
    [InlineData(0, 0, CoordinatorSide.Japan, false, "")]
    [InlineData(1, 0, CoordinatorSide.Overseas, false, "")]
    [InlineData(1, 0, CoordinatorSide.Japan, true, "one-japan-one-overseas")]
    [InlineData(0, 1, CoordinatorSide.Overseas, true, "one-japan-one-overseas")]
    [InlineData(1, 1, CoordinatorSide.Japan, true, "max-two-coordinators")]
    [InlineData(1, 1, CoordinatorSide.Overseas, true, "max-two-coordinators")]
    public void A_project_retains_one_japan_and_one_overseas_coordinator_at_most(int japan, int overseas, CoordinatorSide side, bool broken, string name)
    {
        var existing = Enumerable.Repeat(CoordinatorSide.Japan, japan).Concat(Enumerable.Repeat(CoordinatorSide.Overseas, overseas))
            .Select((s, i) => Contract(s, $"coordinator {i}")).ToList();
        var rule = new CoordinatorLimitsRule(Template().Content, existing, side, 2007);
        Assert.Equal(broken, rule.IsBroken());
        if (broken) Assert.Equal(name, rule.Name);
    }

    [Theory]
    [InlineData(1_000_000, 2_000_000, false)]  // exactly a third
    [InlineData(999_999, 2_000_000, true)]
    [InlineData(0, 0, false)]
    [InlineData(0, 1, true)]
    public void The_implementation_body_and_companies_fund_at_least_a_third(long own, long programme, bool broken) =>
        Assert.Equal(broken, new SelfFundingRule(own, programme, 1, 3).IsBroken());

    [Fact]
    public void A_contract_year_is_reconciled_with_over_billing_missing_months_and_open_invoices()
    {
        var contract = Contract(CoordinatorSide.Japan, "Keiko Tanaka");
        Invoice(contract, 4, 100_000, 20_000, InvoiceStatus.Paid, 120_000);
        Invoice(contract, 6, 100_000, 250_000, InvoiceStatus.Approved, 300_000);
        Invoice(contract, 7, 100_000, 50_000, InvoiceStatus.Recorded, null);

        var line = ContractReconciliations.Of(contract, new DateOnly(2007, 8, 15));
        Assert.Equal(("1500000", "620000", "420000", "120000", "1080000"),
            (line.Contracted.Amount, line.Invoiced.Amount, line.Approved.Amount, line.Paid.Amount, line.Remaining.Amount));
        Assert.True(line.OverBilled);
        var flags = line.Flags.Select(f => (f.Kind, f.Month?.Month_ ?? 0, f.Amount?.Amount ?? "")).ToList();
        Assert.Equal(
            [(ReconciliationFlagKind.OverBilled, 0, "20000"), (ReconciliationFlagKind.MissingMonth, 5, ""), (ReconciliationFlagKind.OpenInvoice, 6, "300000"), (ReconciliationFlagKind.OpenInvoice, 7, "150000")],
            flags);
        Assert.Equal([5], line.MissingMonths.Select(m => m.Month_));
        // August has not ended on the 15th: not missing yet.
        Assert.Equal([5, 8], ContractReconciliations.Of(contract, new DateOnly(2007, 9, 1)).MissingMonths.Select(m => m.Month_));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Hamamatsu, Shizuoka", "\"Hamamatsu, Shizuoka\"")]
    [InlineData("the \"Suwa\" case", "\"the \"\"Suwa\"\" case\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Csv_fields_are_quoted_when_they_must_be(string value, string field) => Assert.Equal(field, SpendingCsv.Field(value));

    [Fact]
    public void The_template_gives_every_support_tool_its_categories_with_caps_in_yen()
    {
        var content = new RulebookTemplate().ToContent();
        Assert.Equal(Enum.GetValues<SupportTool>().Where(t => t != SupportTool.Unspecified), content.Tools.Select(t => t.SupportTool));
        Assert.Equal(["travel", "stay", "interpretation", "meeting_arrangement"], content.For(SupportTool.PartnerInvitation)!.Categories.Select(c => c.Category));
        Assert.Equal((1, 3, 3, 1, 1, 2), (content.MinOwnShareNumerator, content.MinOwnShareDenominator, content.MaxFundedInviteesPerCompany,
            content.MaxJapanCoordinators, content.MaxOverseasCoordinators, content.MaxCoordinators));
        Assert.Equal(["reception", "own_travel"], content.IneligibleItems.Select(i => i.Category));
    }

    [Fact]
    public void The_templates_amounts_are_configurable_one_field_at_a_time()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Claims:ClosingPeriodDays"] = "90",
            ["Claims:RulebookTemplate:Categories:stay:Cap"] = "25000",
            ["Claims:RulebookTemplate:Categories:venue:CapBasis"] = "PerEvent",
            ["Claims:RulebookTemplate:MaxFundedInviteesPerCompany"] = "2",
        }).Build();
        var options = new ClaimsOptions();
        configuration.GetSection(ClaimsOptions.Section).Bind(options);
        var content = options.RulebookTemplate.ToContent();

        Assert.Equal(TimeSpan.FromDays(90), options.ClosingPeriod);
        var stay = content.For(SupportTool.OverseasMission)!.Category("stay")!;
        Assert.Equal(("Stay", CapBasis.PerPersonPerDay, 25_000L, true), (stay.Label, stay.CapBasis, stay.CapJpy, stay.RequiresPerson));
        Assert.Equal((CapBasis.PerEvent, 300_000L), (content.For(SupportTool.WorkshopInJapan)!.Category("venue")!.CapBasis, content.For(SupportTool.WorkshopInJapan)!.Category("venue")!.CapJpy));
        Assert.Equal(2, content.MaxFundedInviteesPerCompany);
        Assert.Equal(9, options.RulebookTemplate.Categories.Count);
    }

    private static CoordinatorContract Contract(CoordinatorSide side, string name)
    {
        var (first, last) = MonthValue.OfFiscalYear(2007);
        return CoordinatorContract.Sign(new CoordinatorTerms(Guid.NewGuid(), 2007, side, name, "", "JP", 1_200_000, 300_000, first, last), 1, Guid.NewGuid().ToString(), "programme-office", DateTimeOffset.UnixEpoch);
    }

    private static void Invoice(CoordinatorContract contract, int month, long commission, long travel, InvoiceStatus status, long? approved)
    {
        var invoice = new CoordinatorInvoiceValue($"inv-{month}", 200700 + month, "JPY", commission, travel, new DateOnly(2007, month, 28), 1m, commission, travel,
            InvoiceStatus.Recorded, null, "", "", null, "hamamatsu-city", DateTimeOffset.UnixEpoch);
        contract.RecordInvoice(invoice, DateTimeOffset.UnixEpoch);
        if (status is InvoiceStatus.Approved or InvoiceStatus.Paid) contract.ApproveInvoice(invoice.Id, approved!.Value, "");
        if (status is InvoiceStatus.Paid) contract.PayInvoice(invoice.Id, $"pay-{month}", new DateOnly(2007, month, 28));
    }
}
