using Exchange.Claims.Tests.Infrastructure;
using Exchange.Claims.V1;
using Exchange.Contracts.Claims;
using Exchange.Messaging.Persistence;
using Exchange.Missions.V1;
using Exchange.Rpc;
using static Exchange.Claims.Tests.Infrastructure.Samples;
using static Exchange.Testing.TieUps;

namespace Exchange.Claims.Tests;

[Collection(ClaimsCollection.Name)]
public sealed class LifecycleTests(ClaimsFixture fixture)
{
    private static readonly DateOnly Start = new(2007, 9, 3);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_claim_goes_from_draft_through_return_and_resubmission_to_partial_approval_and_one_payment(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.FundedProject();

        var draft = await deployment.DraftFor(Completed(project.Id, SupportTool.OverseasMission, Start, 5, AnnaWeber, JonasKeller));
        Assert.Equal((ClaimStatus.Draft, SupportTool.OverseasMission, 2007, 5, "system"), (draft.Status, draft.SupportTool, draft.FiscalYear, draft.ActivityDays, draft.OpenedBy));
        Assert.Equal([Key(AnnaWeber), Key(JonasKeller)], draft.FundedPeople.Select(p => p.Key));
        Assert.Equal((Date(Start), Date(Start.AddDays(4)), 2), (draft.ActivityStart, draft.ActivityEnd, draft.PrivateExpensePersons));
        Assert.Equal(["claim-has-lines"], draft.Violations.Select(v => v.Rule));
        Assert.Equal(1, draft.RulebookVersion);

        ClaimLine[] lines =
        [
            Line("travel", "travel", "250000", "JPY", new DateOnly(2007, 8, 20), AnnaWeber),
            Line("stay", "stay", "90000", "JPY", new DateOnly(2007, 9, 7), AnnaWeber),
            Line("interp", "interpretation", "1200.00", "EUR", new DateOnly(2007, 9, 4)),
            Line("arrange", "meeting_arrangement", "300000", "JPY", new DateOnly(2007, 9, 1)),
        ];
        var saved = await client.Save(draft.Id, HamamatsuBody, lines);
        Assert.Empty(saved.Violations);
        Assert.Equal(["250000", "90000", "192144", "300000"], saved.Lines.Select(l => l.AmountJpy.Amount));
        Assert.Equal("832144", saved.ClaimedJpy.Amount);

        var submitted = await client.Submit(draft.Id, "submission-1", HamamatsuBody);
        Assert.Equal(ClaimStatus.Submitted, submitted.Status);
        var retried = await client.Submit(draft.Id, "submission-1", HamamatsuBody);
        Assert.Equal((ClaimStatus.Submitted, submitted.Version), (retried.Status, retried.Version));

        Assert.Equal(ClaimStatus.UnderReview, (await client.StartReview(draft.Id, Caller.Coordinator)).Status);
        var returned = await client.Return(draft.Id, "the hotel receipt is unreadable", Caller.Coordinator);
        Assert.Equal((ClaimStatus.Returned, "the hotel receipt is unreadable"), (returned.Status, returned.StatusReason));

        lines[1] = Line("stay", "stay", "90000", "JPY", new DateOnly(2007, 9, 7), AnnaWeber, receipt: "hotel-scan-2");
        Assert.Empty((await client.Save(draft.Id, HamamatsuBody, lines)).Violations);
        var resubmitted = await client.Submit(draft.Id, "submission-2", HamamatsuBody);
        Assert.Equal(ClaimStatus.Resubmitted, resubmitted.Status);
        await client.StartReview(draft.Id, Caller.Coordinator);

        var approved = await client.Approve(draft.Id, Caller.Coordinator, new LineSanction { LineId = "travel", Sanctioned = Yen(200_000), Reason = "economy fare" });
        Assert.Equal((ClaimStatus.Approved, "832144", "782144"), (approved.Status, approved.ClaimedJpy.Amount, approved.SanctionedJpy.Amount));
        Assert.Equal([("200000", "economy fare"), ("90000", ""), ("192144", ""), ("300000", "")], approved.Lines.Select(l => (l.SanctionedJpy.Amount, l.SanctionReason)));

        var paid = await client.Pay(draft.Id, $"pay-{Guid.NewGuid():N}", Caller.Coordinator);
        Assert.Equal((ClaimStatus.Paid, "782144", "rpc"), (paid.Status, paid.Payment.Amount.Amount, paid.Payment.Source));

        var events = await fixture.WaitForClaimEvents(project.Id, draft.Id, e => e.OfType<ClaimPaid>().Any());
        Assert.Equal(["ClaimDrafted", "ClaimSubmitted", "ClaimReviewStarted", "ClaimReturned", "ClaimSubmitted", "ClaimReviewStarted", "ClaimApproved", "ClaimPaid"],
            events.Select(e => e.GetType().Name));
        Assert.Equal([false, true], events.OfType<ClaimSubmitted>().Select(s => s.Resubmission));
        Assert.Equal((832144L, 782144L), events.OfType<ClaimApproved>().Select(a => (a.ClaimedJpy, a.SanctionedJpy)).Single());

        var trail = await client.Audit(new GetAuditTrailRequest { SubjectId = draft.Id }, HamamatsuBody);
        Assert.Equal(
            [
                ("drafted", "", "draft", "system"), ("saved", "draft", "draft", "implementation-body"), ("submitted", "draft", "submitted", "implementation-body"),
                ("review-started", "submitted", "under_review", "coordinator"), ("returned", "under_review", "returned", "coordinator"),
                ("saved", "returned", "returned", "implementation-body"), ("resubmitted", "returned", "resubmitted", "implementation-body"),
                ("review-started", "resubmitted", "under_review", "coordinator"), ("approved", "under_review", "approved", "coordinator"),
                ("paid", "approved", "paid", "coordinator"),
            ],
            trail.Entries.Select(e => (e.Action, e.FromState, e.ToState, e.ActorRole)));
        Assert.Equal("the hotel receipt is unreadable", trail.Entries[4].Reason);
        Assert.Contains("economy fare", trail.Entries[8].Reason, StringComparison.Ordinal);
        Assert.All(trail.Entries.Skip(1), e => Assert.NotEqual("", e.ActorOrganisation));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), trail.Entries.Select(e => e.Sequence));
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Steps_out_of_order_are_refused_and_a_rejected_claim_stays_rejected(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var claims = deployment.Claims;
        var project = await deployment.FundedProject();
        var draft = await deployment.DraftFor(Completed(project.Id, SupportTool.WorkshopInJapan, Start, 2, AnnaWeber));
        await client.Save(draft.Id, HamamatsuBody, Line("venue", "venue", "200000", "JPY", Start));

        await claims.Refused(project.Id, StatusCode.FailedPrecondition, "claim-lifecycle: cannot approve a claim that is draft", () => client.Approve(draft.Id, Caller.Coordinator));
        await claims.Refused(project.Id, StatusCode.FailedPrecondition, "claim-lifecycle: cannot start reviewing a claim that is draft", () => client.StartReview(draft.Id, Caller.Coordinator));
        await client.Submit(draft.Id, "s1", HamamatsuBody);
        await claims.Refused(project.Id, StatusCode.FailedPrecondition, "claim-lifecycle: cannot save a claim that is submitted", () => client.Save(draft.Id, HamamatsuBody, Line("venue", "venue", "1", "JPY", Start)));
        await claims.Refused(project.Id, StatusCode.FailedPrecondition, "claim-lifecycle: cannot pay a claim that is submitted", () => client.Pay(draft.Id, "p1", Caller.Coordinator));
        await claims.Refused(project.Id, StatusCode.FailedPrecondition, "claim-lifecycle: cannot submit a claim that is submitted", () => client.Submit(draft.Id, "s2", HamamatsuBody));
        await client.StartReview(draft.Id, Caller.Coordinator);
        await claims.Refused(project.Id, StatusCode.InvalidArgument, "reason: is required", () => client.Reject(draft.Id, " ", Caller.Coordinator));

        var rejected = await client.Reject(draft.Id, "the workshop was not part of the adopted plan", Caller.Coordinator);
        Assert.Equal((ClaimStatus.Rejected, "the workshop was not part of the adopted plan"), (rejected.Status, rejected.StatusReason));
        Assert.NotNull(rejected.DecidedAt);
        await claims.Refused(project.Id, StatusCode.FailedPrecondition, "claim-lifecycle: cannot approve a claim that is rejected", () => client.Approve(draft.Id, Caller.Coordinator));
        await claims.Refused(project.Id, StatusCode.FailedPrecondition, "claim-lifecycle: cannot pay a claim that is rejected", () => client.Pay(draft.Id, "p2", Caller.Coordinator));
        await claims.Refused(project.Id, StatusCode.FailedPrecondition, "claim-lifecycle: cannot submit a claim that is rejected", () => client.Submit(draft.Id, "s3", HamamatsuBody));
        var events = await fixture.WaitForClaimEvents(project.Id, draft.Id, e => e.OfType<ClaimRejected>().Any());
        Assert.Equal("the workshop was not part of the adopted plan", events.OfType<ClaimRejected>().Single().Reason);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Sanctions_above_the_claim_or_lower_without_a_reason_are_refused_listing_each(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.FundedProject();
        var draft = await deployment.DraftFor(Completed(project.Id, SupportTool.OverseasMission, Start, 5, AnnaWeber));
        await client.Save(draft.Id, HamamatsuBody, Line("travel", "travel", "250000", "JPY", Start, AnnaWeber), Line("stay", "stay", "80000", "JPY", Start, AnnaWeber));
        await client.Submit(draft.Id, "s1", HamamatsuBody);
        await client.StartReview(draft.Id, Caller.Coordinator);

        var refusal = await deployment.Claims.Refused(project.Id, StatusCode.InvalidArgument, "sanctions[0].sanctioned", () => client.Approve(draft.Id, Caller.Coordinator,
            new LineSanction { LineId = "travel", Sanctioned = Yen(260_000), Reason = "more" },
            new LineSanction { LineId = "stay", Sanctioned = Yen(70_000) },
            new LineSanction { LineId = "ghost", Sanctioned = Yen(1) }));
        Assert.Contains("260000 JPY is more than the 250000 JPY claimed", refusal.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("sanctions[1].reason: is required", refusal.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("sanctions[2].line_id: 'ghost' is not a line", refusal.Status.Detail, StringComparison.Ordinal);

        // The programme pays nothing for a line: sanctioned 0 with a reason.
        var approved = await client.Approve(draft.Id, Caller.Coordinator, new LineSanction { LineId = "stay", Sanctioned = Yen(0), Reason = "stay paid by the host" });
        Assert.Equal("250000", approved.SanctionedJpy.Amount);
    }
}
