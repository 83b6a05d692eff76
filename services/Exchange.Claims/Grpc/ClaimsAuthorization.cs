using Exchange.Claims.Model;
using Exchange.Identity;
using Exchange.Rpc;

namespace Exchange.Claims.Grpc;

/// <summary>
/// Who may do what. Access follows the parties recorded on the project (read model): its domestic
/// implementation body saves and submits claims and records its coordinators' invoices; its
/// overseas partners read; coordinators and admins do everything, and alone keep the rulebook,
/// rates and budgets, review, approve, pay and reconcile. A project the caller takes no part in
/// answers NOT_FOUND, so that its existence leaks to no one.
/// </summary>
internal static class ClaimsAuthorization
{
    public const string ReviewRule = "claim-review";
    public const string PaymentRule = "claim-payment";
    public const string BudgetRule = "budget-setting";
    public const string ContractRule = "coordinator-contracts";
    public const string ReconciliationRule = "reconciliation";
    public const string ProgrammeRule = "programme-reports";

    /// <summary>True for roles that see every project (coordinators, admins).</summary>
    public static bool SeesAll(ExchangePrincipal caller) => caller.Role is Role.Coordinator or Role.Admin;

    /// <summary>
    /// Reading the project's records. Coordinators read records of projects the read model has not
    /// seen yet (claims opened by events arrive before the project's snapshot may).
    /// </summary>
    public static void DemandRead(ExchangePrincipal caller, Guid projectId, ProjectView? project)
    {
        if (SeesAll(caller)) return;
        if (project is null || !ProjectAccess.CanRead(caller, project.Parties)) throw ProjectNotFound(projectId, caller);
    }

    /// <summary>Saving and submitting claims, recording invoices: the domestic body and coordinators; partners only read.</summary>
    public static void DemandChange(ExchangePrincipal caller, Guid projectId, ProjectView? project)
    {
        DemandRead(caller, projectId, project);
        if (SeesAll(caller)) return;
        ProjectAccess.DemandChange(caller, project!.Parties);
    }

    /// <summary>A coordinator's act on a project: a party that is not a coordinator is refused, anyone else does not see the project.</summary>
    public static void DemandCoordinator(ExchangePrincipal caller, Guid projectId, ProjectView? project, string rule, string what)
    {
        DemandRead(caller, projectId, project);
        DemandCoordinator(caller, rule, what);
    }

    public static void DemandCoordinator(ExchangePrincipal caller, string rule, string what)
    {
        if (!SeesAll(caller))
            throw new RpcException(StatusCode.PermissionDenied,
                $"{rule}: only coordinators {what}; organisation '{caller.OrganisationId}' calls as {ExchangeClaims.RoleValue(caller.Role)}");
    }

    public static Actor ActorOf(ExchangePrincipal caller) => new(caller.OrganisationId, ExchangeClaims.RoleValue(caller.Role), caller.Subject);

    // The same answer for a project that does not exist and one the caller may not see.
    public static RpcException ProjectNotFound(Guid projectId, ExchangePrincipal caller) =>
        new(StatusCode.NotFound, $"{ProjectAccess.AccessRule}: project {projectId} not found among the projects organisation '{caller.OrganisationId}' takes part in");
}
