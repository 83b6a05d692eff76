using Exchange.Surveys.Model;
using Exchange.Surveys.V1;
using ScheduledSurvey = Exchange.Surveys.Model.ScheduledSurvey;

namespace Exchange.Surveys.Rules;

/// <summary>A follow-up schedule is answered by one round.</summary>
public sealed class ScheduleNotYetOpenedRule(ScheduledSurvey schedule) : BusinessRule
{
    public override string Name => "schedule-answered-once";

    public override bool IsBroken() => schedule.Status == ScheduleStatus.RoundOpened;

    public override string Explain() => $"scheduled survey {schedule.Id} of project {schedule.ProjectId} is answered by round {schedule.RoundId} already";
}
