using Exchange.Common.V1;
using Exchange.Gateway.Tests.Infrastructure;
using Exchange.Missions.V1;
using Exchange.Projects.V1;
using Google.Protobuf;

namespace Exchange.Gateway.Tests;

/// <summary>
/// A valid request for every RPC of the services behind the gateway, aimed at the matrix's
/// project, its invitation, roster entry and meeting. A new RPC without an entry here fails
/// <see cref="AuthorizationMatrixTests.Every_rpc_of_every_routed_service_has_a_request"/>.
/// </summary>
public static class MatrixRequests
{
    private static readonly Date InOctober2007 = new() { Year = 2007, Month = 10, Day = 17 };

    public static readonly IReadOnlyDictionary<string, Func<MatrixTarget, IMessage>> ByMethod = new Dictionary<string, Func<MatrixTarget, IMessage>>
    {
        ["exchange.projects.v1.Projects/RegisterProject"] = t => Marked.HamamatsuJena(t.Marker),
        ["exchange.projects.v1.Projects/GetProject"] = t => new GetProjectRequest { ProjectId = t.ProjectId },
        ["exchange.projects.v1.Projects/ListProjects"] = _ => new ListProjectsRequest { Page = new PageRequest { PageSize = 500 } },
        ["exchange.projects.v1.Projects/AdoptProject"] = t => new AdoptProjectRequest { ProjectId = t.ProjectId, FiscalYear = 2008 },
        ["exchange.projects.v1.Projects/ActivateProject"] = t => new ActivateProjectRequest { ProjectId = t.ProjectId },
        ["exchange.projects.v1.Projects/ContinueProject"] = t => new ContinueProjectRequest { ProjectId = t.ProjectId, FiscalYear = 2008 },
        ["exchange.projects.v1.Projects/CompleteProject"] = t => new CompleteProjectRequest { ProjectId = t.ProjectId },
        ["exchange.projects.v1.Projects/StartFollowUp"] = t => new StartFollowUpRequest { ProjectId = t.ProjectId, ExchangeStatus = ExchangeStatus.Continuing },
        ["exchange.projects.v1.Projects/RecordFollowUpReview"] = t => new RecordFollowUpReviewRequest
        {
            ProjectId = t.ProjectId,
            Review = new FollowUpReview { FiscalYear = 2010, ExchangeStatus = ExchangeStatus.Continuing, Note = "still exchanging" },
        },
        ["exchange.projects.v1.Projects/CloseProject"] = t => new CloseProjectRequest { ProjectId = t.ProjectId, Reason = "exchange ceased" },
        ["exchange.projects.v1.Projects/WithdrawProject"] = t => new WithdrawProjectRequest { ProjectId = t.ProjectId, Reason = "no partner" },
        ["exchange.projects.v1.Projects/RecordAchievement"] = t => new RecordAchievementRequest
        {
            ProjectId = t.ProjectId, AchievementId = Guid.NewGuid().ToString("N"), Kind = AchievementKind.AgreementOrMou,
            Date = new Date { Year = 2007, Month = 11, Day = 20 }, Description = $"Cooperation agreement {t.Marker}",
        },
        ["exchange.projects.v1.Projects/GetAdoptionRules"] = _ => new GetAdoptionRulesRequest { Programme = Programme.RegionalIndustryTieUp, FiscalYear = 2007 },
        // A year nobody adopts in: a coordinator's change touches no other test.
        ["exchange.projects.v1.Projects/SetAdoptionRules"] = _ => new SetAdoptionRulesRequest
        {
            Rules = new AdoptionRules { Programme = Programme.RegionalIndustryTieUp, FiscalYear = 2091, MaxSupportedFiscalYears = 2, MinSmeMembers = 4, MinSmeSharePercent = 50 },
        },
        ["exchange.projects.v1.Projects/GetStatistics"] = _ => new GetStatisticsRequest { Programme = Programme.RegionalIndustryTieUp },
        ["exchange.projects.v1.Projects/GetLifecycle"] = t => new GetLifecycleRequest { ProjectId = t.ProjectId },
        ["exchange.projects.v1.Projects/ListLifecycles"] = _ => new ListLifecyclesRequest { Page = new PageRequest { PageSize = 500 } },
        ["exchange.projects.v1.Projects/RollOverFiscalYear"] = _ => new RollOverFiscalYearRequest { FiscalYear = 2008 },

        ["exchange.missions.v1.Missions/PlanActivity"] = t => Marked.PartnerInvitation(t.ProjectId, t.Marker),
        ["exchange.missions.v1.Missions/GetActivity"] = t => new GetActivityRequest { ActivityId = t.ActivityId },
        ["exchange.missions.v1.Missions/ListActivities"] = t => new ListActivitiesRequest { ProjectId = t.ProjectId, Page = new PageRequest { PageSize = 500 } },
        ["exchange.missions.v1.Missions/UpdateActivity"] = t => new UpdateActivityRequest
        {
            ActivityId = t.ActivityId, Title = $"Invitation, revised {t.Marker}", Purpose = "Business meetings",
            StartDate = new Date { Year = 2007, Month = 10, Day = 15 }, EndDate = new Date { Year = 2007, Month = 10, Day = 19 },
            Places = { new Place { Name = "Hamamatsu", Country = "JP" } },
        },
        ["exchange.missions.v1.Missions/ConfirmActivity"] = t => new ConfirmActivityRequest { ActivityId = t.ActivityId },
        ["exchange.missions.v1.Missions/CompleteActivity"] = t => new CompleteActivityRequest { ActivityId = t.ActivityId },
        ["exchange.missions.v1.Missions/CancelActivity"] = t => new CancelActivityRequest { ActivityId = t.ActivityId, Reason = "visa problems" },
        ["exchange.missions.v1.Missions/ReopenActivity"] = t => new ReopenActivityRequest { ActivityId = t.ActivityId, Reason = "a meeting was missing" },
        ["exchange.missions.v1.Missions/AddRosterEntry"] = t => new AddRosterEntryRequest { ActivityId = t.ActivityId, Person = Marked.Delegate("Anna Schmidt", t.Marker) },
        ["exchange.missions.v1.Missions/RemoveRosterEntry"] = t => new RemoveRosterEntryRequest { ActivityId = t.ActivityId, EntryId = t.RosterEntryId },
        ["exchange.missions.v1.Missions/RegisterDelegate"] = t => new RegisterDelegateRequest { ActivityId = t.ActivityId, Person = Marked.Delegate("Lena Vogel", t.Marker) },
        ["exchange.missions.v1.Missions/RecordMeeting"] = t => new RecordMeetingRequest
        {
            ActivityId = t.ActivityId, Date = InOctober2007, Topic = "Sensors", Result = MeetingResult.InformationExchange,
            Counterpart = new OrganisationRef { Name = $"Jena Sensorik {t.Marker}", Country = "DE", Kind = OrganisationKind.Company },
        },
        ["exchange.missions.v1.Missions/ConfirmMeetingAttendance"] = t => new ConfirmMeetingAttendanceRequest { ActivityId = t.ActivityId, MeetingId = t.MeetingId, Note = "attended" },
        ["exchange.missions.v1.Missions/ReportOutcome"] = t => new ReportOutcomeRequest
        {
            ActivityId = t.ActivityId, OutcomeId = Guid.NewGuid().ToString("N"), Kind = AchievementKind.DevelopmentContract,
            AchievedOn = new Date { Year = 2007, Month = 12, Day = 1 }, Description = $"Development contract {t.Marker}",
        },
        ["exchange.missions.v1.Missions/GetProjectSummary"] = t => new GetProjectSummaryRequest { ProjectId = t.ProjectId },
        ["exchange.missions.v1.Missions/GetProgrammeSummary"] = _ => new GetProgrammeSummaryRequest { FiscalYear = 2007 },
        ["exchange.missions.v1.Missions/ListOrganisations"] = _ => new ListOrganisationsRequest { Page = new PageRequest { PageSize = 500 } },
    };

    /// <summary>Reads that the project's parties and coordinators must be able to make, and see the project in.</summary>
    public static readonly IReadOnlySet<string> PartiesRead = new HashSet<string>
    {
        "exchange.projects.v1.Projects/GetProject",
        "exchange.projects.v1.Projects/ListProjects",
        "exchange.projects.v1.Projects/GetLifecycle",
        "exchange.projects.v1.Projects/ListLifecycles",
        "exchange.missions.v1.Missions/GetActivity",
        "exchange.missions.v1.Missions/ListActivities",
        "exchange.missions.v1.Missions/GetProjectSummary",
    };
}
