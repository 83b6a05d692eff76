using Exchange.Identity;
using Exchange.Messaging.Outbox;
using Exchange.Missions.Data;
using Exchange.Missions.IntegrationEvents;
using Exchange.Missions.Model;
using Exchange.Missions.ProjectChecks;
using Exchange.Missions.Summaries;
using Exchange.Missions.V1;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Microsoft.EntityFrameworkCore;
using static Exchange.Missions.Grpc.ActivityAuthorization;
using Activity = Exchange.Missions.Model.Activity;

namespace Exchange.Missions.Grpc;

/// <summary>
/// The RPC surface of exchange.missions.v1.Missions. Each change validates the request, loads the
/// activity, checks its project and the caller (<see cref="ProjectCheck"/>), applies one model
/// method (which checks the programme's rules), and saves the activity together with its events
/// in one transaction: a refused change stores and publishes nothing.
/// </summary>
public sealed class MissionsRpc(
    MissionsDb db,
    IEventOutbox outbox,
    ProjectCheck projects,
    OrganisationRegistry organisations,
    TimeProvider clock,
    ILogger<MissionsRpc> logger)
{
    public async Task<V1.Activity> PlanActivity(PlanActivityRequest request, CallContext context)
    {
        var caller = Caller(context);
        var (requestId, projectId, tool, plan) = ActivityRequestValidation.ToPlan(request);
        var existing = await db.Activities.FirstOrDefaultAsync(a => a.PlannedBy == caller.OrganisationId && a.RequestId == requestId, context.CancellationToken);
        if (existing is not null) return ActivityMapper.ToMessage(existing);

        var project = await projects.ForChangeAsync(projectId, caller, context) ?? throw ProjectNotFound(projectId, caller);
        DemandChange(caller, project);
        var activity = Activity.Plan(requestId, tool, plan, project, caller.OrganisationId, clock.GetUtcNow());
        db.Activities.Add(activity);
        await PublishAsync(activity, ActivityEvents.Planned(activity), context);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same request id planned concurrently: answer with the winner.
            db.ChangeTracker.Clear();
            var raced = await db.Activities.AsNoTracking().FirstOrDefaultAsync(a => a.PlannedBy == caller.OrganisationId && a.RequestId == requestId);
            if (raced is null) throw;
            return ActivityMapper.ToMessage(raced);
        }
        logger.LogInformation("Activity {ActivityId} ({SupportTool}, FY{FiscalYear}) planned for project {ProjectId} by {Organisation}",
            activity.Id, activity.SupportTool, activity.FiscalYear, activity.ProjectId, caller.OrganisationId);
        return ActivityMapper.ToMessage(activity);
    }

    public async Task<V1.Activity> GetActivity(GetActivityRequest request, CallContext context)
    {
        var caller = Caller(context);
        var activity = await LoadAsync(request.ActivityId, context, tracked: false);
        if (await projects.ForReadAsync(activity.ProjectId, caller, context.CancellationToken) is null) throw ActivityNotFound(request.ActivityId);
        return ActivityMapper.ToMessage(activity);
    }

    public Task<ListActivitiesResponse> ListActivities(ListActivitiesRequest request, CallContext context) =>
        new ActivitySearch(db, projects).ListAsync(request, Caller(context), context.CancellationToken);

    public Task<V1.Activity> UpdateActivity(UpdateActivityRequest request, CallContext context)
    {
        var plan = ActivityRequestValidation.ToPlan(request);
        return ChangeAsync(request.ActivityId, request.ExpectedVersion, context, DemandChange, (activity, project, caller) =>
        {
            activity.Revise(plan, project, caller.OrganisationId, clock.GetUtcNow());
            return Events();
        });
    }

    public Task<V1.Activity> ConfirmActivity(ConfirmActivityRequest request, CallContext context) =>
        ChangeAsync(request.ActivityId, request.ExpectedVersion, context, DemandChange, (activity, project, caller) =>
        {
            activity.Confirm(project, caller.OrganisationId, clock.GetUtcNow());
            return Events(ActivityEvents.Confirmed(activity));
        });

    public Task<V1.Activity> CompleteActivity(CompleteActivityRequest request, CallContext context) =>
        ChangeAsync(request.ActivityId, request.ExpectedVersion, context, DemandChange, (activity, _, caller) =>
        {
            activity.Complete(caller.OrganisationId, clock.GetUtcNow());
            return Events(ActivityEvents.Completed(activity));
        });

    public Task<V1.Activity> CancelActivity(CancelActivityRequest request, CallContext context)
    {
        RequireReason(request.Reason);
        return ChangeAsync(request.ActivityId, request.ExpectedVersion, context, DemandChange, (activity, _, caller) =>
        {
            activity.Cancel(request.Reason.Trim(), caller.OrganisationId, clock.GetUtcNow());
            return Events(ActivityEvents.Cancelled(activity));
        });
    }

    public Task<V1.Activity> ReopenActivity(ReopenActivityRequest request, CallContext context)
    {
        RequireReason(request.Reason);
        return ChangeAsync(request.ActivityId, request.ExpectedVersion, context, DemandChange, (activity, _, caller) =>
        {
            activity.Reopen(request.Reason.Trim(), caller.OrganisationId, clock.GetUtcNow());
            return Events(ActivityEvents.Reopened(activity));
        });
    }

    public Task<V1.Activity> AddRosterEntry(AddRosterEntryRequest request, CallContext context)
    {
        var errors = new FieldErrors();
        ActivityRequestValidation.Person(errors, "person", request.Person);
        errors.ThrowIfAny();
        return ChangeAsync(request.ActivityId, request.ExpectedVersion, context, DemandChange, async (activity, _, caller) =>
        {
            var person = await PersonAsync(request.Person, request.Person.Organisation, caller, context);
            activity.AddToRoster(person, @delegate: false, caller.OrganisationId, clock.GetUtcNow());
            return Events();
        });
    }

    public Task<V1.Activity> RemoveRosterEntry(RemoveRosterEntryRequest request, CallContext context)
    {
        var errors = new FieldErrors();
        errors.Required("entry_id", request.EntryId, 64);
        errors.ThrowIfAny();
        return ChangeAsync(request.ActivityId, request.ExpectedVersion, context, DemandChange, (activity, _, _) =>
        {
            if (!activity.RemoveFromRoster(request.EntryId.Trim(), clock.GetUtcNow()))
                throw new RpcException(StatusCode.NotFound, $"roster entry {request.EntryId} not found on activity {activity.Id}");
            return Events();
        });
    }

    /// <summary>
    /// An overseas partner registers one of its delegates. The organisation defaults to the
    /// partner's own; a partner may also bring people of other overseas organisations (the
    /// companies of its region), who then count against their own company's funded places.
    /// </summary>
    public Task<V1.Activity> RegisterDelegate(RegisterDelegateRequest request, CallContext context)
    {
        var errors = new FieldErrors();
        ActivityRequestValidation.Person(errors, "person", request.Person);
        errors.ThrowIfAny();
        return ChangeAsync(request.ActivityId, 0, context, DemandRegisterDelegate, async (activity, _, caller) =>
        {
            var organisation = request.Person.Organisation is { } given && (given.Id.Length > 0 || given.Name.Length > 0)
                ? given
                : new OrganisationRef { Id = caller.OrganisationId, Name = caller.OrganisationName, Country = request.Person.Country, Kind = OrganisationKind.Other };
            var person = await PersonAsync(request.Person, organisation, caller, context);
            var entry = activity.AddToRoster(person, @delegate: true, caller.OrganisationId, clock.GetUtcNow());
            logger.LogInformation("Delegate {EntryId} of {Organisation} registered for activity {ActivityId}", entry.Id, caller.OrganisationId, activity.Id);
            return Events();
        });
    }

    public Task<V1.Activity> RecordMeeting(RecordMeetingRequest request, CallContext context)
    {
        var errors = new FieldErrors();
        if (request.Counterpart is null) errors.Add("counterpart", "is required: the organisation met");
        var date = ActivityRequestValidation.Date(errors, "date", request.Date);
        errors.Required("topic", request.Topic, ActivityRequestValidation.MaxText);
        errors.Defined("result", request.Result);
        errors.ThrowIfAny();
        return ChangeAsync(request.ActivityId, request.ExpectedVersion, context, DemandChange, async (activity, _, caller) =>
        {
            var counterpart = await organisations.ResolveAsync(request.Counterpart, "counterpart", caller.OrganisationId, context.CancellationToken)
                ?? throw RpcException.InvalidArgument("counterpart", "needs an organisation id or a name");
            var meeting = activity.RecordMeeting(counterpart, date, request.Topic.Trim(), request.Result, caller.OrganisationId, clock.GetUtcNow());
            return Events(ActivityEvents.Meeting(activity, meeting));
        });
    }

    public Task<V1.Activity> ConfirmMeetingAttendance(ConfirmMeetingAttendanceRequest request, CallContext context)
    {
        var errors = new FieldErrors();
        errors.Required("meeting_id", request.MeetingId, 64);
        errors.MaxLength("note", request.Note, ActivityRequestValidation.MaxText);
        errors.ThrowIfAny();
        return ChangeAsync(request.ActivityId, 0, context, DemandConfirmAttendance, (activity, _, caller) =>
        {
            if (activity.ConfirmAttendance(request.MeetingId.Trim(), caller.OrganisationId, request.Note.Trim(), clock.GetUtcNow()) is null)
                throw new RpcException(StatusCode.NotFound, $"meeting {request.MeetingId} not found on activity {activity.Id}");
            return Events();
        });
    }

    public Task<V1.Activity> ReportOutcome(ReportOutcomeRequest request, CallContext context)
    {
        var errors = new FieldErrors();
        errors.Required("outcome_id", request.OutcomeId, ActivityRequestValidation.MaxOutcomeId);
        errors.Defined("kind", request.Kind);
        var achievedOn = ActivityRequestValidation.Date(errors, "achieved_on", request.AchievedOn);
        errors.Required("description", request.Description, ActivityRequestValidation.MaxText);
        errors.ThrowIfAny();
        return ChangeAsync(request.ActivityId, 0, context, DemandReportOutcome, (activity, _, caller) =>
        {
            var now = clock.GetUtcNow();
            var outcome = new OutcomeRecord(request.OutcomeId.Trim(), request.Kind, achievedOn, request.Description.Trim(), caller.OrganisationId, now);
            if (!activity.ReportOutcome(outcome, now)) return Events();
            logger.LogInformation("Outcome {OutcomeId} ({Kind}) of activity {ActivityId} reported to project {ProjectId}",
                outcome.Id, outcome.Kind, activity.Id, activity.ProjectId);
            return Events(ActivityEvents.Outcome(activity, outcome));
        });
    }

    public async Task<ProjectSummary> GetProjectSummary(GetProjectSummaryRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        ActivityRequestValidation.Id(errors, "project_id", request.ProjectId, "a project");
        if (request.FiscalYear != 0) ActivityRequestValidation.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        errors.ThrowIfAny();
        var projectId = Guid.Parse(request.ProjectId);
        var project = await projects.ForReadAsync(projectId, caller, context.CancellationToken) ?? throw ProjectNotFound(projectId, caller);
        var query = db.Activities.AsNoTracking().Where(a => a.ProjectId == projectId);
        if (request.FiscalYear != 0) query = query.Where(a => a.FiscalYear == request.FiscalYear);
        return ActivitySummaries.ForProject(project.Id, project.Title, request.FiscalYear, await query.ToListAsync(context.CancellationToken));
    }

    public async Task<ProgrammeSummary> GetProgrammeSummary(GetProgrammeSummaryRequest request, CallContext context)
    {
        var caller = Caller(context);
        DemandProgrammeSummary(caller);
        var errors = new FieldErrors();
        ActivityRequestValidation.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        errors.ThrowIfAny();
        var activities = await db.Activities.AsNoTracking().Where(a => a.FiscalYear == request.FiscalYear).ToListAsync(context.CancellationToken);
        var ids = activities.Select(a => a.ProjectId).Distinct().ToList();
        var titles = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.ProjectId)).ToDictionaryAsync(p => p.ProjectId, p => p.Title, context.CancellationToken);
        return ActivitySummaries.ForProgramme(request.FiscalYear, activities, titles);
    }

    public Task<ListOrganisationsResponse> ListOrganisations(ListOrganisationsRequest request, CallContext context) =>
        new OrganisationSearch(db).ListAsync(request, Caller(context), context.CancellationToken);

    private async Task<V1.Activity> ChangeAsync(
        string activityId,
        long expectedVersion,
        CallContext context,
        Action<ExchangePrincipal, ProjectView> authorize,
        Func<Activity, ProjectView, ExchangePrincipal, Task<IReadOnlyList<object>>> change)
    {
        var caller = Caller(context);
        var activity = await LoadAsync(activityId, context, tracked: true);
        // The project first: an activity of a project the caller may not see does not exist for it.
        var project = await projects.ForChangeAsync(activity.ProjectId, caller, context) ?? throw ActivityNotFound(activityId);
        authorize(caller, project);
        if (expectedVersion != 0 && expectedVersion != activity.Version)
            throw new RpcException(StatusCode.Aborted, $"version-conflict: the activity is at version {activity.Version}, not {expectedVersion}; reload it and try again");

        var versionBefore = activity.Version;
        var events = await change(activity, project, caller);
        if (activity.Version == versionBefore) return ActivityMapper.ToMessage(activity);
        foreach (var @event in events) await PublishAsync(activity, @event, context);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "Concurrent change to activity {ActivityId}", activity.Id);
            throw new RpcException(StatusCode.Aborted, "version-conflict: the activity was changed by someone else meanwhile; reload it and try again");
        }
        logger.LogInformation("Activity {ActivityId} is {Status} (version {Version}) after a change by {Organisation}",
            activity.Id, activity.Status, activity.Version, caller.OrganisationId);
        return ActivityMapper.ToMessage(activity);
    }

    private Task<V1.Activity> ChangeAsync(
        string activityId,
        long expectedVersion,
        CallContext context,
        Action<ExchangePrincipal, ProjectView> authorize,
        Func<Activity, ProjectView, ExchangePrincipal, IReadOnlyList<object>> change) =>
        ChangeAsync(activityId, expectedVersion, context, authorize, (activity, project, caller) => Task.FromResult(change(activity, project, caller)));

    private async Task<Activity> LoadAsync(string activityId, CallContext context, bool tracked)
    {
        var errors = new FieldErrors();
        ActivityRequestValidation.Id(errors, "activity_id", activityId, "an activity");
        errors.ThrowIfAny();
        var id = Guid.Parse(activityId);
        var query = tracked ? db.Activities : db.Activities.AsNoTracking();
        return await query.FirstOrDefaultAsync(a => a.Id == id, context.CancellationToken) ?? throw ActivityNotFound(activityId);
    }

    private async Task<PersonValue> PersonAsync(PersonInput person, OrganisationRef? organisation, ExchangePrincipal caller, CallContext context)
    {
        var resolved = await organisations.ResolveAsync(organisation, "person.organisation", caller.OrganisationId, context.CancellationToken);
        return new PersonValue(person.Name.Trim(), resolved, person.Role.Trim(), person.Country, person.Funding);
    }

    private Task PublishAsync(Activity activity, object @event, CallContext context) =>
        outbox.AddAsync(db, activity.Id.ToString(), @event, cancellationToken: context.CancellationToken);

    private static IReadOnlyList<object> Events(params object[] events) => events;

    private static RpcException ActivityNotFound(string activityId) => new(StatusCode.NotFound, $"activity {activityId} not found");

    // The same answer for a project that does not exist and one the caller may not see.
    private static RpcException ProjectNotFound(Guid projectId, ExchangePrincipal caller) =>
        new(StatusCode.NotFound, $"{ProjectAccess.AccessRule}: project {projectId} not found among the projects organisation '{caller.OrganisationId}' takes part in");

    private static void RequireReason(string reason)
    {
        var errors = new FieldErrors();
        errors.Required("reason", reason, ActivityRequestValidation.MaxText);
        errors.ThrowIfAny();
    }
}
