using Exchange.Claims.Checks;
using Exchange.Claims.Model;
using Exchange.Claims.V1;
using Exchange.Missions.V1;
using static Exchange.Claims.Tests.Unit.ClaimChecks;
using ExchangeRate = Exchange.Claims.Model.ExchangeRate;

namespace Exchange.Claims.Tests.Unit;

/// <summary>Each content rule of claims on its own, with the template rulebook's categories and caps.</summary>
public sealed class ClaimRuleTests
{
    [Fact]
    public void A_claim_within_every_rule_has_no_violations_and_converts_each_line_at_its_value_date()
    {
        var claim = Claim(SupportTool.OverseasMission, 5, Anna, Jonas);
        var result = Check(claim, Template(), lines:
        [
            Line("travel", "travel", "250000", person: Anna),
            Line("stay", "stay", "100000", person: Anna),                              // 20000 x 5 days: exactly the cap
            Line("interp", "interpretation", "1234.56", "EUR", "2007-09-30"),         // 160.12
            Line("local", "local_transport", "1234.56", "EUR", "2007-10-01"),          // 165.555 from that day
            Line("arrange", "meeting_arrangement", "8888.88", "CNY", "2007-09-05"),    // 15.87
        ]);
        Assert.Empty(result.Violations);
        Assert.Equal([250000L, 100000, 197678, 204388, 141067], result.Lines.Select(l => l.AmountJpy!.Value));
        Assert.Equal([1m, 1m, 160.12m, 165.555m, 15.87m], result.Lines.Select(l => l.RateToJpy!.Value));
        Assert.Equal(250000 + 100000 + 197678 + 204388 + 141067, claim.ClaimedJpy);
    }

    [Fact]
    public void A_total_is_the_sum_of_rounded_lines_not_the_rounded_sum()
    {
        var claim = Claim(SupportTool.OverseasMission, 5, Anna);
        var rules = Template();
        var rates = new ExchangeRateTable([ExchangeRate.Create("USD", new DateOnly(2007, 4, 1), 118.25m, "", "", DateTimeOffset.UnixEpoch)]);
        claim.ReplaceLines([Line("a", "interpretation", "2.00", "USD"), Line("b", "interpretation", "2.00", "USD")], DateTimeOffset.UnixEpoch);
        claim.Record(ClaimCheck.Run(claim, rules, rates, new BudgetPosition(1_000_000, 0), null, DateTimeOffset.UnixEpoch));
        // 236.5 + 236.5 = 473 exactly, but each line shows 237: the total is what the lines show.
        Assert.Equal(474, claim.ClaimedJpy);
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_its_line_in_one_check()
    {
        var claim = Claim(SupportTool.PartnerInvitation, 3, Anna, Jonas, Mia, Lukas, Li);
        var noReceipt = Line("l14", "interpretation", "1000") with { AttachmentId = "", ReceiptSha256 = "" };
        var badHash = Line("l15", "interpretation", "1000") with { ReceiptSha256 = "not-a-hash" };
        var noDate = Line("l12", "interpretation", "1000") with { ValueDate = "" };
        var result = Check(claim, Template(), lines:
        [
            Line("l1", "souvenirs", "50000"),
            Line("l2", "reception", "80000"),
            Line("l3", "stay", "130000", person: Anna),
            Line("l4", "travel", "-5000", person: Anna),
            Line("l5", "interpretation", "500.00", "GBP", "2007-06-01"),
            Line("l6", "travel", "90000") with { PersonKey = "de-private-co/max mustermann" },
            Line("l7", "travel", "12.5", person: Li),
            Line("l8", "interpretation", "100", "XXQ"),
            Line("l9", "travel", "90000", person: Jonas),
            Line("l10", "travel", "90000", person: Mia),
            Line("l11", "travel", "90000", person: Lukas),
            noDate,
            Line("l13", "stay", "10000"),
            noReceipt,
            badHash,
            Line("l16", "interpretation", "12,000"),
            Line("l17", "interpretation", "100.00", "EUR", "2007-03-31"),
        ]);
        var found = result.Violations.Select(v => (v.Rule, v.LineId)).ToHashSet();
        (string, string)[] expected =
        [
            ("category-unknown", "l1"), ("ineligible-item", "l2"), ("category-cap", "l3"), ("amount-positive", "l4"),
            ("exchange-rate-at-value-date", "l5"), ("funded-person", "l6"), ("amount-precision", "l7"), ("currency-code", "l8"),
            ("max-three-funded-invitees-per-company", "l11"), ("value-date", "l12"), ("person-required", "l13"),
            ("receipt-required", "l14"), ("receipt-hash", "l15"), ("amount-format", "l16"), ("exchange-rate-at-value-date", "l17"),
        ];
        foreach (var violation in expected) Assert.Contains(violation, found);
        Assert.Equal(expected.Length + 1, result.Violations.Count); // receipt-required names both the attachment and the hash of l14
        Assert.All(result.Violations, v => Assert.StartsWith(v.Rule + ": line ", v.Message, StringComparison.Ordinal));
        // Nothing typed is lost: the lines are kept as given.
        Assert.Equal(["-5000", "12.5", "12,000"], claim.Lines.Where(l => l.Id is "l4" or "l7" or "l16").Select(l => l.Amount));
        Assert.Equal("XXQ", claim.Lines.Single(l => l.Id == "l8").Currency);
    }

    [Theory]
    [InlineData(100_000, false)]
    [InlineData(100_001, true)]
    public void Stay_is_capped_per_person_per_day_of_the_activity(long amount, bool broken)
    {
        var result = Check(Claim(SupportTool.OverseasMission, 5, Anna, Jonas), Template(), lines:
        [
            Line("a1", "stay", (amount - 40_000).ToString(System.Globalization.CultureInfo.InvariantCulture), person: Anna),
            Line("a2", "stay", "40000", person: Anna),
            Line("j1", "stay", "100000", person: Jonas),
        ]);
        Assert.Equal(broken, result.Violations.Any(v => v.Rule == "category-cap"));
        if (broken)
        {
            var violation = Assert.Single(result.Violations);
            Assert.Equal("a2", violation.LineId);
            Assert.Contains("20000 JPY per person per day x 5 days = 100000 JPY", violation.Message, StringComparison.Ordinal);
            Assert.Contains(Anna.Key, violation.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Caps_per_event_and_per_day_count_the_whole_claim_in_yen()
    {
        var claim = Claim(SupportTool.OverseasMission, 2, Anna);
        var result = Check(claim, Template(), lines:
        [
            Line("m1", "meeting_arrangement", "300000"),
            Line("m2", "meeting_arrangement", "1250.00", "EUR", "2007-09-03"),  // 200150: 500150 > 500000 per event
            Line("t1", "local_transport", "60000"),
            Line("t2", "local_transport", "40001"),                               // 100001 > 50000 x 2 days
        ]);
        Assert.Equal(["category-cap", "category-cap"], result.Violations.Select(v => v.Rule));
        Assert.Equal(["t2", "m2"], result.Violations.Select(v => v.LineId));
        Assert.Contains("50000 JPY per day x 2 days = 100000 JPY", result.Violations[0].Message, StringComparison.Ordinal);
        Assert.Contains("500000 JPY per event", result.Violations[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_description_naming_an_ineligible_item_is_ineligible_whatever_its_category()
    {
        var result = Check(Claim(SupportTool.ExpertInvitation, 2, Anna), Template(), lines: [Line("v1", "venue", "90000", description: "Hotel ballroom for the welcome RECEPTION")]);
        var violation = Assert.Single(result.Violations);
        Assert.Equal(("ineligible-item", "lines[0].description"), (violation.Rule, violation.Field));
    }

    [Fact]
    public void The_rulebook_of_the_year_may_fund_fewer_invitees_per_company_than_three()
    {
        var lines = new[] { Line("a", "travel", "90000", person: Anna), Line("j", "travel", "90000", person: Jonas), Line("m", "travel", "90000", person: Mia) };
        Assert.Empty(Check(Claim(SupportTool.PartnerInvitation, 3, Anna, Jonas, Mia), Template(), lines: lines).Violations);
        var stricter = Template(c => c with { MaxFundedInviteesPerCompany = 2 });
        var violation = Assert.Single(Check(Claim(SupportTool.PartnerInvitation, 3, Anna, Jonas, Mia), stricter, lines: lines).Violations);
        Assert.Equal(("max-three-funded-invitees-per-company", "m"), (violation.Rule, violation.LineId));
        // Other tools have no such limit.
        Assert.Empty(Check(Claim(SupportTool.OverseasMission, 3, Anna, Jonas, Mia), stricter, lines: lines).Violations);
    }

    [Fact]
    public void Without_a_rulebook_only_what_needs_none_is_checked()
    {
        var result = Check(Claim(SupportTool.OverseasMission, 2, Anna), rulebook: null, lines: [Line("x", "anything", "-1")]);
        Assert.Equal(["rulebook-exists", "amount-positive"], result.Violations.Select(v => v.Rule));
        Assert.Equal(0, result.RulebookVersion);
    }

    [Fact]
    public void An_empty_claim_a_missing_budget_and_an_exhausted_budget_are_violations_of_the_claim()
    {
        var none = Check(Claim(SupportTool.OverseasMission, 2, Anna), Template(), BudgetPosition.None);
        Assert.Equal(["claim-has-lines", "within-budget"], none.Violations.Select(v => v.Rule));
        Assert.All(none.Violations, v => Assert.Equal("", v.LineId));

        var exhausted = Check(Claim(SupportTool.OverseasMission, 2, Anna), Template(), new BudgetPosition(500_000, 300_000), lines: [Line("t", "travel", "200001", person: Anna)]);
        var violation = Assert.Single(exhausted.Violations);
        Assert.Equal("within-budget", violation.Rule);
        Assert.Contains("500001 JPY", violation.Message, StringComparison.Ordinal);
        Assert.Empty(Check(Claim(SupportTool.OverseasMission, 2, Anna), Template(), new BudgetPosition(500_000, 300_000), lines: [Line("t", "travel", "200000", person: Anna)]).Violations);
    }

    [Fact]
    public void After_the_closing_period_nothing_is_accepted()
    {
        var deadline = new DateTimeOffset(2007, 11, 30, 0, 0, 0, TimeSpan.Zero); // the check runs on 2007-12-01
        var result = Check(Claim(SupportTool.OverseasMission, 2, Anna), Template(), closing: deadline, lines: [Line("t", "travel", "1000", person: Anna)]);
        Assert.Equal("closing-period", Assert.Single(result.Violations).Rule);
        Assert.Empty(Check(Claim(SupportTool.OverseasMission, 2, Anna), Template(), closing: deadline.AddDays(2), lines: [Line("t", "travel", "1000", person: Anna)]).Violations);
    }

    [Fact]
    public void The_same_receipt_twice_and_the_same_category_for_the_same_person_twice_are_flagged_not_refused()
    {
        var claim = Claim(SupportTool.OverseasMission, 5, Anna);
        var result = Check(claim, Template(), lines:
        [
            Line("h1", "stay", "30000", person: Anna),
            Line("h2", "stay", "30000", person: Anna) with { ReceiptSha256 = Sha("h1") },
        ]);
        Assert.Empty(result.Violations);
        Assert.Equal(
            [(DuplicateKind.SameReceipt, "h1", "h2"), (DuplicateKind.SameReceipt, "h2", "h1"), (DuplicateKind.SameActivityCategoryPerson, "h1", "h2"), (DuplicateKind.SameActivityCategoryPerson, "h2", "h1")],
            result.Duplicates.Select(d => (d.Kind, d.LineId, d.OtherLineId)));
        Assert.All(result.Duplicates, d => Assert.Equal(claim.Id, d.OtherClaimId));
        Assert.Equal(4, claim.DuplicateCount);
    }
}
