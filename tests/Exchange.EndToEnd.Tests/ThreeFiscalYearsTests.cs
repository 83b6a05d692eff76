using Exchange.Claims.V1;
using Exchange.Common.V1;
using Exchange.EndToEnd.Tests.Infrastructure;
using Exchange.Messaging.Persistence;
using Exchange.Missions.V1;
using Exchange.Projects.V1;
using Exchange.Rpc;
using Exchange.Surveys.V1;
using Google.Protobuf.Reflection;

namespace Exchange.EndToEnd.Tests;

/// <summary>
/// One tie-up's life, played through the gateway with API keys, with every service running:
/// Hamamatsu - Jena is registered and adopted for FY2007, sends a mission whose costs are claimed,
/// approved and paid, reconciles its coordinator's contract; FY2007 is closed while the project
/// waits for a decision, it is continued into FY2008 with an expansion to Duesseldorf, claims
/// again, is continued into FY2009 before the year ends, completes; its claims close after the
/// closing period, its follow-up surveys are scheduled and answered, and it closes by itself.
/// Every step is checked through the public API, the lifecycle view included.
/// </summary>
public sealed class ThreeFiscalYearsTests
{
    private static readonly ServiceDescriptor Projects = ProjectsReflection.Descriptor.Services[0];
    private static readonly ServiceDescriptor Missions = MissionsReflection.Descriptor.Services[0];
    private static readonly ServiceDescriptor Claims = ClaimsReflection.Descriptor.Services[0];
    private static readonly ServiceDescriptor Surveys = SurveysReflection.Descriptor.Services[0];
    private static readonly ServiceDescriptor Respondents = SurveysReflection.Descriptor.Services[1];

    private static readonly Caller Coordinator = Caller.Coordinator;
    private static readonly Caller Hamamatsu = Caller.Body("hamamatsu-city");
    private static readonly Caller Jena = Caller.Partner("jena-city");

    [Fact]
    public async Task A_tie_up_lives_three_fiscal_years_through_the_gateway()
    {
        await using var platform = await Platform.StartAsync(DatabaseProvider.Sqlite, TestClock.InJapan(2007, 4, 2), Coordinator, Hamamatsu, Jena);
        var clock = platform.Clock;
        using var office = platform.As(Coordinator);
        using var body = platform.As(Hamamatsu);
        using var partner = platform.As(Jena);

        // ---- FY2007: registered, adopted, activated --------------------------------------------
        await office.Call<CreateRulebookFromTemplateRequest, Rulebook>(Claims, "CreateRulebookFromTemplate", new() { FiscalYear = 2007 });
        var project = await body.Call<RegisterProjectRequest, Project>(Projects, "RegisterProject", Registration());
        var id = project.Id;
        await Expect(office, id, LifecycleStage.Proposed, LifecycleWaitKind.Adoption);
        await office.Call<AdoptProjectRequest, Project>(Projects, "AdoptProject", new() { ProjectId = id, FiscalYear = 2007 });
        await Expect(office, id, LifecycleStage.Adopted, LifecycleWaitKind.Activation);
        await body.Call<ActivateProjectRequest, Project>(Projects, "ActivateProject", new() { ProjectId = id });
        var active = await Expect(partner, id, LifecycleStage.Active, LifecycleWaitKind.FiscalYearEnd);
        Assert.Equal((2007, 2008, 3, 31), (active.FiscalYear, active.WaitingFor[0].DueOn.Year, active.WaitingFor[0].DueOn.Month, active.WaitingFor[0].DueOn.Day));

        // The programme's money for the year: a budget and a Japan coordinator (Claims learns of the adoption by event).
        await Eventually.Poll(() => Attempt(() => office.Call<SetBudgetRequest, Budget>(Claims, "SetBudget", Budget(id, 2007))), set => set);
        var contract = await office.Call<CreateCoordinatorContractRequest, CoordinatorContract>(Claims, "CreateCoordinatorContract", JapanCoordinator(id, 2007));

        // ---- FY2007: a mission to Jena, its claim drafted, fixed, submitted, approved, paid -----
        clock.Set(TestClock.InJapan(2007, 10, 10));
        var mission = await Mission(body, clock, id, "Mission of Hamamatsu optics companies to Jena", new DateOnly(2007, 10, 15), "Jena", "DE", TestClock.InJapan(2007, 10, 22));
        await body.Call<ReportOutcomeRequest, Activity>(Missions, "ReportOutcome", new()
        {
            ActivityId = mission.Id, OutcomeId = "mou-2007", Kind = AchievementKind.AgreementOrMou,
            AchievedOn = Date(new DateOnly(2007, 10, 18)), Description = "Cooperation agreement between the Hamamatsu and Jena optics clusters",
        });
        var draft = await DraftOf(body, mission.Id);
        Assert.Equal((ClaimStatus.Draft, 2007, Exchange.Missions.V1.SupportTool.OverseasMission), (draft.Status, draft.FiscalYear, draft.SupportTool));
        var expert = draft.FundedPeople.Single();
        // Typed with a cap broken first (travel above the 400,000 yen cap per person), then fixed.
        var typed = await body.Call<SaveClaimRequest, Claim>(Claims, "SaveClaim", Lines(draft.Id, expert.Key, travel: "450000", valueDate: new DateOnly(2007, 10, 15)));
        Assert.Equal("category-cap", typed.Violations.Single().Rule);
        var fixedClaim = await body.Call<SaveClaimRequest, Claim>(Claims, "SaveClaim", Lines(draft.Id, expert.Key, travel: "280000", valueDate: new DateOnly(2007, 10, 15)));
        Assert.Empty(fixedClaim.Violations);
        await body.Call<SubmitClaimRequest, Claim>(Claims, "SubmitClaim", new() { ClaimId = draft.Id, RequestId = "submit-2007-mission" });
        await office.Call<StartReviewRequest, Claim>(Claims, "StartReview", new() { ClaimId = draft.Id });
        await office.Call<ApproveClaimRequest, Claim>(Claims, "ApproveClaim", new() { ClaimId = draft.Id });
        clock.Set(TestClock.InJapan(2007, 12, 10));
        var paid = await office.Call<PayClaimRequest, Claim>(Claims, "PayClaim", new() { ClaimId = draft.Id, PaymentId = "pay-2007-0001", PaidOn = Date(new DateOnly(2007, 12, 10)) });
        Assert.Equal((ClaimStatus.Paid, "340000"), (paid.Status, paid.SanctionedJpy.Amount));
        var achieved = await Eventually.Poll(() => partner.Call<GetProjectRequest, Project>(Projects, "GetProject", new() { ProjectId = id }), p => p.Achievements.Count == 1);
        Assert.EndsWith("/mou-2007", achieved.Achievements[0].Id, StringComparison.Ordinal);

        // A late mission of FY2007, to be claimed after the year is closed.
        clock.Set(TestClock.InJapan(2008, 3, 20));
        var lateMission = await Mission(body, clock, id, "Follow-up visit to Jena", new DateOnly(2008, 3, 24), "Jena", "DE", TestClock.InJapan(2008, 3, 31, 10));
        var late = await DraftOf(body, lateMission.Id);

        // ---- FY2007: the coordinator's contract, invoiced monthly, approved, paid, reconciled ---
        clock.Set(TestClock.InJapan(2008, 3, 31, 12));
        for (var month = 0; month < 12; month++)
        {
            var (year, number) = month < 9 ? (2007, month + 4) : (2008, month - 8);
            var invoiced = await body.Call<RecordCoordinatorInvoiceRequest, CoordinatorContract>(Claims, "RecordCoordinatorInvoice", new()
            {
                ContractId = contract.Id, Month = new Exchange.Claims.V1.Month { Year = year, Month_ = number }, Commission = Yen(100_000), Travel = Yen(25_000),
            });
            var invoice = invoiced.Invoices.Single(i => i.Month.Year == year && i.Month.Month_ == number);
            await office.Call<ApproveCoordinatorInvoiceRequest, CoordinatorContract>(Claims, "ApproveCoordinatorInvoice", new() { ContractId = contract.Id, InvoiceId = invoice.Id });
            await office.Call<PayCoordinatorInvoiceRequest, CoordinatorContract>(Claims, "PayCoordinatorInvoice", new()
            {
                ContractId = contract.Id, InvoiceId = invoice.Id, PaymentId = $"coord-{year}-{number:D2}", PaidOn = Date(new DateOnly(year, number, 28)),
            });
        }
        var reconciled = await office.Call<ReconcileCoordinatorContractsRequest, ReconcileCoordinatorContractsResponse>(Claims, "ReconcileCoordinatorContracts",
            new() { ProjectId = id, FiscalYear = 2007, AsOf = Date(new DateOnly(2008, 3, 31)) });
        Assert.Equal(("1500000", "1500000", "1500000", "0", 0), (reconciled.Contracted.Amount, reconciled.Approved.Amount, reconciled.Paid.Amount, reconciled.Remaining.Amount, reconciled.FlaggedContracts));

        // ---- Rollover into FY2008: not yet continued, the project waits for a decision ---------
        clock.Set(TestClock.InJapan(2008, 4, 1, 9));
        var rollover = await office.Call<RollOverFiscalYearRequest, FiscalYearRollover>(Projects, "RollOverFiscalYear", new() { FiscalYear = 2008 });
        Assert.Equal([id], rollover.ClosedYearProjectIds);
        Assert.Equal([id], rollover.AwaitingDecisionProjectIds);
        var waiting = await Expect(office, id, LifecycleStage.AwaitingContinuation, LifecycleWaitKind.ContinuationDecision);
        Assert.Equal((2008, 5, 1), (waiting.WaitingFor[0].DueOn.Year, waiting.WaitingFor[0].DueOn.Month, waiting.WaitingFor[0].DueOn.Day));
        Assert.Equal(("fiscal-year-closed", "programme-office (coordinator)"), (waiting.History[^1].Step, waiting.History[^1].Actor));
        // Claims closes FY2007: the late claim is accepted until 30 days after 31 March; the contract not continued expires.
        var cutOff = await Eventually.Poll(() => body.Call<GetClaimRequest, Claim>(Claims, "GetClaim", new() { ClaimId = late.Id }), c => c.FiscalYearCutOff is not null);
        Assert.Equal(TestClock.InJapan(2008, 5, 1, 0), cutOff.FiscalYearCutOff.ToDateTimeOffset());
        await Eventually.Poll(() => Contracts(office, id), c => c.Single().Status == ContractStatus.Expired);
        await office.Call<CreateRulebookFromTemplateRequest, Rulebook>(Claims, "CreateRulebookFromTemplate", new() { FiscalYear = 2008, CopyFromFiscalYear = 2007 });

        // ---- FY2008: continued with an expansion to Duesseldorf ---------------------------------
        clock.Set(TestClock.InJapan(2008, 4, 8));
        var continued = await office.Call<ContinueProjectRequest, Project>(Projects, "ContinueProject", new()
        {
            ProjectId = id, FiscalYear = 2008,
            ExpandedRegion = new OverseasRegion { Name = "Duesseldorf", Country = "DE", WorldArea = WorldArea.Europe },
            ExpandedOverseasBody = new Exchange.Projects.V1.Organisation { Id = "duesseldorf-city", Name = "Duesseldorf economic development", Country = "DE" },
        });
        Assert.Equal(["Jena", "Duesseldorf"], continued.OverseasRegions.Select(r => r.Name));
        var decided = await Expect(office, id, LifecycleStage.Continued, LifecycleWaitKind.Activation);
        Assert.Equal(["fiscal-year-closed", "continued", "region-expanded"], decided.History.TakeLast(3).Select(s => s.Step));
        // The expired contract is renewed into FY2008, and the FY2008 budget opens from FY2007's.
        var renewed = await Eventually.Poll(() => Contracts(office, id), c => c.Count == 2);
        Assert.Equal([(2007, ContractStatus.Renewed), (2008, ContractStatus.Active)], renewed.Select(c => (c.FiscalYear, c.Status)));
        var opened = await Eventually.Poll(() => Attempt(() => body.Call<GetBudgetRequest, Budget>(Claims, "GetBudget", new() { ProjectId = id, FiscalYear = 2008 })), b => b);
        Assert.True(opened);
        await body.Call<ActivateProjectRequest, Project>(Projects, "ActivateProject", new() { ProjectId = id });
        await Expect(partner, id, LifecycleStage.Active, LifecycleWaitKind.FiscalYearEnd);

        // After the cut-off the late FY2007 claim is refused, naming the rule.
        clock.Set(TestClock.InJapan(2008, 5, 7));
        await body.Call<SaveClaimRequest, Claim>(Claims, "SaveClaim", Lines(late.Id, late.FundedPeople.Single().Key, travel: "250000", valueDate: new DateOnly(2008, 3, 24)));
        var refused = await Assert.ThrowsAsync<RpcException>(() => body.Call<SubmitClaimRequest, Claim>(Claims, "SubmitClaim", new() { ClaimId = late.Id, RequestId = "submit-late" }));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.StartsWith("fiscal-year-cut-off: FY2007 was closed and its claims were accepted until 2008-04-30", refused.Status.Detail, StringComparison.Ordinal);

        // ---- FY2008: a mission to the new region, claimed and paid with a reduced sanction -----
        clock.Set(TestClock.InJapan(2008, 9, 15));
        var second = await Mission(body, clock, id, "Mission to Duesseldorf medical optics fair", new DateOnly(2008, 9, 22), "Duesseldorf", "DE", TestClock.InJapan(2008, 9, 30));
        var secondDraft = await DraftOf(body, second.Id);
        await body.Call<SaveClaimRequest, Claim>(Claims, "SaveClaim", Lines(secondDraft.Id, secondDraft.FundedPeople.Single().Key, travel: "300000", valueDate: new DateOnly(2008, 9, 22)));
        await body.Call<SubmitClaimRequest, Claim>(Claims, "SubmitClaim", new() { ClaimId = secondDraft.Id, RequestId = "submit-2008-mission" });
        await office.Call<StartReviewRequest, Claim>(Claims, "StartReview", new() { ClaimId = secondDraft.Id });
        await office.Call<ApproveClaimRequest, Claim>(Claims, "ApproveClaim", new()
        {
            ClaimId = secondDraft.Id, Sanctions = { new LineSanction { LineId = "travel", Sanctioned = Yen(270_000), Reason = "economy fare" } },
        });
        clock.Set(TestClock.InJapan(2008, 11, 4));
        var paidAgain = await office.Call<PayClaimRequest, Claim>(Claims, "PayClaim", new() { ClaimId = secondDraft.Id, PaymentId = "pay-2008-0001", PaidOn = Date(new DateOnly(2008, 11, 4)) });
        Assert.Equal((ClaimStatus.Paid, "330000"), (paidAgain.Status, paidAgain.SanctionedJpy.Amount));

        // ---- FY2009: continued in March, before the rollover; the rollover opens its budget -----
        clock.Set(TestClock.InJapan(2009, 3, 10));
        await office.Call<ContinueProjectRequest, Project>(Projects, "ContinueProject", new() { ProjectId = id, FiscalYear = 2009 });
        clock.Set(TestClock.InJapan(2009, 4, 1, 9));
        var secondRollover = await office.Call<RollOverFiscalYearRequest, FiscalYearRollover>(Projects, "RollOverFiscalYear", new() { FiscalYear = 2009 });
        Assert.Equal([id], secondRollover.ContinuedProjectIds);
        Assert.Empty(secondRollover.AwaitingDecisionProjectIds);
        await Expect(office, id, LifecycleStage.Continued, LifecycleWaitKind.Activation);
        Assert.True(await Eventually.Poll(() => Attempt(() => office.Call<GetBudgetRequest, Budget>(Claims, "GetBudget", new() { ProjectId = id, FiscalYear = 2009 })), b => b));
        await body.Call<ActivateProjectRequest, Project>(Projects, "ActivateProject", new() { ProjectId = id });
        var third = await Expect(office, id, LifecycleStage.Active, LifecycleWaitKind.FiscalYearEnd);
        Assert.Equal(2009, third.FiscalYear);

        // ---- Completion: the claims' closing period runs, the follow-up surveys are scheduled --
        clock.Set(TestClock.InJapan(2010, 3, 26, 15));
        await body.Call<CompleteProjectRequest, Project>(Projects, "CompleteProject", new() { ProjectId = id });
        var completing = await Eventually.Poll(() => Lifecycle(office, id), l => l.ClaimsClosingDeadline is not null && l.FollowUpSurveys.Count == 2);
        Assert.Equal(LifecycleStage.Completing, completing.Stage);
        Assert.Equal(LifecycleWaitKind.ClaimsClosing, completing.WaitingFor.Single().Kind);
        Assert.Equal((2010, 4, 25), (completing.WaitingFor[0].DueOn.Year, completing.WaitingFor[0].DueOn.Month, completing.WaitingFor[0].DueOn.Day));
        var scheduled = (await office.Call<ListScheduledSurveysRequest, ListScheduledSurveysResponse>(Surveys, "ListScheduledSurveys", new() { ProjectId = id })).Scheduled;
        Assert.Equal([(0, 2009), (1, 2010)], scheduled.Select(s => (s.OffsetFiscalYears, s.DueFiscalYear)));

        // ---- The closing period ends: Claims closes the claims, the project moves to follow-up --
        clock.Set(TestClock.InJapan(2010, 4, 27));
        var followUp = await Eventually.Poll(() => Lifecycle(office, id), l => l.Stage == LifecycleStage.FollowUp);
        Assert.Equal(LifecycleWaitKind.FollowUpSurvey, followUp.WaitingFor.Single().Kind);
        var inFollowUp = await body.Call<GetProjectRequest, Project>(Projects, "GetProject", new() { ProjectId = id });
        Assert.Equal(ProjectStatus.FollowUp, inFollowUp.Status);
        await Assert.ThrowsAsync<RpcException>(() => body.Call<SubmitClaimRequest, Claim>(Claims, "SubmitClaim", new() { ClaimId = late.Id, RequestId = "submit-after-closing" }));

        // ---- The follow-up survey at completion: a round, answered by the implementation body ---
        var round = await office.Call<CreateSurveyRoundRequest, CreateSurveyRoundResponse>(Surveys, "CreateSurveyRound", FollowUpRound(scheduled[0]));
        var token = round.Invitations.Single().Token;
        var receipt = await body.Call<SubmitResponseRequest, SubmissionReceipt>(Respondents, "SubmitResponse", new() { Token = token, Answers = { SuccessFactorAnswers() } });
        Assert.Equal(round.Round.Id, receipt.RoundId);
        var closedRound = await office.Call<CloseSurveyRoundRequest, Exchange.Surveys.V1.SurveyRound>(Surveys, "CloseSurveyRound", new() { RoundId = round.Round.Id });
        Assert.Equal("1 sent, 1 valid, 100.0 %", closedRound.ResponseRate.Line);
        var firstAnswered = await Eventually.Poll(() => Lifecycle(office, id), l => l.FollowUpSurveys[0].RoundClosedAt is not null);
        Assert.Equal((LifecycleStage.FollowUp, LifecycleWaitKind.FollowUpSurvey), (firstAnswered.Stage, firstAnswered.WaitingFor.Single().Kind));

        // ---- A year later, the last follow-up survey's round closes: so does the project -------
        clock.Set(TestClock.InJapan(2011, 3, 1));
        var lastRound = await office.Call<CreateSurveyRoundRequest, CreateSurveyRoundResponse>(Surveys, "CreateSurveyRound", FollowUpRound(scheduled[1]));
        await body.Call<SubmitResponseRequest, SubmissionReceipt>(Respondents, "SubmitResponse", new() { Token = lastRound.Invitations.Single().Token, Answers = { SuccessFactorAnswers() } });
        await office.Call<CloseSurveyRoundRequest, Exchange.Surveys.V1.SurveyRound>(Surveys, "CloseSurveyRound", new() { RoundId = lastRound.Round.Id });
        var closed = await Eventually.Poll(() => Lifecycle(partner, id), l => l.Stage == LifecycleStage.Closed);
        Assert.Empty(closed.WaitingFor);
        var final = await partner.Call<GetProjectRequest, Project>(Projects, "GetProject", new() { ProjectId = id });
        Assert.Equal((ProjectStatus.Closed, "follow-up ended: the round of its last follow-up survey (FY2010) closed"), (final.Status, final.StatusReason));
        Assert.Equal([2007, 2008, 2009], final.SupportedFiscalYears);

        // The whole life, each step once, in order (the two facts that follow completion on separate queues may swap).
        var steps = closed.History.Select(s => s.Step).ToList();
        Assert.Equal(
            ["registered", "adopted", "activated", "fiscal-year-closed", "continued", "region-expanded", "activated", "continued", "fiscal-year-closed",
             "activated", "completed"],
            steps.Take(11));
        Assert.Equal(["claims-closing-started", "follow-up-survey-scheduled", "follow-up-survey-scheduled"], steps.Skip(11).Take(3).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["claims-closed", "follow-up-started", "follow-up-round-opened", "follow-up-round-closed", "follow-up-round-opened", "follow-up-round-closed", "closed"],
            steps.Skip(14));
        Assert.Equal(LifecycleStage.Closed, closed.History[^1].ToStage);
    }

    // ---- Steps of the play ------------------------------------------------------------------------

    /// <summary>Waits until the lifecycle is in <paramref name="stage"/> and checks what it waits for first.</summary>
    private static async Task<ProjectLifecycle> Expect(GatewayClient client, string projectId, LifecycleStage stage, LifecycleWaitKind waitingFor)
    {
        var lifecycle = await Eventually.Poll(() => Lifecycle(client, projectId), l => l.Stage == stage);
        Assert.Equal(waitingFor, lifecycle.WaitingFor[0].Kind);
        Assert.False(string.IsNullOrWhiteSpace(lifecycle.WaitingFor[0].Reason));
        return lifecycle;
    }

    private static Task<ProjectLifecycle> Lifecycle(GatewayClient client, string projectId) =>
        client.Call<GetLifecycleRequest, ProjectLifecycle>(Projects, "GetLifecycle", new() { ProjectId = projectId });

    /// <summary>An overseas mission of five days planned, staffed (one funded expert, one company at its own expense), confirmed, and completed at <paramref name="completedAt"/>.</summary>
    private static async Task<Activity> Mission(GatewayClient body, TestClock clock, string projectId, string title, DateOnly start, string place, string country, DateTimeOffset completedAt)
    {
        var activity = await body.Call<PlanActivityRequest, Activity>(Missions, "PlanActivity", new()
        {
            RequestId = Guid.NewGuid().ToString("N"), ProjectId = projectId, SupportTool = Exchange.Missions.V1.SupportTool.OverseasMission,
            Title = title, Purpose = "Business meetings on optical components", StartDate = Date(start), EndDate = Date(start.AddDays(4)),
            Places = { new Place { Name = place, Country = country } },
        });
        await body.Call<AddRosterEntryRequest, Activity>(Missions, "AddRosterEntry", new()
        {
            ActivityId = activity.Id,
            Person = new PersonInput { Name = "Taro Suzuki", Role = "expert", Funding = Funding.Programme, Organisation = new OrganisationRef { Name = "Hamamatsu Optics Consulting", Country = "JP", Kind = OrganisationKind.IndividualExpert } },
        });
        await body.Call<AddRosterEntryRequest, Activity>(Missions, "AddRosterEntry", new()
        {
            ActivityId = activity.Id,
            Person = new PersonInput { Name = "Hanako Ito", Role = "company president", Funding = Funding.PrivateExpense, Organisation = new OrganisationRef { Name = "Hamamatsu Lens Works", Country = "JP", Kind = OrganisationKind.Company } },
        });
        await body.Call<ConfirmActivityRequest, Activity>(Missions, "ConfirmActivity", new() { ActivityId = activity.Id });
        clock.Set(completedAt);
        return await body.Call<CompleteActivityRequest, Activity>(Missions, "CompleteActivity", new() { ActivityId = activity.Id });
    }

    /// <summary>The draft claim Claims opened for the completed activity, as the implementation body sees it.</summary>
    private static async Task<Claim> DraftOf(GatewayClient body, string activityId) =>
        (await Eventually.Poll(() => body.Call<ListClaimsRequest, ListClaimsResponse>(Claims, "ListClaims", new() { ActivityId = activityId }), r => r.Claims.Count == 1)).Claims[0];

    /// <summary>The expert's travel and an interpreter for the mission, each with a receipt.</summary>
    private static SaveClaimRequest Lines(string claimId, string expertKey, string travel, DateOnly valueDate) => new()
    {
        ClaimId = claimId,
        Lines =
        {
            new ClaimLine { Id = "travel", Category = "travel", Description = "Flight Tokyo - Frankfurt", Amount = new Money { Amount = travel, Currency = "JPY" },
                ValueDate = Date(valueDate), PersonKey = expertKey, Receipt = Receipt() },
            new ClaimLine { Id = "interpreter", Category = "interpretation", Description = "Interpreter for the business meetings", Amount = new Money { Amount = "60000", Currency = "JPY" },
                ValueDate = Date(valueDate.AddDays(1)), Receipt = Receipt() },
        },
    };

    private static Receipt Receipt()
    {
        var file = Guid.NewGuid().ToString("N");
        return new Receipt { AttachmentId = $"att-{file}", Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(file))) };
    }

    private static async Task<List<CoordinatorContract>> Contracts(GatewayClient client, string projectId) =>
        [.. (await client.Call<ListCoordinatorContractsRequest, ListCoordinatorContractsResponse>(Claims, "ListCoordinatorContracts", new() { ProjectId = projectId })).Contracts];

    private static CreateSurveyRoundRequest FollowUpRound(ScheduledSurvey schedule) => new()
    {
        RequestId = $"follow-up-{schedule.Id}",
        Title = new LocalizedText { En = $"Follow-up of the Hamamatsu - Jena tie-up, FY{schedule.DueFiscalYear}" },
        QuestionnaireId = schedule.QuestionnaireId,
        FiscalYear = schedule.DueFiscalYear,
        ScheduledSurveyIds = { schedule.Id },
    };

    /// <summary>A complete success-factor response of the implementation body.</summary>
    private static IEnumerable<Answer> SuccessFactorAnswers()
    {
        Answer Options(string question, params string[] options) => new() { QuestionId = question, OptionIds = { options } };
        yield return Options("reasons", "overseas-market");
        yield return Options("objectives", "technical-exchange", "new-sales-channels");
        yield return Options("expectations", "same-field-cluster");
        yield return Options("run-by", "regional-companies", "city-government");
        yield return Options("body-contribution", "sufficiently");
        yield return Options("first-achievement", "during");
        yield return Options("achievement-kinds", "trade-fair");
        yield return Options("exchange-status", "continuing-own-budget");
        yield return Options("obstacles", "communication");
        foreach (var point in new[] { "global-perspective", "regional-measures", "wide-vision", "company-motivation", "networks", "communication", "flexibility", "long-term" })
            yield return new Answer { QuestionId = $"sp-{point}", ScaleValue = 4 };
    }

    /// <summary>True when the call succeeds; false while the service refuses it (it has not heard of the project's adoption yet).</summary>
    private static async Task<bool> Attempt<T>(Func<Task<T>> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound)
        {
            return false;
        }
    }

    private static RegisterProjectRequest Registration()
    {
        var request = new RegisterProjectRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Programme = Programme.RegionalIndustryTieUp,
            Title = "Hamamatsu - Jena optical appliances tie-up",
            DomesticRegion = new DomesticRegion { Name = "Hamamatsu city", Prefecture = "Shizuoka", Bureau = RegionalBureau.Chubu },
            OverseasRegions = { new OverseasRegion { Name = "Jena", Country = "DE", WorldArea = WorldArea.Europe } },
            Sector = Sector.MetalMechanical,
            Theme = "Optical appliances",
            DomesticBody = new Exchange.Projects.V1.Organisation { Id = Hamamatsu.OrganisationId, Name = "Hamamatsu City", Country = "JP" },
            OverseasBodies = { new Exchange.Projects.V1.Organisation { Id = Jena.OrganisationId, Name = "Jena economic development", Country = "DE" } },
            PlannedPeriod = new FiscalYearRange { FirstYear = 2007, LastYear = 2009 },
        };
        for (var i = 1; i <= 5; i++) request.Members.Add(new Member { ActorType = ActorType.RegionalCompany, OrganisationName = $"Hamamatsu optics SME {i}", Sme = true });
        request.Members.Add(new Member { ActorType = ActorType.University, OrganisationName = "Shizuoka University" });
        return request;
    }

    private static SetBudgetRequest Budget(string projectId, int year) => new()
    {
        ProjectId = projectId,
        FiscalYear = year,
        Lines = { new BudgetLine { SupportTool = Exchange.Missions.V1.SupportTool.OverseasMission, ProgrammeShare = Yen(4_000_000), OwnShare = Yen(2_100_000) } },
        CoordinatorsProgrammeShare = Yen(1_500_000),
        CoordinatorsOwnShare = Yen(800_000),
    };

    private static CreateCoordinatorContractRequest JapanCoordinator(string projectId, int year) => new()
    {
        RequestId = $"coordinator-{projectId}-{year}",
        ProjectId = projectId,
        FiscalYear = year,
        Side = CoordinatorSide.Japan,
        Coordinator = new Coordinator { Name = "Kenji Sato", Organisation = "Shizuoka Industry Promotion", Country = "JP" },
        CommissionFee = Yen(1_200_000),
        TravelBudget = Yen(300_000),
    };

    private static Money Yen(long amount) => new() { Amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), Currency = "JPY" };

    private static Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
