using Exchange.Contracts.Missions;
using Exchange.Missions.Model;

namespace Exchange.Missions.IntegrationEvents;

/// <summary>The integration events of an activity, built from its state after the change.</summary>
public static class ActivityEvents
{
    public static ActivityPlanned Planned(Activity activity) => new(
        activity.Id, activity.ProjectId, activity.FiscalYear, activity.SupportTool.ToString(), activity.Direction.ToString(), activity.Title,
        Day(activity.StartDate), Day(activity.EndDate), Places(activity), activity.PlannedBy, activity.UpdatedAt);

    public static ActivityConfirmed Confirmed(Activity activity) => new(
        activity.Id, activity.ProjectId, activity.FiscalYear, activity.SupportTool.ToString(), Day(activity.StartDate), Day(activity.EndDate),
        activity.FundedPersons, activity.PrivateExpensePersons, activity.UpdatedAt);

    public static ActivityCompleted Completed(Activity activity) => new(
        activity.Id, activity.ProjectId, activity.FiscalYear, activity.SupportTool.ToString(), activity.Direction.ToString(),
        Day(activity.StartDate), Day(activity.EndDate), Places(activity),
        [.. activity.Roster.Where(r => r.Funding == V1.Funding.Programme).Select(r =>
            new FundedParticipant(r.Name, r.Role, r.Country, r.Organisation.Id, r.Organisation.Name, r.Organisation.Country))],
        activity.PrivateExpensePersons, activity.Meetings.Count, activity.UpdatedAt);

    public static ActivityCancelled Cancelled(Activity activity) => new(
        activity.Id, activity.ProjectId, activity.FiscalYear, activity.SupportTool.ToString(), activity.StatusReason, activity.UpdatedAt);

    public static ActivityReopened Reopened(Activity activity) => new(
        activity.Id, activity.ProjectId, activity.FiscalYear, activity.StatusReason, activity.UpdatedAt);

    public static MeetingRecorded Meeting(Activity activity, MeetingRecord meeting) => new(
        activity.Id, activity.ProjectId, meeting.Id, meeting.Counterpart.Id, meeting.Counterpart.Name, meeting.Counterpart.Country,
        Day(meeting.Date), meeting.Topic, meeting.Result.ToString(), activity.UpdatedAt);

    /// <summary>
    /// The Projects service records it as an achievement under an id unique within the project:
    /// the activity's id and the outcome's own.
    /// </summary>
    public static ActivityOutcomeReported Outcome(Activity activity, OutcomeRecord outcome) => new(
        activity.ProjectId, AchievementId(activity, outcome), outcome.Kind.ToString(), Day(outcome.AchievedOn), outcome.Description,
        activity.Id.ToString(), outcome.ReportedBy, activity.UpdatedAt);

    public static string AchievementId(Activity activity, OutcomeRecord outcome) => $"{activity.Id:N}/{outcome.Id}";

    private static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private static string[] Places(Activity activity) => [.. activity.Places.Select(p => $"{p.Name}, {p.Country}")];
}
