using Exchange.Contracts.Claims;
using Exchange.Lifecycle.Tests.Infrastructure;
using Exchange.Messaging.Outbox;
using Exchange.Messaging.Persistence;
using Exchange.Projects.V1;
using Microsoft.EntityFrameworkCore;
using static Exchange.Lifecycle.Tests.Infrastructure.Samples;
using static Exchange.Testing.TieUps;

namespace Exchange.Lifecycle.Tests;

/// <summary>
/// From completion to closed by itself, across Projects, Claims and Surveys on the broker: the
/// claims' closing period ends (Claims announces it), the follow-up surveys are scheduled
/// (Surveys), the project moves to follow-up; when the round of its last follow-up survey closes,
/// it is closed. The process manager's state survives a restart, and what arrived meanwhile is
/// taken up after it.
/// </summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_completed_project_moves_to_follow_up_and_closes_by_itself(DatabaseProvider provider)
    {
        await using var platform = await LifecycleDeployment.StartAsync(provider, TestClock.InJapan(2009, 4, 1, 10));
        var (projects, surveys, clock) = (platform.Projects, platform.Surveys, platform.Clock);
        var project = await projects.Active(HamamatsuJena(), 2009);

        clock.Set(TestClock.InJapan(2010, 3, 31, 17));
        var completedAt = clock.GetUtcNow();
        await projects.Complete(project.Id, HamamatsuBody);

        // Completing: Claims tells the deadline, Surveys schedules the two follow-ups (at completion, a year later).
        var completing = await projects.LifecycleWhen(project.Id, l => l.ClaimsClosingDeadline is not null && l.FollowUpSurveys.Count == 2);
        Assert.Equal(LifecycleStage.Completing, completing.Stage);
        var deadline = completedAt.AddDays(LifecycleDeployment.ClosingPeriodDays);
        Assert.InRange(completing.ClaimsClosingDeadline.ToDateTimeOffset(), deadline.AddSeconds(-5), deadline.AddSeconds(5));
        var claimsWait = Assert.Single(completing.WaitingFor);
        Assert.Equal((LifecycleWaitKind.ClaimsClosing, "claims service", 2010, 4, 10), (claimsWait.Kind, claimsWait.Party, claimsWait.DueOn.Year, claimsWait.DueOn.Month, claimsWait.DueOn.Day));
        var scheduled = (await surveys.Scheduled(project.Id)).Scheduled;
        Assert.Equal(scheduled.Select(s => (s.Id, s.OffsetFiscalYears, s.DueFiscalYear)), completing.FollowUpSurveys.Select(f => (f.ScheduleId, f.OffsetFiscalYears, f.DueFiscalYear)));
        Assert.Equal([2009, 2010], completing.FollowUpSurveys.Select(f => f.DueFiscalYear));

        // Projects is down when the closing period ends: Claims' announcement waits in its queue.
        await platform.ProjectsHost.StopAsync();
        clock.Advance(TimeSpan.FromDays(LifecycleDeployment.ClosingPeriodDays + 1));
        await Eventually.Poll(() => platform.InClaims(db => db.Set<OutboxMessage>().CountAsync(m => m.StreamKey == project.Id && m.MessageType.Contains(nameof(ProjectClaimsClosed)) && m.DispatchedAt != null)),
            dispatched => dispatched == 1);
        await platform.ProjectsHost.StartAgainAsync();

        var followUp = await projects.LifecycleWhen(project.Id, l => l.Stage == LifecycleStage.FollowUp);
        Assert.NotNull(followUp.ClaimsClosedAt);
        var lastSurvey = Assert.Single(followUp.WaitingFor);
        Assert.Equal((LifecycleWaitKind.FollowUpSurvey, 2011, 3, 31), (lastSurvey.Kind, lastSurvey.DueOn.Year, lastSurvey.DueOn.Month, lastSurvey.DueOn.Day));
        Assert.Contains("no round was opened for it yet", lastSurvey.Reason, StringComparison.Ordinal);
        var inFollowUp = await projects.Get(project.Id);
        Assert.Equal((ProjectStatus.FollowUp, "claims closed and 2 follow-up surveys scheduled (FY2009 to FY2010)"), (inFollowUp.Status, inFollowUp.StatusReason));

        // The survey at completion is answered in a round: the project stays in follow-up.
        var first = await surveys.OpenFollowUpRound(scheduled.Single(s => s.OffsetFiscalYears == 0));
        await surveys.Close(first.Round.Id);
        var afterFirst = await projects.LifecycleWhen(project.Id, l => l.FollowUpSurveys[0].RoundClosedAt is not null);
        Assert.Equal((LifecycleStage.FollowUp, first.Round.Id), (afterFirst.Stage, afterFirst.FollowUpSurveys[0].RoundId));

        // A year later the last one: its round closes, and the project with it.
        clock.Set(TestClock.InJapan(2011, 3, 1));
        var last = await surveys.OpenFollowUpRound(scheduled.Single(s => s.OffsetFiscalYears == 1));
        Assert.Contains($"round {last.Round.Id} is open", (await projects.LifecycleWhen(project.Id, l => l.FollowUpSurveys[1].RoundId.Length > 0)).WaitingFor.Single().Reason, StringComparison.Ordinal);
        await surveys.Close(last.Round.Id);
        var closed = await projects.LifecycleWhen(project.Id, l => l.Stage == LifecycleStage.Closed);
        Assert.Empty(closed.WaitingFor);
        Assert.Equal(
            ["registered", "adopted", "activated", "completed", "claims-closing-started", "follow-up-survey-scheduled", "follow-up-survey-scheduled",
             "claims-closed", "follow-up-started", "follow-up-round-opened", "follow-up-round-closed", "follow-up-round-opened", "follow-up-round-closed", "closed"],
            Ordered(closed.History.Select(s => s.Step)));
        Assert.Equal("lifecycle on SurveyRoundClosed", closed.History.Last().Actor);
        Assert.Equal("hamamatsu-city (implementation-body)", closed.History.Single(s => s.Step == "completed").Actor);
        var final = await projects.Get(project.Id);
        Assert.Equal((ProjectStatus.Closed, "follow-up ended: the round of its last follow-up survey (FY2010) closed"), (final.Status, final.StatusReason));
        Assert.Equal(1, await platform.InProjects(db => db.Set<OutboxMessage>().CountAsync(m => m.StreamKey == project.Id && m.MessageType.Contains("ProjectClosed"))));
    }

    /// <summary>
    /// The steps in order, with the two facts that arrive on separate queues at about the same time
    /// (the claims' closing period starting, the follow-ups being scheduled) sorted among themselves.
    /// </summary>
    private static List<string> Ordered(IEnumerable<string> steps)
    {
        var list = steps.ToList();
        var concurrent = new HashSet<string> { "claims-closing-started", "follow-up-survey-scheduled" };
        var start = list.FindIndex(concurrent.Contains);
        var count = list.Skip(start).TakeWhile(concurrent.Contains).Count();
        var sorted = list.GetRange(start, count).Order(StringComparer.Ordinal).ToList();
        list.RemoveRange(start, count);
        list.InsertRange(start, sorted);
        return list;
    }
}
