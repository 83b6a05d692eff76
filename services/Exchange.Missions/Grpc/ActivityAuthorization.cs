using Exchange.Identity;
using Exchange.Missions.Model;
using Exchange.Rpc;
using Exchange.Rpc.Server;

namespace Exchange.Missions.Grpc;

/// <summary>
/// Who may do what to an activity. Access follows the parties of its project, as the Projects
/// service (or the read model) records them: the project's domestic implementation body plans and
/// logs, its overseas partners register delegates, confirm meetings and report outcomes, and
/// coordinators and admins may do everything.
/// </summary>
internal static class ActivityAuthorization
{
    public const string DelegateRule = "delegate-registration";
    public const string AttendanceRule = "attendance-confirmation";
    public const string ProgrammeSummaryRule = "programme-summary";

    public static ExchangePrincipal Caller(CallContext context) => context.Caller();

    /// <summary>Plan, update, move through the lifecycle, keep the roster, record meetings.</summary>
    public static void DemandChange(ExchangePrincipal caller, ProjectView project) => ProjectAccess.DemandChange(caller, project.Parties);

    /// <summary>Report an outcome as an achievement: any party to the project.</summary>
    public static void DemandReportOutcome(ExchangePrincipal caller, ProjectView project) => ProjectAccess.DemandRecordAchievement(caller, project.Parties);

    /// <summary>Register a delegate: the overseas partners of the project, for themselves.</summary>
    public static void DemandRegisterDelegate(ExchangePrincipal caller, ProjectView project) =>
        DemandOverseasPartner(caller, project, DelegateRule,
            "only the project's overseas partners register their delegates; the implementation body and coordinators add people with AddRosterEntry");

    public static void DemandConfirmAttendance(ExchangePrincipal caller, ProjectView project) =>
        DemandOverseasPartner(caller, project, AttendanceRule, "only the project's overseas partners confirm their attendance at meetings");

    public static void DemandProgrammeSummary(ExchangePrincipal caller)
    {
        if (!SeesAll(caller))
            throw new RpcException(StatusCode.PermissionDenied,
                $"{ProgrammeSummaryRule}: only coordinators see the whole programme; organisation '{caller.OrganisationId}' calls as {ExchangeClaims.RoleValue(caller.Role)}; ask for its project summaries instead");
    }

    /// <summary>True for roles that see every project (coordinators, admins).</summary>
    public static bool SeesAll(ExchangePrincipal caller) => caller.Role is Role.Coordinator or Role.Admin;

    private static void DemandOverseasPartner(ExchangePrincipal caller, ProjectView project, string rule, string explanation)
    {
        if (caller.Role == Role.OverseasPartner && project.Parties.IsOverseasBody(caller.OrganisationId)) return;
        throw new RpcException(StatusCode.PermissionDenied, $"{rule}: {explanation} (organisation '{caller.OrganisationId}' calls as {ExchangeClaims.RoleValue(caller.Role)})");
    }
}
