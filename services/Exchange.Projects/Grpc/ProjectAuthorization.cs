using Exchange.Identity;
using Exchange.Projects.Model;
using Exchange.Rpc.Server;

namespace Exchange.Projects.Grpc;

/// <summary>
/// Who may do what to a project. Access follows the parties recorded on the project (its
/// domestic and overseas implementation bodies), so it stays right when a project expands.
/// </summary>
internal static class ProjectAuthorization
{
    public static ExchangePrincipal Caller(CallContext context) => context.Caller();

    public static bool CanRead(ExchangePrincipal caller, Project project) => ProjectAccess.CanRead(caller, Parties(project));

    public static void DemandChange(ExchangePrincipal caller, Project project) => ProjectAccess.DemandChange(caller, Parties(project));

    public static void DemandRecordAchievement(ExchangePrincipal caller, Project project) => ProjectAccess.DemandRecordAchievement(caller, Parties(project));

    public static void DemandAdopt(ExchangePrincipal caller) => ProjectAccess.DemandAdopt(caller);

    public static void DemandConfigureRules(ExchangePrincipal caller) => ProjectAccess.DemandConfigureRules(caller);

    /// <summary>True for roles that see every project (coordinators, admins).</summary>
    public static bool SeesAll(ExchangePrincipal caller) => caller.Role is Role.Coordinator or Role.Admin;

    private static ProjectParties Parties(Project project) =>
        new(project.Id.ToString(), project.DomesticBody.OrganisationId, project.OverseasBodies.Select(b => b.OrganisationId).ToArray());
}
