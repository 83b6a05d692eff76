using Exchange.Contracts.Claims;
using Exchange.Contracts.Projects;
using Exchange.Contracts.Surveys;
using Exchange.Messaging.Correlation;
using Exchange.Messaging.Outbox;
using Exchange.Projects.Data;
using Exchange.Projects.Lifecycle;
using Exchange.Projects.Model;
using Exchange.Projects.V1;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Project = Exchange.Projects.Model.Project;

namespace Exchange.Lifecycle.Tests.Unit;

/// <summary>
/// The process manager on a real database of its own (SQLite in memory), fed the facts other
/// services report in every order, twice, and about projects it does not hold: each step is taken
/// and recorded once, and the project moves through its own transitions with their events.
/// </summary>
public sealed class ProcessManagerTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly TestClock _clock = new(TestClock.InJapan(2010, 3, 31, 17));
    private readonly Guid _projectId;

    private readonly FollowUpScheduleValue _atCompletion = new(Guid.NewGuid(), 0, 2009, new DateOnly(2010, 3, 31));
    private readonly FollowUpScheduleValue _yearAfter = new(Guid.NewGuid(), 1, 2010, new DateOnly(2011, 3, 31));

    public ProcessManagerTests()
    {
        _connection.Open();
        using var db = Db();
        db.Database.EnsureCreated();
        var project = Project.Register(new ProjectRegistration("r1", Programme.RegionalIndustryTieUp, "Hamamatsu - Jena optical appliances",
            new DomesticRegionValue("Hamamatsu city", "Shizuoka", Common.V1.RegionalBureau.Chubu), [new OverseasRegionValue("Jena", "DE", Common.V1.WorldArea.Europe)],
            Common.V1.Sector.MetalMechanical, "Optical appliances", new Party("hamamatsu-city", "Hamamatsu City", "JP"), [new Party("jena-city", "Jena", "DE")],
            [.. Enumerable.Range(1, 5).Select(i => new MemberValue(ActorType.RegionalCompany, $"SME {i}", true))], 2007, 2009), "hamamatsu-city", _clock.GetUtcNow().AddYears(-3));
        project.Adopt(2009, AdoptionRuleSet.Default(Programme.RegionalIndustryTieUp, 2009), _clock.GetUtcNow().AddYears(-1));
        project.Activate(_clock.GetUtcNow().AddYears(-1));
        project.Complete(_clock.GetUtcNow());
        db.Projects.Add(project);
        db.SaveChanges();
        _projectId = project.Id;
    }

    private ProjectsDb Db() => new(new DbContextOptionsBuilder<ProjectsDb>().UseSqlite(_connection).Options);

    /// <summary>One fact, handled as a consumer would: in its own unit of work, saved at the end.</summary>
    private async Task Deliver(Func<ProjectLifecycles, Task> fact)
    {
        await using var db = Db();
        var lifecycles = new ProjectLifecycles(db, new EventOutbox(new CorrelationContext(), _clock), _clock, NullLogger<ProjectLifecycles>.Instance);
        await fact(lifecycles);
        await db.SaveChangesAsync();
    }

    private Func<ProjectLifecycles, Task> ClaimsClosed(Guid? projectId = null) => l => l.OnClaimsClosedAsync(
        new ProjectClaimsClosed(projectId ?? _projectId, 2009, _clock.GetUtcNow().AddDays(-1), 0, 1_250_000, _clock.GetUtcNow()), CancellationToken.None);

    private Func<ProjectLifecycles, Task> Scheduled(FollowUpScheduleValue schedule, Guid? projectId = null) => l => l.OnFollowUpScheduledAsync(
        new FollowUpSurveyScheduled(schedule.ScheduleId, projectId ?? _projectId, schedule.OffsetFiscalYears, schedule.DueFiscalYear,
            schedule.DueOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), "success-factor", _clock.GetUtcNow(), [0, 1]), CancellationToken.None);

    private Func<ProjectLifecycles, Task> RoundOpened(Guid roundId, FollowUpScheduleValue schedule) => l => l.OnRoundOpenedAsync(
        new SurveyRoundOpened(roundId, "Follow-up", "success-factor", 1, "SuccessFactor", schedule.DueFiscalYear, 1, [_projectId], [], [schedule.ScheduleId],
            "programme-office", _clock.GetUtcNow()), CancellationToken.None);

    private Func<ProjectLifecycles, Task> RoundClosed(Guid roundId) => l => l.OnRoundClosedAsync(
        new SurveyRoundClosed(roundId, 1, 1, 100m, "programme-office", _clock.GetUtcNow()), CancellationToken.None);

    private async Task<(ProjectStatus Status, LifecycleStage Stage, List<string> Steps, List<string> Events)> State()
    {
        await using var db = Db();
        var project = await db.Projects.SingleAsync(p => p.Id == _projectId);
        var lifecycle = await db.Lifecycles.SingleAsync(l => l.ProjectId == _projectId);
        var steps = await db.LifecycleSteps.Where(s => s.ProjectId == _projectId).OrderBy(s => s.Sequence).Select(s => s.Step).ToListAsync();
        var events = await db.Set<OutboxMessage>().Where(m => m.StreamKey == _projectId.ToString()).OrderBy(m => m.Sequence).Select(m => m.MessageType).ToListAsync();
        return (project.Status, lifecycle.Stage, steps, [.. events.Select(e => e.Split(',')[0].Split('.')[^1])]);
    }

    [Fact]
    public async Task Claims_closed_and_both_follow_ups_scheduled_move_the_project_to_follow_up_once()
    {
        await Deliver(ClaimsClosed());
        var (afterClaims, stageAfterClaims, _, _) = await State();
        Assert.Equal((ProjectStatus.Completed, LifecycleStage.Completing), (afterClaims, stageAfterClaims));
        await Deliver(Scheduled(_atCompletion));
        Assert.Equal(ProjectStatus.Completed, (await State()).Status);
        await Deliver(Scheduled(_yearAfter));

        var (status, stage, steps, events) = await State();
        Assert.Equal((ProjectStatus.FollowUp, LifecycleStage.FollowUp), (status, stage));
        Assert.Equal(["claims-closed", "follow-up-survey-scheduled", "follow-up-survey-scheduled", "follow-up-started"], steps);
        Assert.Equal(["ProjectFollowUpChanged", "ProjectStateChanged"], events);
    }

    [Fact]
    public async Task The_same_facts_in_another_order_and_repeated_lead_to_the_same_state()
    {
        // Surveys' events first, the last one before the first, then claims closed; each one twice
        // (as a new message, which the inbox cannot recognise: the lifecycle's keys must).
        foreach (var fact in new[] { Scheduled(_yearAfter), Scheduled(_yearAfter), Scheduled(_atCompletion), ClaimsClosed(), ClaimsClosed(), Scheduled(_atCompletion) })
            await Deliver(fact);

        var (status, stage, steps, events) = await State();
        Assert.Equal((ProjectStatus.FollowUp, LifecycleStage.FollowUp), (status, stage));
        Assert.Equal(["follow-up-survey-scheduled", "follow-up-survey-scheduled", "claims-closed", "follow-up-started"], steps);
        Assert.Equal(["ProjectFollowUpChanged", "ProjectStateChanged"], events);
        await using var db = Db();
        var lifecycle = await db.Lifecycles.SingleAsync(l => l.ProjectId == _projectId);
        Assert.Equal([_atCompletion, _yearAfter], lifecycle.FollowUps);
        Assert.Equal([0, 1], lifecycle.PlannedFollowUpOffsets);
        Assert.Equal(4, lifecycle.StepCount);
    }

    [Fact]
    public async Task A_round_closed_before_its_opening_arrived_closes_the_project_when_the_opening_arrives()
    {
        foreach (var fact in new[] { ClaimsClosed(), Scheduled(_atCompletion), Scheduled(_yearAfter) }) await Deliver(fact);
        var first = Guid.NewGuid();
        var last = Guid.NewGuid();
        await Deliver(RoundOpened(first, _atCompletion));
        await Deliver(RoundClosed(first));
        Assert.Equal(ProjectStatus.FollowUp, (await State()).Status);

        // The last round's closing overtakes its opening (they come on separate queues).
        await Deliver(RoundClosed(last));
        Assert.Equal(ProjectStatus.FollowUp, (await State()).Status);
        await Deliver(RoundOpened(last, _yearAfter));
        await Deliver(RoundOpened(last, _yearAfter));
        await Deliver(RoundClosed(last));

        var (status, stage, steps, events) = await State();
        Assert.Equal((ProjectStatus.Closed, LifecycleStage.Closed), (status, stage));
        Assert.Equal(["claims-closed", "follow-up-survey-scheduled", "follow-up-survey-scheduled", "follow-up-started",
            "follow-up-round-opened", "follow-up-round-closed", "follow-up-round-opened", "follow-up-round-closed", "closed"], steps);
        Assert.Equal(["ProjectFollowUpChanged", "ProjectStateChanged", "ProjectClosed", "ProjectStateChanged"], events);
        await using var db = Db();
        Assert.Equal("follow-up ended: the round of its last follow-up survey (FY2010) closed", (await db.Projects.SingleAsync(p => p.Id == _projectId)).StatusReason);
    }

    [Fact]
    public async Task A_last_round_closed_before_the_claims_closes_the_project_right_after_its_follow_up_starts()
    {
        var last = Guid.NewGuid();
        foreach (var fact in new[] { Scheduled(_atCompletion), Scheduled(_yearAfter), RoundOpened(last, _yearAfter), RoundClosed(last) }) await Deliver(fact);
        Assert.Equal(ProjectStatus.Completed, (await State()).Status);

        await Deliver(ClaimsClosed());
        var (status, _, steps, events) = await State();
        Assert.Equal(ProjectStatus.Closed, status);
        Assert.Equal(["follow-up-started", "closed"], steps[^2..]);
        Assert.Equal(["ProjectFollowUpChanged", "ProjectStateChanged", "ProjectClosed", "ProjectStateChanged"], events);
    }

    [Fact]
    public async Task Facts_about_projects_this_service_does_not_hold_change_nothing()
    {
        var stranger = Guid.NewGuid();
        await Deliver(ClaimsClosed(stranger));
        await Deliver(Scheduled(_atCompletion, stranger));
        await using var db = Db();
        Assert.Empty(await db.Lifecycles.ToListAsync());
        Assert.Empty(await db.LifecycleSteps.ToListAsync());
        Assert.Empty(await db.Set<OutboxMessage>().ToListAsync());
    }

    [Fact]
    public async Task A_rollover_makes_an_active_project_of_the_closed_year_wait_for_a_decision_once()
    {
        Guid activeId;
        await using (var db = Db())
        {
            var active = await db.Projects.SingleAsync(p => p.Id == _projectId);
            var registration = new ProjectRegistration("r2", Programme.RegionalIndustryTieUp, "Suwa - Dalian metal processing",
                new DomesticRegionValue("Suwa city", "Nagano", Common.V1.RegionalBureau.Kanto), [new OverseasRegionValue("Dalian", "CN", Common.V1.WorldArea.Asia)],
                Common.V1.Sector.MetalMechanical, "Metal processing", new Party("suwa-city", "Suwa City", "JP"), [new Party("dalian-city", "Dalian", "CN")],
                [.. Enumerable.Range(1, 5).Select(i => new MemberValue(ActorType.RegionalCompany, $"SME {i}", true))], 2009, 2011);
            var project = Project.Register(registration, "suwa-city", _clock.GetUtcNow().AddYears(-1));
            project.Adopt(2009, AdoptionRuleSet.Default(Programme.RegionalIndustryTieUp, 2009), _clock.GetUtcNow().AddYears(-1));
            project.Activate(_clock.GetUtcNow().AddYears(-1));
            db.Projects.Add(project);
            await db.SaveChangesAsync();
            activeId = project.Id;
        }
        _clock.Set(TestClock.InJapan(2010, 4, 1, 0, 10));
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await using var db = Db();
            var lifecycles = new ProjectLifecycles(db, new EventOutbox(new CorrelationContext(), _clock), _clock, NullLogger<ProjectLifecycles>.Instance);
            var rollovers = new FiscalYearRollovers(db, lifecycles, new EventOutbox(new CorrelationContext(), _clock), Options.Create(new LifecycleOptions()), _clock, NullLogger<FiscalYearRollovers>.Instance);
            var (rollover, done) = await rollovers.RollOverAsync(2010, "programme-office (coordinator)", CancellationToken.None);
            Assert.Equal(attempt == 1, done);
            Assert.Equal([activeId], rollover.AwaitingDecisionProjectIds);
            Assert.Equal([_projectId, activeId], rollover.ClosedYearProjectIds);
            await db.SaveChangesAsync();
        }

        await using (var db = Db())
        {
            Assert.Equal(LifecycleStage.AwaitingContinuation, (await db.Lifecycles.SingleAsync(l => l.ProjectId == activeId)).Stage);
            Assert.Equal(["fiscal-year-closed"], await db.LifecycleSteps.Where(s => s.ProjectId == activeId).Select(s => s.Step).ToListAsync());
            Assert.Equal(1, await db.Set<OutboxMessage>().CountAsync(m => m.StreamKey == FiscalYearRollovers.Stream));
            // The completed project of the closed year gets its step too, and keeps its stage.
            Assert.Equal(LifecycleStage.Completing, (await db.Lifecycles.SingleAsync(l => l.ProjectId == _projectId)).Stage);
        }
    }

    public void Dispose() => _connection.Dispose();
}
