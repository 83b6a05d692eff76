using Exchange.Rpc;

namespace Exchange.Identity;

/// <summary>
/// The programme's access rules for projects. An implementation body acts for the projects
/// where it is the domestic body; an overseas partner for those where it is an overseas body;
/// coordinators and admins for all. The Demand variants end the call with PERMISSION_DENIED,
/// naming the rule that refused it.
/// </summary>
public static class ProjectAccess
{
    public const string AccessRule = "project-access";
    public const string ChangeRule = "project-change";
    public const string AdoptionRule = "project-adoption";
    public const string RuleConfigurationRule = "rule-configuration";

    /// <summary>True when the caller is a party to the project in the capacity its role gives it.</summary>
    public static bool IsParty(ExchangePrincipal caller, ProjectParties project) => caller.Role switch
    {
        Role.ImplementationBody => project.IsDomesticBody(caller.OrganisationId),
        Role.OverseasPartner => project.IsOverseasBody(caller.OrganisationId),
        _ => false,
    };

    public static bool CanRead(ExchangePrincipal caller, ProjectParties project) =>
        IsProgrammeWide(caller) || IsParty(caller, project);

    /// <summary>Change the project's record: its domestic body, coordinators, admins. Overseas partners only read.</summary>
    public static bool CanChange(ExchangePrincipal caller, ProjectParties project) =>
        IsProgrammeWide(caller) || (caller.Role == Role.ImplementationBody && IsParty(caller, project));

    /// <summary>Record an achievement: any party to the project (domestic or overseas), coordinators, admins.</summary>
    public static bool CanRecordAchievement(ExchangePrincipal caller, ProjectParties project) =>
        IsProgrammeWide(caller) || IsParty(caller, project);

    public static bool CanAdopt(ExchangePrincipal caller) => IsProgrammeWide(caller);

    /// <summary>Maintain the per-fiscal-year rulebook (caps, rates, selection criteria).</summary>
    public static bool CanConfigureRules(ExchangePrincipal caller) => IsProgrammeWide(caller);

    public static void DemandRead(ExchangePrincipal caller, ProjectParties project)
    {
        if (!CanRead(caller, project)) throw NotAParty(caller, project);
    }

    public static void DemandChange(ExchangePrincipal caller, ProjectParties project)
    {
        if (CanChange(caller, project)) return;
        if (!IsParty(caller, project)) throw NotAParty(caller, project);
        throw Denied(ChangeRule,
            $"organisation '{caller.OrganisationId}' is an overseas partner of project {project.ProjectId} and may read it but not change it; " +
            "its domestic implementation body or a coordinator changes it");
    }

    public static void DemandRecordAchievement(ExchangePrincipal caller, ProjectParties project)
    {
        if (!CanRecordAchievement(caller, project)) throw NotAParty(caller, project);
    }

    public static void DemandAdopt(ExchangePrincipal caller)
    {
        if (!CanAdopt(caller))
            throw Denied(AdoptionRule, $"only coordinators adopt projects; organisation '{caller.OrganisationId}' calls as {ExchangeClaims.RoleValue(caller.Role)}");
    }

    public static void DemandConfigureRules(ExchangePrincipal caller)
    {
        if (!CanConfigureRules(caller))
            throw Denied(RuleConfigurationRule, $"only coordinators configure the rulebook; organisation '{caller.OrganisationId}' calls as {ExchangeClaims.RoleValue(caller.Role)}");
    }

    private static bool IsProgrammeWide(ExchangePrincipal caller) => caller.Role is Role.Coordinator or Role.Admin;

    private static RpcException NotAParty(ExchangePrincipal caller, ProjectParties project) =>
        Denied(AccessRule, $"organisation '{caller.OrganisationId}' is not a party to project {project.ProjectId}");

    private static RpcException Denied(string rule, string problem) => new(StatusCode.PermissionDenied, $"{rule}: {problem}");
}
