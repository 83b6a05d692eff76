using Exchange.Identity.Testing;
using Exchange.Rpc;

namespace Exchange.Identity.Tests;

/// <summary>
/// The access matrix: every role, against a project where its organisation is the domestic
/// body, an overseas body, or no party at all.
/// </summary>
public sealed class ProjectAccessTests
{
    // Suwa (domestic) with Dalian (overseas); the caller's organisation is placed per relation.
    private static ProjectParties Project(string relation, string organisation) => relation switch
    {
        "domestic" => new("suwa-dalian", organisation, ["dalian-city"]),
        "overseas" => new("suwa-dalian", "suwa-city", ["dalian-city", organisation]),
        "foreign" => new("suwa-dalian", "suwa-city", ["dalian-city"]),
        _ => throw new ArgumentOutOfRangeException(nameof(relation)),
    };

    public static TheoryData<Role, string, bool, bool, bool> Matrix => new()
    {
        // role,                  project,    read,  change, record achievement
        { Role.ImplementationBody, "domestic", true, true, true },
        { Role.ImplementationBody, "overseas", false, false, false },
        { Role.ImplementationBody, "foreign", false, false, false },
        { Role.OverseasPartner, "domestic", false, false, false },
        { Role.OverseasPartner, "overseas", true, false, true },
        { Role.OverseasPartner, "foreign", false, false, false },
        { Role.Coordinator, "domestic", true, true, true },
        { Role.Coordinator, "overseas", true, true, true },
        { Role.Coordinator, "foreign", true, true, true },
        { Role.Admin, "domestic", true, true, true },
        { Role.Admin, "overseas", true, true, true },
        { Role.Admin, "foreign", true, true, true },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Project_rules_follow_role_and_the_recorded_parties(Role role, string relation, bool read, bool change, bool recordAchievement)
    {
        var caller = TestTokens.Principal(role, "kobe-city");
        var project = Project(relation, "kobe-city");

        Assert.Equal(read, ProjectAccess.CanRead(caller, project));
        Assert.Equal(change, ProjectAccess.CanChange(caller, project));
        Assert.Equal(recordAchievement, ProjectAccess.CanRecordAchievement(caller, project));
        Assert.Equal(read, Allows(() => ProjectAccess.DemandRead(caller, project)));
        Assert.Equal(change, Allows(() => ProjectAccess.DemandChange(caller, project)));
        Assert.Equal(recordAchievement, Allows(() => ProjectAccess.DemandRecordAchievement(caller, project)));
    }

    [Theory]
    [InlineData(Role.ImplementationBody, false)]
    [InlineData(Role.OverseasPartner, false)]
    [InlineData(Role.Coordinator, true)]
    [InlineData(Role.Admin, true)]
    public void Only_coordinators_and_admins_adopt_and_configure_rules(Role role, bool allowed)
    {
        var caller = TestTokens.Principal(role, "kobe-city");

        Assert.Equal(allowed, ProjectAccess.CanAdopt(caller));
        Assert.Equal(allowed, ProjectAccess.CanConfigureRules(caller));
        Assert.Equal(allowed, Allows(() => ProjectAccess.DemandAdopt(caller)));
        Assert.Equal(allowed, Allows(() => ProjectAccess.DemandConfigureRules(caller)));
    }

    [Fact]
    public void The_token_project_list_does_not_grant_access_the_project_record_denies()
    {
        // The token still lists the project, but the project's parties no longer include the organisation.
        var caller = TestTokens.Principal(Role.OverseasPartner, "dalian-city", "suwa-dalian");
        var project = new ProjectParties("suwa-dalian", "suwa-city", ["shenyang-city"]);

        Assert.False(ProjectAccess.CanRead(caller, project));
    }

    [Fact]
    public void Denials_are_permission_denied_and_name_the_rule()
    {
        var project = new ProjectParties("suwa-dalian", "suwa-city", ["dalian-city"]);

        var notParty = Assert.Throws<RpcException>(() => ProjectAccess.DemandRead(TestTokens.Principal(Role.OverseasPartner, "jena-city"), project));
        var partner = Assert.Throws<RpcException>(() => ProjectAccess.DemandChange(TestTokens.Principal(Role.OverseasPartner, "dalian-city"), project));
        var adopt = Assert.Throws<RpcException>(() => ProjectAccess.DemandAdopt(TestTokens.Principal(Role.ImplementationBody, "suwa-city")));
        var rules = Assert.Throws<RpcException>(() => ProjectAccess.DemandConfigureRules(TestTokens.Principal(Role.OverseasPartner, "dalian-city")));

        Assert.All([notParty, partner, adopt, rules], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.Equal("project-access: organisation 'jena-city' is not a party to project suwa-dalian", notParty.Status.Detail);
        Assert.StartsWith("project-change: organisation 'dalian-city' is an overseas partner of project suwa-dalian", partner.Status.Detail);
        Assert.Equal("project-adoption: only coordinators adopt projects; organisation 'suwa-city' calls as implementation-body", adopt.Status.Detail);
        Assert.StartsWith("rule-configuration: only coordinators configure the rulebook", rules.Status.Detail);
    }

    [Fact]
    public void Organisation_ids_match_exactly()
    {
        var project = new ProjectParties("suwa-dalian", "suwa-city", ["dalian-city"]);
        Assert.False(ProjectAccess.CanChange(TestTokens.Principal(Role.ImplementationBody, "Suwa-City"), project));
        Assert.False(ProjectAccess.CanRead(TestTokens.Principal(Role.OverseasPartner, "dalian"), project));
    }

    private static bool Allows(Action demand)
    {
        try
        {
            demand();
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied)
        {
            return false;
        }
    }
}
