using Exchange.Claims.Tests.Infrastructure;
using Exchange.Claims.V1;
using Exchange.Messaging.Persistence;
using Exchange.Missions.V1;
using Exchange.Rpc;
using static Exchange.Claims.Tests.Infrastructure.Samples;
using static Exchange.Testing.TieUps;

namespace Exchange.Claims.Tests;

/// <summary>The rulebook per fiscal year: from a template or a copy, versioned, and what a claim of the year is judged by.</summary>
[Collection(ClaimsCollection.Name)]
public sealed class RulebookTests(ClaimsFixture fixture)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task A_years_rulebook_comes_from_the_template_is_versioned_and_judges_the_claims_of_that_year(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.ActiveProject();
        var first = await client.RulebookFromTemplate(2031, Caller.Coordinator);
        Assert.Equal((2031, 1, 6, "created from the configured template (illustrative amounts)"), (first.FiscalYear, first.Version, first.Tools.Count, first.Note));
        var stay = first.Tools.Single(t => t.SupportTool == SupportTool.OverseasMission).Categories.Single(c => c.Category == "stay");
        Assert.Equal((CapBasis.PerPersonPerDay, "20000", true), (stay.CapBasis, stay.Cap.Amount, stay.RequiresPerson));
        await deployment.Claims.Refused(project.Id, StatusCode.AlreadyExists, "FY2031 has a rulebook already", () => client.RulebookFromTemplate(2031, Caller.Coordinator));

        // A claim of FY2031 is judged by the FY2031 rulebook.
        var start = new DateOnly(2031, 6, 2);
        var activity = Completed(project.Id, SupportTool.OverseasMission, start, 5, AnnaWeber) with { FiscalYear = 2031 };
        var claim = await deployment.DraftFor(activity);
        ClaimLine[] lines = [Line("stay", "stay", "100000", "JPY", start, AnnaWeber, receipt: "hotel-2031")];
        var judged = await client.Save(claim.Id, HamamatsuBody, lines);
        Assert.Equal(1, judged.RulebookVersion);
        Assert.DoesNotContain(judged.Violations, v => v.Rule == "category-cap");

        var stricter = first.Clone();
        stricter.Tools.Single(t => t.SupportTool == SupportTool.OverseasMission).Categories.Single(c => c.Category == "stay").Cap = Yen(15_000);
        stricter.Note = "hotel prices fell";
        var second = await client.SetRulebook(stricter, 1, Caller.Coordinator);
        Assert.Equal((2, "programme-office", "hotel prices fell"), (second.Version, second.ChangedBy, second.Note));
        await deployment.Claims.Refused(project.Id, StatusCode.Aborted, "version-conflict", () => client.SetRulebook(first, 1, Caller.Coordinator));
        await deployment.Claims.Refused(project.Id, StatusCode.Aborted, "version-conflict", () => client.SetRulebook(first, 0, Caller.Coordinator));

        var rejudged = await client.Save(claim.Id, HamamatsuBody, lines);
        Assert.Equal(2, rejudged.RulebookVersion);
        Assert.Contains("15000 JPY per person per day x 5 days = 75000 JPY", rejudged.Violations.Single(v => v.Rule == "category-cap").Message, StringComparison.Ordinal);

        Assert.Equal("20000", (await client.Rulebook(2031, HamamatsuBody, version: 1)).Tools.Single(t => t.SupportTool == SupportTool.OverseasMission).Categories.Single(c => c.Category == "stay").Cap.Amount);
        Assert.Equal(2, (await client.Rulebook(2031, HamamatsuBody)).Version);
        Assert.Equal([2, 1], (await client.Rulebooks(2031, JenaPartner)).Rulebooks.Select(r => r.Version));

        var copied = await client.RulebookFromTemplate(2032, Caller.Coordinator, copyFrom: 2031);
        Assert.Equal((1, "copied from FY2031 version 2"), (copied.Version, copied.Note));
        Assert.Equal(second.Tools, copied.Tools);
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_malformed_rulebook_is_refused_listing_every_bad_field(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var project = await deployment.ActiveProject();
        var rulebook = (await deployment.Client.Rulebook(2007, Caller.Coordinator)).Clone();
        rulebook.Tools[0].Categories[0].Category = "Venue Hire";
        rulebook.Tools[0].Categories[1].Cap = null;
        rulebook.Tools.Add(rulebook.Tools[1].Clone());
        rulebook.MaxCoordinators = -1;
        rulebook.MinOwnShare = new Fraction { Numerator = 4, Denominator = 3 };
        rulebook.IneligibleItems.Add(new IneligibleItem { Category = "gifts" });
        var refusal = await deployment.Claims.Refused(project.Id, StatusCode.InvalidArgument, "rulebook.tools[0].categories[0].category: 'Venue Hire' is not a category code",
            () => deployment.Client.SetRulebook(rulebook, rulebook.Version, Caller.Coordinator));
        foreach (var field in new[] { "rulebook.tools[0].categories[1].cap: is required", "rulebook.tools[6].support_tool", "rulebook.ineligible_items[2].description: is required", "rulebook.min_own_share", "rulebook.max_coordinators" })
            Assert.Contains(field, refusal.Status.Detail, StringComparison.Ordinal);
    }
}
