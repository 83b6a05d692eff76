using Exchange.Missions.Rules;
using Exchange.Missions.V1;

namespace Exchange.Missions.Model;

/// <summary>
/// One exchange activity of a project: a workshop, a survey, a mission sent overseas or an
/// invitation to Japan, with the people who take part, the business meetings held and the
/// outcomes reported. Every change goes through a method that checks the programme's rules
/// first, so that a refused change leaves the activity as it was.
/// </summary>
public sealed class Activity
{
    private Activity()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    /// <summary>The client's request id of the planning call, for idempotent retries.</summary>
    public string RequestId { get; private set; } = "";

    public string PlannedBy { get; private set; } = "";

    public int FiscalYear { get; private set; }

    public SupportTool SupportTool { get; private set; }

    public Direction Direction { get; private set; }

    public string Title { get; private set; } = "";

    public string Purpose { get; private set; } = "";

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public List<PlaceValue> Places { get; private set; } = [];

    public ActivityStatus Status { get; private set; }

    public string StatusReason { get; private set; } = "";

    public List<RosterEntry> Roster { get; private set; } = [];

    public List<MeetingRecord> Meetings { get; private set; } = [];

    public List<OutcomeRecord> Outcomes { get; private set; } = [];

    public List<StatusChange> History { get; private set; } = [];

    public long Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int FundedPersons => Roster.Count(r => r.Funding == Funding.Programme);

    public int PrivateExpensePersons => Roster.Count(r => r.Funding == Funding.PrivateExpense);

    public static Activity Plan(string requestId, SupportTool tool, ActivityPlan plan, ProjectView project, string plannedBy, DateTimeOffset now)
    {
        EnforcePlanRules(plan, project);
        var activity = new Activity
        {
            Id = Guid.NewGuid(),
            ProjectId = project.Id,
            RequestId = requestId,
            PlannedBy = plannedBy,
            SupportTool = tool,
            Direction = SupportTools.DirectionOf(tool),
            Status = ActivityStatus.Planned,
            CreatedAt = now,
        };
        activity.SetPlan(plan);
        activity.History.Add(new StatusChange(ActivityStatus.Planned, "", plannedBy, now));
        activity.Touch(now);
        return activity;
    }

    public void Revise(ActivityPlan plan, ProjectView project, string by, DateTimeOffset now)
    {
        EnforceEditable(ActivityAction.Revise);
        EnforcePlanRules(plan, project);
        SetPlan(plan);
        Touch(now);
    }

    /// <summary>Confirming commits the project's budget of the year: the project must still be active in it.</summary>
    public void Confirm(ProjectView project, string by, DateTimeOffset now)
    {
        BusinessRule.Enforce(new ActivityLifecycleRule(Status, ActivityAction.Confirm));
        BusinessRule.Enforce(new ProjectActiveInFiscalYearRule(project, FiscalYear));
        MoveTo(ActivityStatus.Confirmed, "", by, now);
    }

    public void Complete(string by, DateTimeOffset now)
    {
        BusinessRule.Enforce(new ActivityLifecycleRule(Status, ActivityAction.Complete));
        MoveTo(ActivityStatus.Completed, "", by, now);
    }

    public void Cancel(string reason, string by, DateTimeOffset now)
    {
        EnforceEditable(ActivityAction.Cancel);
        MoveTo(ActivityStatus.Cancelled, reason, by, now);
    }

    public void Reopen(string reason, string by, DateTimeOffset now)
    {
        BusinessRule.Enforce(new ActivityLifecycleRule(Status, ActivityAction.Reopen));
        MoveTo(ActivityStatus.Confirmed, reason, by, now);
    }

    /// <summary>Puts a person on the roster; an overseas partner's own delegate when <paramref name="delegate"/>.</summary>
    public RosterEntry AddToRoster(PersonValue person, bool @delegate, string by, DateTimeOffset now)
    {
        EnforceEditable(@delegate ? ActivityAction.RegisterDelegate : ActivityAction.ChangeRoster);
        if (@delegate) BusinessRule.Enforce(new DelegatesForInvitationsOnlyRule(SupportTool));
        BusinessRule.Enforce(new RosterEntryNeedsOrganisationRule(person));
        BusinessRule.Enforce(new MaxThreeFundedInviteesPerCompanyRule(SupportTool, Roster, person));
        var organisation = person.Organisation!;
        var entry = new RosterEntry(Guid.NewGuid().ToString("N"), person.Name, organisation, person.Role,
            person.Country.Length > 0 ? person.Country : organisation.Country, person.Funding, @delegate, by, now);
        Roster.Add(entry);
        Touch(now);
        return entry;
    }

    /// <summary>Takes a person off the roster; false when no entry has that id.</summary>
    public bool RemoveFromRoster(string entryId, DateTimeOffset now)
    {
        EnforceEditable(ActivityAction.ChangeRoster);
        if (Roster.RemoveAll(r => r.Id == entryId) == 0) return false;
        Touch(now);
        return true;
    }

    public MeetingRecord RecordMeeting(OrganisationValue counterpart, DateOnly date, string topic, MeetingResult result, string by, DateTimeOffset now)
    {
        EnforceEditable(ActivityAction.RecordMeeting);
        BusinessRule.Enforce(new MeetingWithinActivityDatesRule(date, StartDate, EndDate));
        var meeting = new MeetingRecord(Guid.NewGuid().ToString("N"), counterpart, date, topic, result, by, now, []);
        Meetings.Add(meeting);
        Touch(now);
        return meeting;
    }

    /// <summary>
    /// Records that <paramref name="organisationId"/> attended the meeting; once per organisation,
    /// so false when it had confirmed already. Null when the activity has no such meeting.
    /// </summary>
    public bool? ConfirmAttendance(string meetingId, string organisationId, string note, DateTimeOffset now)
    {
        BusinessRule.Enforce(new ActivityLifecycleRule(Status, ActivityAction.ConfirmAttendance));
        var index = Meetings.FindIndex(m => m.Id == meetingId);
        if (index < 0) return null;
        var meeting = Meetings[index];
        if (meeting.Confirmations.Any(c => c.OrganisationId == organisationId)) return false;
        Meetings[index] = meeting with { Confirmations = [.. meeting.Confirmations, new AttendanceRecord(organisationId, note, now)] };
        Touch(now);
        return true;
    }

    /// <summary>Records an outcome once per id; false when that id was reported already.</summary>
    public bool ReportOutcome(OutcomeRecord outcome, DateTimeOffset now)
    {
        if (Outcomes.Any(o => o.Id == outcome.Id)) return false;
        BusinessRule.Enforce(new ActivityLifecycleRule(Status, ActivityAction.ReportOutcome));
        BusinessRule.Enforce(new OutcomeDateRule(outcome.AchievedOn, StartDate, DateOnly.FromDateTime(now.UtcDateTime)));
        Outcomes.Add(outcome);
        Touch(now);
        return true;
    }

    private static void EnforcePlanRules(ActivityPlan plan, ProjectView project)
    {
        BusinessRule.Enforce(new DatesInOrderRule(plan.StartDate, plan.EndDate));
        BusinessRule.Enforce(new DatesWithinSupportedPeriodRule(plan.StartDate, plan.EndDate, plan.FiscalYear, project.SupportedFiscalYears));
        BusinessRule.Enforce(new ProjectActiveInFiscalYearRule(project, plan.FiscalYear));
    }

    /// <summary>A completed activity is read-only until reopened; a cancelled one for good.</summary>
    private void EnforceEditable(ActivityAction action)
    {
        BusinessRule.Enforce(new CompletedActivityIsReadOnlyRule(Status));
        BusinessRule.Enforce(new ActivityLifecycleRule(Status, action));
    }

    private void SetPlan(ActivityPlan plan)
    {
        FiscalYear = plan.FiscalYear;
        Title = plan.Title;
        Purpose = plan.Purpose;
        StartDate = plan.StartDate;
        EndDate = plan.EndDate;
        Places = [.. plan.Places];
    }

    private void MoveTo(ActivityStatus status, string reason, string by, DateTimeOffset now)
    {
        Status = status;
        StatusReason = reason;
        History.Add(new StatusChange(status, reason, by, now));
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }
}
