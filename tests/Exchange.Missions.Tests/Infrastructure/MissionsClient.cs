using Exchange.Missions.ProjectChecks;
using Exchange.Missions.V1;
using Exchange.Rpc.Client;

namespace Exchange.Missions.Tests.Infrastructure;

/// <summary>The Missions API as tests call it.</summary>
public sealed class MissionsClient(Uri address) : ServiceClient(address, MissionsReflection.Descriptor.Services[0])
{
    public Task<Activity> Plan(PlanActivityRequest request, Caller caller) => Call<PlanActivityRequest, Activity>("PlanActivity", request, caller);

    /// <summary>Plans and says who decided on the project: the Projects service or the read model.</summary>
    public async Task<(Activity Activity, string CheckedBy)> PlanAndTell(PlanActivityRequest request, Caller caller)
    {
        UnaryResult<Activity> result = await CallWithHeaders<PlanActivityRequest, Activity>("PlanActivity", request, caller);
        return (result.Response, result.Headers.GetValue(ProjectCheck.SourceHeader) ?? "");
    }

    public Task<Activity> Get(string id, Caller caller) => Call<GetActivityRequest, Activity>("GetActivity", new GetActivityRequest { ActivityId = id }, caller);

    public Task<ListActivitiesResponse> List(ListActivitiesRequest request, Caller caller) => Call<ListActivitiesRequest, ListActivitiesResponse>("ListActivities", request, caller);

    public Task<Activity> Update(UpdateActivityRequest request, Caller caller) => Call<UpdateActivityRequest, Activity>("UpdateActivity", request, caller);

    public Task<Activity> Confirm(string id, Caller caller) => Call<ConfirmActivityRequest, Activity>("ConfirmActivity", new ConfirmActivityRequest { ActivityId = id }, caller);

    public Task<Activity> Complete(string id, Caller caller) => Call<CompleteActivityRequest, Activity>("CompleteActivity", new CompleteActivityRequest { ActivityId = id }, caller);

    public Task<Activity> Cancel(string id, string reason, Caller caller) =>
        Call<CancelActivityRequest, Activity>("CancelActivity", new CancelActivityRequest { ActivityId = id, Reason = reason }, caller);

    public Task<Activity> Reopen(string id, string reason, Caller caller) =>
        Call<ReopenActivityRequest, Activity>("ReopenActivity", new ReopenActivityRequest { ActivityId = id, Reason = reason }, caller);

    public Task<Activity> AddPerson(string id, PersonInput person, Caller caller) =>
        Call<AddRosterEntryRequest, Activity>("AddRosterEntry", new AddRosterEntryRequest { ActivityId = id, Person = person }, caller);

    public Task<Activity> RemovePerson(string id, string entryId, Caller caller) =>
        Call<RemoveRosterEntryRequest, Activity>("RemoveRosterEntry", new RemoveRosterEntryRequest { ActivityId = id, EntryId = entryId }, caller);

    public Task<Activity> RegisterDelegate(string id, PersonInput person, Caller caller) =>
        Call<RegisterDelegateRequest, Activity>("RegisterDelegate", new RegisterDelegateRequest { ActivityId = id, Person = person }, caller);

    public Task<Activity> RecordMeeting(RecordMeetingRequest request, Caller caller) => Call<RecordMeetingRequest, Activity>("RecordMeeting", request, caller);

    public Task<Activity> ConfirmAttendance(string id, string meetingId, Caller caller) =>
        Call<ConfirmMeetingAttendanceRequest, Activity>("ConfirmMeetingAttendance", new ConfirmMeetingAttendanceRequest { ActivityId = id, MeetingId = meetingId, Note = "attended" }, caller);

    public Task<Activity> ReportOutcome(ReportOutcomeRequest request, Caller caller) => Call<ReportOutcomeRequest, Activity>("ReportOutcome", request, caller);

    public Task<ProjectSummary> ProjectSummary(string projectId, int fiscalYear, Caller caller) =>
        Call<GetProjectSummaryRequest, ProjectSummary>("GetProjectSummary", new GetProjectSummaryRequest { ProjectId = projectId, FiscalYear = fiscalYear }, caller);

    public Task<ProgrammeSummary> ProgrammeSummary(int fiscalYear, Caller caller) =>
        Call<GetProgrammeSummaryRequest, ProgrammeSummary>("GetProgrammeSummary", new GetProgrammeSummaryRequest { FiscalYear = fiscalYear }, caller);

    public Task<ListOrganisationsResponse> Organisations(ListOrganisationsRequest request, Caller caller) =>
        Call<ListOrganisationsRequest, ListOrganisationsResponse>("ListOrganisations", request, caller);
}
