using Exchange.Projects.Lifecycle;
using Exchange.Projects.Rules;
using Exchange.Projects.V1;
using FiscalYearRollover = Exchange.Projects.Lifecycle.FiscalYearRollover;

namespace Exchange.Lifecycle.Tests.Unit;

/// <summary>The stage, the waits and the process manager's own steps follow from the facts alone.</summary>
public sealed class LifecycleDeciderTests
{
    private static readonly LifecycleOptions Options = new() { ContinuationDecisionDays = 30 };
    private static readonly DateTimeOffset Since = TestClock.InJapan(2007, 4, 2);
    private static readonly Guid RoundId = Guid.NewGuid();

    private static readonly FollowUpScheduleValue AtCompletion = new(Guid.NewGuid(), 0, 2009, new DateOnly(2010, 3, 31));
    private static readonly FollowUpScheduleValue YearAfter = new(Guid.NewGuid(), 1, 2010, new DateOnly(2011, 3, 31));

    private static LifecycleFacts Facts(ProjectStatus status, params int[] years) =>
        new(status, years, 2007, 2009, null, null, null, [], [], []);

    private static FiscalYearRollover RolledOver(int fiscalYear, DateTimeOffset at) =>
        FiscalYearRollover.Into(fiscalYear, "programme-office (coordinator)", at, [], [], [], []);

    private static FollowUpRound Round(FollowUpScheduleValue schedule, bool closed)
    {
        var round = FollowUpRound.For(RoundId);
        round.Opened([schedule.ScheduleId], [Guid.NewGuid()], Since);
        if (closed) round.Closed(Since.AddDays(30));
        return round;
    }

    [Theory]
    [InlineData(ProjectStatus.Proposed, LifecycleStage.Proposed, LifecycleWaitKind.Adoption)]
    [InlineData(ProjectStatus.Adopted, LifecycleStage.Adopted, LifecycleWaitKind.Activation)]
    [InlineData(ProjectStatus.Active, LifecycleStage.Active, LifecycleWaitKind.FiscalYearEnd)]
    [InlineData(ProjectStatus.Continued, LifecycleStage.Continued, LifecycleWaitKind.Activation)]
    [InlineData(ProjectStatus.Completed, LifecycleStage.Completing, LifecycleWaitKind.ClaimsClosing)]
    [InlineData(ProjectStatus.FollowUp, LifecycleStage.FollowUp, LifecycleWaitKind.CloseDecision)]
    public void Each_status_has_its_stage_and_first_wait(ProjectStatus status, LifecycleStage stage, LifecycleWaitKind wait)
    {
        var facts = Facts(status, status == ProjectStatus.Proposed ? [] : [2007]);
        Assert.Equal(stage, LifecycleDecider.StageOf(facts));
        Assert.Equal(wait, LifecycleDecider.WaitsOf(facts, Since, Options, Since)[0].Kind);
    }

    [Theory]
    [InlineData(ProjectStatus.Closed, LifecycleStage.Closed)]
    [InlineData(ProjectStatus.Withdrawn, LifecycleStage.Withdrawn)]
    public void Closed_and_withdrawn_projects_wait_for_nothing(ProjectStatus status, LifecycleStage stage)
    {
        var facts = Facts(status, 2007);
        Assert.Equal(stage, LifecycleDecider.StageOf(facts));
        Assert.Empty(LifecycleDecider.WaitsOf(facts, Since, Options, Since));
        Assert.Null(LifecycleDecider.NextStep(facts));
    }

    [Fact]
    public void An_active_project_whose_year_was_closed_waits_for_a_continuation_decision_due_after_the_decision_period()
    {
        var rolledOverAt = TestClock.InJapan(2008, 4, 1, 0, 5);
        var facts = Facts(ProjectStatus.Active, 2007) with { ClosingRollover = RolledOver(2008, rolledOverAt) };

        Assert.Equal(LifecycleStage.AwaitingContinuation, LifecycleDecider.StageOf(facts));
        var wait = Assert.Single(LifecycleDecider.WaitsOf(facts, Since, Options, TestClock.InJapan(2008, 5, 1, 23)));
        Assert.Equal((LifecycleWaitKind.ContinuationDecision, LifecycleDecider.Coordinator), (wait.Kind, wait.Party));
        Assert.Equal(new DateOnly(2008, 5, 1), wait.DueOn);
        Assert.Equal(rolledOverAt, wait.Since);
        Assert.False(wait.Overdue);
        Assert.Contains("FY2007 was closed on 2008-04-01", wait.Reason, StringComparison.Ordinal);
        Assert.Contains("continues it into FY2008 or completes it", wait.Reason, StringComparison.Ordinal);
        // Due dates are judged on Japan's calendar: 2008-05-02 00:30 in Japan is still 2008-05-01 in UTC.
        Assert.True(LifecycleDecider.WaitsOf(facts, Since, Options, TestClock.InJapan(2008, 5, 2, 0, 30)).Single().Overdue);
    }

    [Fact]
    public void An_active_project_past_the_end_of_its_year_without_a_rollover_shows_the_year_end_overdue()
    {
        var facts = Facts(ProjectStatus.Active, 2007, 2008);
        var wait = Assert.Single(LifecycleDecider.WaitsOf(facts, Since, Options, TestClock.InJapan(2009, 4, 2)));
        Assert.Equal((LifecycleWaitKind.FiscalYearEnd, new DateOnly(2009, 3, 31), true), (wait.Kind, wait.DueOn, wait.Overdue));
        Assert.Equal(2008, LifecycleDecider.FiscalYearOf(facts));
    }

    [Fact]
    public void A_completed_project_waits_for_its_claims_to_close_and_its_follow_ups_to_be_scheduled_and_then_moves_to_follow_up()
    {
        var deadline = TestClock.InJapan(2010, 5, 30, 12);
        var completed = Facts(ProjectStatus.Completed, 2007, 2008, 2009) with { ClaimsClosingDeadline = deadline };
        var waits = LifecycleDecider.WaitsOf(completed, Since, Options, Since);
        Assert.Equal([LifecycleWaitKind.ClaimsClosing, LifecycleWaitKind.FollowUpScheduling], waits.Select(w => w.Kind));
        Assert.Equal(new DateOnly(2010, 5, 30), waits[0].DueOn);
        Assert.Contains("accepted until 2010-05-30 12:00 (Japan time)", waits[0].Reason, StringComparison.Ordinal);
        Assert.Null(LifecycleDecider.NextStep(completed));

        // One of two planned follow-ups known: not yet.
        var partly = completed with { ClaimsClosedAt = deadline, FollowUps = [YearAfter], PlannedFollowUpOffsets = [0, 1] };
        Assert.Null(LifecycleDecider.NextStep(partly));
        Assert.Contains("1 of 2 known", Assert.Single(LifecycleDecider.WaitsOf(partly, Since, Options, Since)).Reason, StringComparison.Ordinal);

        var ready = partly with { FollowUps = [AtCompletion, YearAfter] };
        var next = LifecycleDecider.NextStep(ready);
        Assert.Equal((LifecycleAction.StartFollowUp, "follow-up-started"), (next?.Action, next?.Step));
        Assert.Equal("claims closed and 2 follow-up surveys scheduled (FY2009 to FY2010)", next!.Reason);

        // Claims still open, follow-ups all known: not yet either.
        Assert.Null(LifecycleDecider.NextStep(ready with { ClaimsClosedAt = null }));
    }

    [Fact]
    public void Without_a_plan_from_the_publisher_one_known_follow_up_counts_as_scheduled()
    {
        var facts = Facts(ProjectStatus.Completed, 2009) with { ClaimsClosedAt = Since, FollowUps = [AtCompletion] };
        Assert.Equal(LifecycleAction.StartFollowUp, LifecycleDecider.NextStep(facts)?.Action);
    }

    [Fact]
    public void A_project_in_follow_up_is_closed_when_the_round_of_its_last_follow_up_survey_closes_and_not_before()
    {
        var followUp = Facts(ProjectStatus.FollowUp, 2009) with { FollowUps = [AtCompletion, YearAfter], PlannedFollowUpOffsets = [0, 1] };
        Assert.Equal(LifecycleWaitKind.FollowUpSurvey, LifecycleDecider.WaitsOf(followUp, Since, Options, Since).Single().Kind);
        Assert.Contains("no round was opened for it yet", LifecycleDecider.WaitsOf(followUp, Since, Options, Since).Single().Reason, StringComparison.Ordinal);

        // The first survey's round closed: the last one is still due.
        Assert.Null(LifecycleDecider.NextStep(followUp with { Rounds = [Round(AtCompletion, closed: true)] }));
        // The last survey's round is open: still waiting, and the wait says which round.
        var open = followUp with { Rounds = [Round(YearAfter, closed: false)] };
        Assert.Null(LifecycleDecider.NextStep(open));
        var wait = LifecycleDecider.WaitsOf(open, Since, Options, TestClock.InJapan(2011, 4, 1)).Single();
        Assert.Contains($"round {RoundId} is open", wait.Reason, StringComparison.Ordinal);
        Assert.Equal((new DateOnly(2011, 3, 31), true), (wait.DueOn, wait.Overdue));

        var closed = LifecycleDecider.NextStep(followUp with { Rounds = [Round(YearAfter, closed: true)] });
        Assert.Equal((LifecycleAction.Close, "closed"), (closed?.Action, closed?.Step));
        Assert.Equal("follow-up ended: the round of its last follow-up survey (FY2010) closed", closed!.Reason);
    }

    [Fact]
    public void The_same_facts_in_any_order_give_the_same_decision()
    {
        // Facts reach the process manager as they come: a round closed before its opening was
        // known, the last follow-up known before the first. The decision depends on the set only.
        var closedFirst = FollowUpRound.For(RoundId);
        closedFirst.Closed(Since.AddDays(40));
        closedFirst.Opened([YearAfter.ScheduleId], [Guid.NewGuid()], Since);
        var openedFirst = Round(YearAfter, closed: true);
        var one = Facts(ProjectStatus.FollowUp, 2009) with { FollowUps = [YearAfter, AtCompletion], PlannedFollowUpOffsets = [1, 0], Rounds = [closedFirst] };
        var other = Facts(ProjectStatus.FollowUp, 2009) with { FollowUps = [AtCompletion, YearAfter], PlannedFollowUpOffsets = [0, 1], Rounds = [openedFirst] };
        Assert.Equal(LifecycleDecider.NextStep(one), LifecycleDecider.NextStep(other));
        Assert.NotNull(LifecycleDecider.NextStep(one));
    }
}
