using Exchange.Projects.Model;
using Exchange.Projects.Rules;
using Exchange.Projects.V1;

namespace Exchange.Projects.Lifecycle;

/// <summary>
/// The lifecycle's decisions, pure: the stage a project is in, what it waits for, and the step the
/// process manager takes by itself. Whatever order the facts arrived in, the same facts give the
/// same answers.
/// </summary>
public static class LifecycleDecider
{
    public const string Coordinator = "coordinator";
    public const string ImplementationBody = "implementation body";
    public const string ClaimsService = "claims service";
    public const string SurveysService = "surveys service";
    public const string Calendar = "programme calendar";

    public static LifecycleStage StageOf(LifecycleFacts facts) => facts.Status switch
    {
        ProjectStatus.Proposed => LifecycleStage.Proposed,
        ProjectStatus.Adopted => LifecycleStage.Adopted,
        ProjectStatus.Active => facts.ClosingRollover is null ? LifecycleStage.Active : LifecycleStage.AwaitingContinuation,
        ProjectStatus.Continued => LifecycleStage.Continued,
        ProjectStatus.Completed => LifecycleStage.Completing,
        ProjectStatus.FollowUp => LifecycleStage.FollowUp,
        ProjectStatus.Closed => LifecycleStage.Closed,
        ProjectStatus.Withdrawn => LifecycleStage.Withdrawn,
        _ => LifecycleStage.Unspecified,
    };

    /// <summary>The fiscal year the stage concerns: the last supported one, or the first planned one before adoption.</summary>
    public static int FiscalYearOf(LifecycleFacts facts) => facts.LastSupportedYear > 0 ? facts.LastSupportedYear : facts.PlannedFirstYear;

    /// <summary>
    /// The step the process manager takes by itself, if any: a completed project whose claims are
    /// closed and whose follow-up surveys are scheduled moves to follow-up; a project in follow-up
    /// whose last follow-up survey's round closed is closed.
    /// </summary>
    public static AutomaticStep? NextStep(LifecycleFacts facts)
    {
        if (facts.Status == ProjectStatus.Completed && facts.ClaimsClosedAt is not null && facts.FollowUpsScheduled)
        {
            var surveys = facts.FollowUps.Count == 1 ? "1 follow-up survey" : $"{facts.FollowUps.Count} follow-up surveys";
            return new AutomaticStep(LifecycleAction.StartFollowUp, "follow-up-started",
                $"claims closed and {surveys} scheduled (FY{facts.FollowUps.Min(f => f.DueFiscalYear)} to FY{facts.LastFollowUp!.DueFiscalYear})");
        }
        if (facts.Status == ProjectStatus.FollowUp && facts.LastFollowUpAnswered)
        {
            var last = facts.LastFollowUp!;
            return new AutomaticStep(LifecycleAction.Close, "closed",
                $"follow-up ended: the round of its last follow-up survey (FY{last.DueFiscalYear}) closed");
        }
        return null;
    }

    /// <summary>What the project waits for in its stage, since <paramref name="since"/>, with due dates judged on Japan's calendar at <paramref name="now"/>.</summary>
    public static IReadOnlyList<WaitValue> WaitsOf(LifecycleFacts facts, DateTimeOffset since, LifecycleOptions options, DateTimeOffset now)
    {
        var today = JapanCalendar.Today(now);
        var year = FiscalYearOf(facts);
        var waits = new List<WaitValue>();
        void Wait(LifecycleWaitKind kind, string party, string reason, DateOnly? due = null, DateTimeOffset? from = null) =>
            waits.Add(new WaitValue(kind, party, reason, from ?? since, due, due is { } d && today > d));

        switch (StageOf(facts))
        {
            case LifecycleStage.Proposed:
                Wait(LifecycleWaitKind.Adoption, Coordinator, $"a coordinator adopts it for a fiscal year of its planned period (FY{facts.PlannedFirstYear}-FY{facts.PlannedLastYear})");
                break;
            case LifecycleStage.Adopted:
                Wait(LifecycleWaitKind.Activation, ImplementationBody, $"its implementation body starts the work of FY{year}", FiscalYear.End(year));
                break;
            case LifecycleStage.Active:
                Wait(LifecycleWaitKind.FiscalYearEnd, Calendar,
                    $"FY{year} ends on {FiscalYear.End(year):yyyy-MM-dd}; before then a coordinator may continue it into FY{year + 1}, or it is completed", FiscalYear.End(year));
                break;
            case LifecycleStage.Continued:
                Wait(LifecycleWaitKind.Activation, ImplementationBody,
                    $"its implementation body starts the work of FY{year}, into which it was continued", FiscalYear.End(year));
                break;
            case LifecycleStage.AwaitingContinuation:
                var rollover = facts.ClosingRollover!;
                Wait(LifecycleWaitKind.ContinuationDecision, Coordinator,
                    $"FY{year} was closed on {JapanCalendar.Today(rollover.RolledOverAt):yyyy-MM-dd} and the project was not continued: a coordinator continues it into FY{year + 1} or completes it",
                    FiscalYear.Start(year + 1).AddDays(options.ContinuationDecisionDays), rollover.RolledOverAt);
                break;
            case LifecycleStage.Completing:
                if (facts.ClaimsClosedAt is null)
                {
                    Wait(LifecycleWaitKind.ClaimsClosing, ClaimsService, facts.ClaimsClosingDeadline is { } deadline
                        ? $"its claims are accepted until {deadline.ToOffset(JapanCalendar.Offset):yyyy-MM-dd HH:mm} (Japan time); the Claims service closes them when the closing period ends"
                        : "the Claims service starts the closing period of its claims", facts.ClaimsClosingDeadline is { } d ? JapanCalendar.Today(d) : null);
                }
                if (!facts.FollowUpsScheduled) Wait(LifecycleWaitKind.FollowUpScheduling, SurveysService, SchedulingReason(facts));
                break;
            case LifecycleStage.FollowUp:
                if (!facts.FollowUpsScheduled && facts.FollowUps.Count > 0)
                {
                    Wait(LifecycleWaitKind.FollowUpScheduling, SurveysService, SchedulingReason(facts));
                }
                else if (facts.LastFollowUp is { } last)
                {
                    var round = facts.RoundOf(last);
                    Wait(LifecycleWaitKind.FollowUpSurvey, Coordinator,
                        $"the round answering its last follow-up survey (FY{last.DueFiscalYear}, {last.OffsetFiscalYears} fiscal years after support) closes; " +
                        (round is null ? "no round was opened for it yet" : $"round {round.RoundId} is open"),
                        last.DueOn);
                }
                else
                {
                    Wait(LifecycleWaitKind.CloseDecision, Coordinator, "no follow-up survey is scheduled for it: a coordinator closes it when its follow-up ends");
                }
                break;
        }
        return waits;
    }

    private static string SchedulingReason(LifecycleFacts facts) => facts.PlannedFollowUpOffsets.Count > 0
        ? $"the Surveys service schedules its follow-up surveys ({facts.FollowUps.Count} of {facts.PlannedFollowUpOffsets.Count} known)"
        : "the Surveys service schedules its follow-up surveys";
}

/// <summary>A step the process manager takes on its own: <see cref="Action"/> on the project, recorded as <see cref="Step"/>.</summary>
public sealed record AutomaticStep(LifecycleAction Action, string Step, string Reason);

/// <summary>One thing a project waits for.</summary>
public sealed record WaitValue(LifecycleWaitKind Kind, string Party, string Reason, DateTimeOffset Since, DateOnly? DueOn, bool Overdue);
