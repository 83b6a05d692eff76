using Exchange.Identity;
using Exchange.Rpc;
using Exchange.Surveys.Model;

namespace Exchange.Surveys.Grpc;

/// <summary>
/// Who may do what. Coordinators and admins run questionnaires, rounds and every analysis.
/// Implementation bodies and overseas partners see, of their own projects only, the scheduled
/// follow-up surveys and the success-point scores (with the programme's average, which reveals no
/// other project). Respondents see only their own response, through their invitation token.
/// </summary>
internal static class SurveyAuthorization
{
    public const string CoordinationRule = "survey-coordination";

    public static bool SeesAll(ExchangePrincipal caller) => caller.Role is Role.Coordinator or Role.Admin;

    public static void DemandCoordinator(ExchangePrincipal caller, string what)
    {
        if (SeesAll(caller)) return;
        throw new RpcException(StatusCode.PermissionDenied,
            $"{CoordinationRule}: only programme coordinators {what}; organisation '{caller.OrganisationId}' calls as {ExchangeClaims.RoleValue(caller.Role)}");
    }

    /// <summary>A project the caller may read, or NOT_FOUND: the same answer for a project that does not exist.</summary>
    public static void DemandProject(ExchangePrincipal caller, ProjectSnapshot? project, string projectId)
    {
        if (project is not null && ProjectAccess.CanRead(caller, project.Parties)) return;
        throw new RpcException(StatusCode.NotFound,
            $"{ProjectAccess.AccessRule}: project {projectId} not found among the projects organisation '{caller.OrganisationId}' takes part in");
    }
}
