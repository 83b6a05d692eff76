using Exchange.Claims.Tests.Infrastructure;
using Exchange.Claims.V1;
using Exchange.Contracts.Claims;
using Exchange.Messaging.Persistence;
using Exchange.Missions.V1;
using static Exchange.Claims.Tests.Infrastructure.Samples;
using static Exchange.Testing.TieUps;

namespace Exchange.Claims.Tests;

/// <summary>Completed activities open their draft claims, once, and refresh them while they are being written.</summary>
[Collection(ClaimsCollection.Name)]
public sealed class ActivityEventTests(ClaimsFixture fixture)
{
    private static readonly DateOnly Start = new(2007, 5, 14);

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_completed_activity_opens_one_draft_however_often_it_is_delivered(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var project = await deployment.FundedProject();
        var activity = Completed(project.Id, SupportTool.ExpertInvitation, Start, 4, AnnaWeber, LiWei);
        var messageId = Guid.NewGuid();
        await Task.WhenAll(
            deployment.Publish(activity, messageId),
            deployment.Publish(activity, messageId),
            deployment.Publish(activity, Guid.NewGuid()));

        var claim = await deployment.ClaimOf(activity.ActivityId);
        await fixture.WaitForClaimEvents(project.Id, claim.Id, e => e.OfType<ClaimDrafted>().Any());
        await Task.Delay(1000);
        var listed = await deployment.Client.List(new ListClaimsRequest { ProjectId = project.Id }, HamamatsuBody);
        Assert.Equal([claim.Id], listed.Claims.Select(c => c.Id));
        Assert.Single(fixture.EventsOfClaim(project.Id, claim.Id).OfType<ClaimDrafted>());
        Assert.Equal((SupportTool.ExpertInvitation, 4, 2), (claim.SupportTool, claim.ActivityDays, claim.FundedPeople.Count));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task An_activity_completed_again_refreshes_its_draft_but_not_a_submitted_claim(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.FundedProject();
        var activity = Completed(project.Id, SupportTool.OverseasMission, Start, 4, AnnaWeber);
        var draft = await deployment.DraftFor(activity);
        var saved = await client.Save(draft.Id, HamamatsuBody, Line("mia", "travel", "100000", "JPY", Start, MiaSchulz));
        Assert.Equal("funded-person", Assert.Single(saved.Violations).Rule);

        // Reopened in Missions, Mia added to the funded roster, completed again.
        await deployment.Publish(activity with { FundedPersons = [AnnaWeber, MiaSchulz], OccurredAt = activity.OccurredAt.AddHours(1) });
        var refreshed = await Eventually.Poll(() => client.Get(draft.Id, HamamatsuBody), c => c.FundedPeople.Count == 2);
        Assert.Empty(refreshed.Violations);
        Assert.Equal(ClaimStatus.Draft, refreshed.Status);

        await client.Submit(draft.Id, "s1", HamamatsuBody);
        var submitted = await client.Get(draft.Id, HamamatsuBody);
        await deployment.Publish(activity with { FundedPersons = [AnnaWeber], OccurredAt = activity.OccurredAt.AddHours(2) });
        // An older completion arriving late changes nothing either.
        await deployment.Publish(activity with { FundedPersons = [], OccurredAt = activity.OccurredAt.AddMinutes(30) });
        await Task.Delay(1000);
        var kept = await client.Get(draft.Id, HamamatsuBody);
        Assert.Equal((ClaimStatus.Submitted, submitted.Version, 2), (kept.Status, kept.Version, kept.FundedPeople.Count));
        var trail = await client.Audit(new GetAuditTrailRequest { SubjectId = draft.Id }, Caller.Coordinator);
        Assert.Equal(["drafted", "saved", "activity-refreshed", "submitted"], trail.Entries.Select(e => e.Action));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task The_same_receipt_on_two_claims_is_flagged_on_both_without_stopping_them(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.FundedProject();
        var first = await deployment.DraftFor(Completed(project.Id, SupportTool.OverseasMission, Start, 4, AnnaWeber));
        var second = await deployment.DraftFor(Completed(project.Id, SupportTool.SurveyWithBusinessTrip, Start.AddDays(20), 4, AnnaWeber));
        var receipt = $"flight-{Guid.NewGuid():N}";
        await client.Save(first.Id, HamamatsuBody, Line("t1", "travel", "180000", "JPY", Start, AnnaWeber, receipt));
        var flagged = await client.Save(second.Id, HamamatsuBody,
            Line("t2", "travel", "180000", "JPY", Start, AnnaWeber, receipt),
            Line("s1", "stay", "20000", "JPY", Start, AnnaWeber),
            Line("s2", "stay", "20000", "JPY", Start, AnnaWeber));
        Assert.Empty(flagged.Violations);
        Assert.Equal(
            [(DuplicateKind.SameActivityCategoryPerson, "s1", second.Id, "s2"), (DuplicateKind.SameActivityCategoryPerson, "s2", second.Id, "s1"), (DuplicateKind.SameReceipt, "t2", first.Id, "t1")],
            flagged.Duplicates.Select(d => (d.Kind, d.LineId, d.OtherClaimId, d.OtherLineId)));
        var firstAgain = await client.Get(first.Id, HamamatsuBody);
        Assert.Equal((DuplicateKind.SameReceipt, "t1", second.Id, "t2"), firstAgain.Duplicates.Select(d => (d.Kind, d.LineId, d.OtherClaimId, d.OtherLineId)).Single());

        var onlyFlagged = await client.List(new ListClaimsRequest { ProjectId = project.Id, FlaggedOnly = true }, Caller.Coordinator);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), onlyFlagged.Claims.Select(c => c.Id).Order());
        Assert.Equal(ClaimStatus.Submitted, (await client.Submit(second.Id, "s1", HamamatsuBody)).Status);
    }
}
