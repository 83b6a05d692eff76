using Exchange.Claims.V1;
using Exchange.Lifecycle.Tests.Infrastructure;
using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Projects.Lifecycle;
using Exchange.Projects.V1;
using Exchange.Rpc;
using Microsoft.EntityFrameworkCore;
using static Exchange.Lifecycle.Tests.Infrastructure.Samples;
using static Exchange.Testing.TieUps;

namespace Exchange.Lifecycle.Tests;

/// <summary>
/// The rollover from FY2007 into FY2008 across Projects and Claims: the active project that was
/// not continued waits for a decision, the continued one goes on; the closed year's claims get
/// their cut-off, the contract of the project not continued expires (and is renewed when it is
/// continued later), the continued projects' budgets of FY2008 open. Once, however often it is asked for.
/// </summary>
public sealed class RolloverTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Rolling_over_into_FY2008_closes_FY2007_across_the_services(DatabaseProvider provider)
    {
        await using var platform = await LifecycleDeployment.StartAsync(provider, TestClock.InJapan(2007, 4, 2));
        var (projects, claims, clock) = (platform.Projects, platform.Claims, platform.Clock);
        await claims.RulebookFromTemplate(2007);
        await claims.RulebookFromTemplate(2008);

        // Hamamatsu - Jena: active in FY2007, with a budget, a coordinator and a claim being written.
        var hamamatsu = await projects.Active(HamamatsuJena(), 2007);
        // Suwa - Dalian: continued into FY2008 in March, before the rollover.
        var suwa = await projects.Active(SuwaDalian(), 2007);
        await platform.ClaimsKnow(hamamatsu);
        await platform.ClaimsKnow(suwa);
        foreach (var project in new[] { hamamatsu, suwa })
        {
            await claims.SetBudget(Budget(project.Id, 2007));
            await claims.Sign(JapanCoordinator(project.Id, 2007));
        }
        var mission = MissionCompleted(hamamatsu.Id, 2007, new DateOnly(2007, 10, 15), 5, clock.GetUtcNow());
        await platform.Bus.Publish(mission);
        var claim = await claims.ClaimOf(mission.ActivityId);
        clock.Set(TestClock.InJapan(2008, 3, 3));
        await projects.Continue(suwa.Id, 2008);
        await Eventually.Poll(() => claims.Contracts(suwa.Id), c => c.Contracts.Count == 2);

        clock.Set(TestClock.InJapan(2008, 4, 1, 9));
        var rollover = await projects.RollOver(2008);
        Assert.Equal((2008, 2007, false, "programme-office (coordinator)"), (rollover.FiscalYear, rollover.ClosedFiscalYear, rollover.AlreadyRolledOver, rollover.RolledOverBy));
        Assert.Equal([hamamatsu.Id, suwa.Id], rollover.ClosedYearProjectIds);
        Assert.Equal([suwa.Id], rollover.ContinuedProjectIds);
        Assert.Equal([hamamatsu.Id], rollover.AwaitingDecisionProjectIds);

        // Projects: the project not continued waits for a coordinator's decision, due a month into FY2008.
        var waiting = await projects.Lifecycle(hamamatsu.Id);
        Assert.Equal((LifecycleStage.AwaitingContinuation, 2007, ProjectStatus.Active), (waiting.Stage, waiting.FiscalYear, waiting.Status));
        var decision = Assert.Single(waiting.WaitingFor);
        Assert.Equal((LifecycleWaitKind.ContinuationDecision, "coordinator", 2008, 5, 1, false),
            (decision.Kind, decision.Party, decision.DueOn.Year, decision.DueOn.Month, decision.DueOn.Day, decision.Overdue));
        Assert.Contains("FY2007 was closed on 2008-04-01 and the project was not continued", decision.Reason, StringComparison.Ordinal);
        var closedStep = waiting.History.Last();
        Assert.Equal(("fiscal-year-closed", LifecycleStage.Active, LifecycleStage.AwaitingContinuation, "programme-office (coordinator)"),
            (closedStep.Step, closedStep.FromStage, closedStep.ToStage, closedStep.Actor));
        Assert.Equal(["registered", "adopted", "activated", "fiscal-year-closed"], waiting.History.Select(s => s.Step));
        var continued = await projects.Lifecycle(suwa.Id);
        Assert.Equal((LifecycleStage.Continued, 2008), (continued.Stage, continued.FiscalYear));
        Assert.Equal(LifecycleWaitKind.Activation, continued.WaitingFor.Single().Kind);
        var listed = await projects.Lifecycles(new ListLifecyclesRequest { Stage = LifecycleStage.AwaitingContinuation });
        Assert.Equal([hamamatsu.Id], listed.Lifecycles.Select(l => l.ProjectId));

        // Once per fiscal year: asked again (a retry, the scheduler), the same rollover answers and nothing more is published.
        var again = await projects.RollOver(2008);
        Assert.True(again.AlreadyRolledOver);
        Assert.Equal((rollover.RolledOverAt, rollover.AwaitingDecisionProjectIds), (again.RolledOverAt, again.AwaitingDecisionProjectIds));
        var announced = await platform.InProjects(db => db.Set<OutboxMessage>().CountAsync(m => m.StreamKey == FiscalYearRollovers.Stream));
        Assert.Equal(1, announced);
        Assert.Single((await projects.Lifecycle(hamamatsu.Id)).History, s => s.Step == "fiscal-year-closed");

        // Claims: FY2007's claims are accepted for 30 days after the year's end (Japan time), the
        // contract of the project not continued expired, the continued project's FY2008 budget opened.
        var cutOff = (await Eventually.Poll(() => claims.Get(claim.Id), c => c.FiscalYearCutOff is not null)).FiscalYearCutOff.ToDateTimeOffset();
        Assert.Equal(TestClock.InJapan(2008, 5, 1, 0), cutOff);
        var expired = await Eventually.Poll(() => claims.Contracts(hamamatsu.Id), c => c.Contracts.Single().Status == ContractStatus.Expired);
        var opened = await Eventually.Poll(async () => await Opened(claims, suwa.Id, 2008), b => b is not null);
        Assert.Equal((AuditSystem, "4000000", "2900000"), (opened!.SetBy, opened.Lines.Single().ProgrammeShare.Amount, opened.TotalOwnShare.Amount));
        Assert.Null(await Opened(claims, hamamatsu.Id, 2008));

        // Within the cut-off the claim is submitted.
        clock.Set(TestClock.InJapan(2008, 4, 10));
        await claims.Save(claim.Id, HamamatsuBody, Travel("180000", new DateOnly(2007, 10, 15)));
        Assert.Equal(ClaimStatus.Submitted, (await claims.Submit(claim.Id, HamamatsuBody)).Status);

        // Continued after the rollover, with a region expansion: the expired contract is renewed and the budget opens now.
        clock.Set(TestClock.InJapan(2008, 4, 15));
        await projects.Continue(hamamatsu.Id, 2008, Duesseldorf, new Organisation { Id = "duesseldorf-city", Name = "Duesseldorf economic development", Country = "DE" });
        var renewed = await Eventually.Poll(() => claims.Contracts(hamamatsu.Id), c => c.Contracts.Count == 2);
        Assert.Equal([(2007, ContractStatus.Renewed), (2008, ContractStatus.Active)], renewed.Contracts.Select(c => (c.FiscalYear, c.Status)));
        Assert.Equal(expired.Contracts.Single().Id, renewed.Contracts[1].RenewedFromContractId);
        Assert.NotNull(await Eventually.Poll(async () => await Opened(claims, hamamatsu.Id, 2008), b => b is not null));
        var decided = await projects.Lifecycle(hamamatsu.Id);
        Assert.Equal((LifecycleStage.Continued, 2008), (decided.Stage, decided.FiscalYear));
        Assert.Equal(["continued", "region-expanded"], decided.History.TakeLast(2).Select(s => s.Step));
        Assert.Equal(LifecycleStage.AwaitingContinuation, decided.History[^2].FromStage);

        // A late FY2007 mission, claimed after the cut-off: kept with the violation, refused at submission.
        clock.Set(TestClock.InJapan(2008, 5, 2));
        var late = MissionCompleted(hamamatsu.Id, 2007, new DateOnly(2008, 3, 10), 3, clock.GetUtcNow());
        await platform.Bus.Publish(late);
        var lateClaim = await claims.ClaimOf(late.ActivityId);
        var saved = await claims.Save(lateClaim.Id, HamamatsuBody, Travel("150000", new DateOnly(2008, 3, 10)));
        Assert.Equal("fiscal-year-cut-off", saved.Violations.Single().Rule);
        Assert.Contains("accepted until 2008-04-30 (Japan time)", saved.Violations.Single().Message, StringComparison.Ordinal);
        await Refusals.Refused(StatusCode.FailedPrecondition, "fiscal-year-cut-off: FY2007 was closed", () => claims.Submit(lateClaim.Id, HamamatsuBody));
    }

    [Fact]
    public async Task The_rollover_is_the_coordinators_and_keeps_the_calendar_and_survives_a_restart()
    {
        await using var platform = await LifecycleDeployment.StartAsync(DatabaseProvider.Sqlite, TestClock.InJapan(2008, 3, 31, 23, 50));
        var projects = platform.Projects;
        var hamamatsu = await projects.Active(HamamatsuJena(), 2007);

        await Refusals.Refused(StatusCode.PermissionDenied, "fiscal-year-rollover: only coordinators", () => projects.RollOver(2008, HamamatsuBody));
        await Refusals.Refused(StatusCode.PermissionDenied, "fiscal-year-rollover: only coordinators", () => projects.RollOver(2008, JenaPartner));
        await Refusals.Refused(StatusCode.Unauthenticated, "", () => projects.RollOver(2008, Caller.Anonymous));
        await Refusals.Refused(StatusCode.InvalidArgument, "fiscal_year", () => projects.RollOver(0));
        // 23:50 on 31 March in Japan: FY2008 has not begun yet.
        await Refusals.Refused(StatusCode.FailedPrecondition, "fiscal-year-not-begun: FY2008 begins on 2008-04-01 (Japan time); today is 2008-03-31 in FY2007",
            () => projects.RollOver(2008));
        Assert.Equal(LifecycleStage.Active, (await projects.Lifecycle(hamamatsu.Id)).Stage);

        platform.Clock.Set(TestClock.InJapan(2008, 4, 1, 0, 1));
        await projects.RollOver(2008);
        await Refusals.Refused(StatusCode.FailedPrecondition, "rollover-order: FY2008 was rolled over already; FY2007", () => projects.RollOver(2007));

        // The process manager's state is in the database: a restarted service answers the same.
        var before = await projects.Lifecycle(hamamatsu.Id);
        await platform.ProjectsHost.StopAsync();
        await platform.ProjectsHost.StartAgainAsync();
        var after = await projects.Lifecycle(hamamatsu.Id);
        Assert.Equal(before, after);
        Assert.Equal(LifecycleStage.AwaitingContinuation, after.Stage);
        Assert.True((await projects.RollOver(2008)).AlreadyRolledOver);

        // Overdue once the decision period has passed in Japan.
        platform.Clock.Set(TestClock.InJapan(2008, 5, 2, 0, 30));
        var overdue = await projects.Lifecycles(new ListLifecyclesRequest { OverdueOnly = true, WaitingFor = LifecycleWaitKind.ContinuationDecision });
        Assert.Equal([hamamatsu.Id], overdue.Lifecycles.Select(l => l.ProjectId));
        Assert.True(overdue.Lifecycles[0].WaitingFor.Single().Overdue);
    }

    private const string AuditSystem = "system";

    private static async Task<Budget?> Opened(ClaimsClient claims, string projectId, int year)
    {
        try
        {
            return await claims.GetBudget(projectId, year);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
