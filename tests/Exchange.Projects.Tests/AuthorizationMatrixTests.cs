using Exchange.Common.V1;
using Exchange.Messaging.Persistence;
using Exchange.Projects.Tests.Infrastructure;
using Exchange.Projects.V1;
using Exchange.Rpc;
using static Exchange.Projects.V1.ProjectStatus;

namespace Exchange.Projects.Tests;

/// <summary>
/// Every RPC called by every kind of caller against the Hamamatsu - Jena project, with the exact
/// status each must get. A project the caller may not read is NOT_FOUND, so that its existence
/// leaks to no one; a readable project the caller may not change is PERMISSION_DENIED.
/// </summary>
[Collection(ProjectsCollection.Name)]
public sealed class AuthorizationMatrixTests(ProjectsFixture fixture)
{
    private const StatusCode OK = StatusCode.OK;
    private const StatusCode Hidden = StatusCode.NotFound;
    private const StatusCode Denied = StatusCode.PermissionDenied;
    private const StatusCode NoToken = StatusCode.Unauthenticated;

    // The columns of the policy: who calls.
    private static readonly (string Name, Caller Caller)[] Callers =
    [
        ("its implementation body", TieUps.HamamatsuBody),
        ("another project's implementation body", TieUps.SuwaBody),
        ("its overseas partner", TieUps.JenaPartner),
        ("another project's overseas partner", TieUps.DalianPartner),
        ("a coordinator", Caller.Coordinator),
        ("an admin", Caller.Admin),
        ("a caller without a token", Caller.Anonymous),
    ];

    // The policy. Implementation bodies log and change their own projects; overseas partners read
    // theirs and record achievements; coordinators and admins do everything, and alone adopt,
    // continue, close, configure the rulebook, read the statistics and roll fiscal years over. The
    // lifecycle is read as the project is.
    private static readonly Dictionary<string, StatusCode[]> Policy = new()
    {
        //                            its body  other body  its partner  other partner  coordinator  admin  no token
        ["RegisterProject"] =      [OK,       Denied,     Denied,      Denied,        OK,          OK,    NoToken],
        ["GetProject"] =           [OK,       Hidden,     OK,          Hidden,        OK,          OK,    NoToken],
        ["ListProjects"] =         [OK,       OK,         OK,          OK,            OK,          OK,    NoToken],
        ["AdoptProject"] =         [Denied,   Hidden,     Denied,      Hidden,        OK,          OK,    NoToken],
        ["ActivateProject"] =      [OK,       Hidden,     Denied,      Hidden,        OK,          OK,    NoToken],
        ["ContinueProject"] =      [Denied,   Hidden,     Denied,      Hidden,        OK,          OK,    NoToken],
        ["CompleteProject"] =      [OK,       Hidden,     Denied,      Hidden,        OK,          OK,    NoToken],
        ["StartFollowUp"] =        [OK,       Hidden,     Denied,      Hidden,        OK,          OK,    NoToken],
        ["RecordFollowUpReview"] = [OK,       Hidden,     Denied,      Hidden,        OK,          OK,    NoToken],
        ["CloseProject"] =         [Denied,   Hidden,     Denied,      Hidden,        OK,          OK,    NoToken],
        ["WithdrawProject"] =      [OK,       Hidden,     Denied,      Hidden,        OK,          OK,    NoToken],
        ["RecordAchievement"] =    [OK,       Hidden,     OK,          Hidden,        OK,          OK,    NoToken],
        ["GetAdoptionRules"] =     [OK,       OK,         OK,          OK,            OK,          OK,    NoToken],
        ["SetAdoptionRules"] =     [Denied,   Denied,     Denied,      Denied,        OK,          OK,    NoToken],
        ["GetStatistics"] =        [Denied,   Denied,     Denied,      Denied,        OK,          OK,    NoToken],
        ["GetLifecycle"] =         [OK,       Hidden,     OK,          Hidden,        OK,          OK,    NoToken],
        ["ListLifecycles"] =       [OK,       OK,         OK,          OK,            OK,          OK,    NoToken],
        ["RollOverFiscalYear"] =   [Denied,   Denied,     Denied,      Denied,        OK,          OK,    NoToken],
    };

    /// <summary>How to call an RPC, and the status its project must be in for the call to be able to succeed (null: no project).</summary>
    private sealed record Rpc(ProjectStatus? Needs, Func<ProjectsClient, string, Caller, Task> Call);

    private static readonly Dictionary<string, Rpc> Rpcs = new()
    {
        ["RegisterProject"] = new(null, (c, _, caller) => c.Register(Samples.HamamatsuJena(), caller)),
        ["GetProject"] = new(Proposed, (c, id, caller) => c.Get(id, caller)),
        ["ListProjects"] = new(null, (c, _, caller) => c.List(new ListProjectsRequest(), caller)),
        ["AdoptProject"] = new(Proposed, (c, id, caller) => c.Adopt(id, 2007, caller)),
        ["ActivateProject"] = new(Adopted, (c, id, caller) => c.Activate(id, caller)),
        ["ContinueProject"] = new(Active, (c, id, caller) => c.Continue(new ContinueProjectRequest { ProjectId = id, FiscalYear = 2008 }, caller)),
        ["CompleteProject"] = new(Active, (c, id, caller) => c.Complete(id, caller)),
        ["StartFollowUp"] = new(Completed, (c, id, caller) => c.StartFollowUp(id, ExchangeStatus.Continuing, caller)),
        ["RecordFollowUpReview"] = new(FollowUp, (c, id, caller) => c.Review(id, 2008, ExchangeStatus.Continuing, caller)),
        ["CloseProject"] = new(FollowUp, (c, id, caller) => c.Close(id, caller)),
        ["WithdrawProject"] = new(Proposed, (c, id, caller) => c.Withdraw(id, caller)),
        ["RecordAchievement"] = new(Active, (c, id, caller) => c.RecordAchievement(new RecordAchievementRequest
        {
            ProjectId = id, AchievementId = Guid.NewGuid().ToString("N"), Kind = AchievementKind.AgreementOrMou,
            Date = new Date { Year = 2007, Month = 10, Day = 3 }, Description = "Cooperation agreement between Hamamatsu and Jena",
        }, caller)),
        ["GetAdoptionRules"] = new(null, (c, _, caller) => c.Call<GetAdoptionRulesRequest, AdoptionRules>("GetAdoptionRules",
            new GetAdoptionRulesRequest { Programme = Programme.RegionalIndustryTieUp, FiscalYear = 2007 }, caller)),
        // Far from the years other tests adopt in, and the published values: configuring it changes nothing they see.
        ["SetAdoptionRules"] = new(null, (c, _, caller) => c.SetRules(new AdoptionRules
        {
            Programme = Programme.RegionalIndustryTieUp, FiscalYear = 2090, MaxSupportedFiscalYears = 3, MinSmeMembers = 5, MinSmeSharePercent = 66.67,
        }, caller)),
        ["GetStatistics"] = new(null, (c, _, caller) => c.Statistics(Programme.RegionalIndustryTieUp, caller)),
        ["GetLifecycle"] = new(Active, (c, id, caller) => c.Call<GetLifecycleRequest, ProjectLifecycle>("GetLifecycle", new GetLifecycleRequest { ProjectId = id }, caller)),
        ["ListLifecycles"] = new(null, (c, _, caller) => c.Call<ListLifecyclesRequest, ListLifecyclesResponse>("ListLifecycles", new ListLifecyclesRequest(), caller)),
        // FY2008 has long begun; the second coordinator call finds it rolled over and answers that rollover.
        ["RollOverFiscalYear"] = new(null, (c, _, caller) => c.Call<RollOverFiscalYearRequest, FiscalYearRollover>("RollOverFiscalYear", new RollOverFiscalYearRequest { FiscalYear = 2008 }, caller)),
    };

    public static TheoryData<string> RpcNames() => [.. Policy.Keys];

    [Fact]
    public void The_policy_covers_every_RPC_of_the_service()
    {
        var methods = ProjectsClient.Service.Methods.Select(m => m.Name).Order();
        Assert.Equal(methods, Policy.Keys.Order());
        Assert.Equal(methods, Rpcs.Keys.Order());
        Assert.All(Policy.Values, row => Assert.Equal(Callers.Length, row.Length));
    }

    // Access is decided on the loaded project, whatever the database: one provider suffices here,
    // while listing, which filters in SQL, runs on both.
    [Theory]
    [MemberData(nameof(RpcNames))]
    public async Task Each_caller_gets_exactly_the_status_the_policy_gives(string rpcName)
    {
        var client = fixture.Client(DatabaseProvider.Sqlite);
        var rpc = Rpcs[rpcName];
        var mismatches = new List<string>();
        // Every call meets a project where it can succeed, so that only the caller decides the
        // outcome. A refusal leaves the project as it was (checked), so refused callers share one.
        V1.Project? unchanged = null;
        for (var column = 0; column < Callers.Length; column++)
        {
            var (who, caller) = Callers[column];
            var expected = Policy[rpcName][column];
            V1.Project? project = null;
            if (rpc.Needs is { } status)
                project = expected == OK ? await ProjectStages.Reach(client, status) : unchanged ??= await ProjectStages.Reach(client, status);

            var (actual, detail) = await Outcome(() => rpc.Call(client, project?.Id ?? "", caller));
            if (actual != expected) mismatches.Add($"{rpcName} by {who}: expected {expected}, got {actual} {detail}");
            if (actual != OK && project is not null)
            {
                var after = await client.Get(project.Id, Caller.Coordinator);
                if (after.Version != project.Version) mismatches.Add($"{rpcName} by {who}: refused with {actual} but the project changed");
            }
            if (actual == OK && project == unchanged) unchanged = null;
        }
        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Refusals_name_the_access_rule(DatabaseProvider provider)
    {
        var client = fixture.Client(provider);
        var project = await ProjectStages.Reach(client, Active);

        var partnerChanging = await Refusals.Expect(Denied, () => client.Complete(project.Id, TieUps.JenaPartner));
        Assert.StartsWith("project-change:", partnerChanging.Status.Detail);
        var bodyContinuing = await Refusals.Expect(Denied, () => client.Continue(new ContinueProjectRequest { ProjectId = project.Id, FiscalYear = 2008 }, TieUps.HamamatsuBody));
        Assert.StartsWith("project-adoption:", bodyContinuing.Status.Detail);
        var bodyConfiguring = await Refusals.Expect(Denied, () => client.SetRules(new AdoptionRules { Programme = Programme.RegionalIndustryTieUp, FiscalYear = 2090 }, TieUps.HamamatsuBody));
        Assert.StartsWith("rule-configuration:", bodyConfiguring.Status.Detail);
        // An overseas partner cannot register, even naming itself as the domestic body.
        var ownRegistration = Samples.HamamatsuJena();
        ownRegistration.DomesticBody.Id = TieUps.Jena;
        var partnerRegistering = await Refusals.Expect(Denied, () => client.Register(ownRegistration, TieUps.JenaPartner));
        Assert.StartsWith("project-access:", partnerRegistering.Status.Detail);
        // NOT_FOUND reads the same whether the project exists or not.
        var hidden = await Refusals.Expect(Hidden, () => client.Get(project.Id, TieUps.SuwaBody));
        var missing = await Refusals.Expect(Hidden, () => client.Get(Guid.Empty.ToString(), TieUps.SuwaBody));
        Assert.Equal(hidden.Status.Detail.Replace(project.Id, "<id>"), missing.Status.Detail.Replace(Guid.Empty.ToString(), "<id>"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Listing_shows_a_caller_exactly_the_projects_it_may_read(DatabaseProvider provider)
    {
        var client = fixture.Client(provider);
        var hamamatsuJena = await client.Register(Samples.HamamatsuJena(), TieUps.HamamatsuBody);
        var suwaDalian = Samples.HamamatsuJena();
        suwaDalian.Title = "Suwa - Dalian metal processing exchange";
        suwaDalian.DomesticBody = new Organisation { Id = TieUps.Suwa, Name = "Suwa City", Country = "JP" };
        suwaDalian.OverseasBodies[0] = new Organisation { Id = TieUps.Dalian, Name = "Dalian Municipal Government", Country = "CN" };
        var other = await client.Register(suwaDalian, TieUps.SuwaBody);

        var everything = await ListAll(client, Caller.Coordinator);
        Assert.Contains(hamamatsuJena.Id, everything.Select(p => p.Id));
        Assert.Contains(other.Id, everything.Select(p => p.Id));
        Assert.Equal(everything.Select(p => p.Id), (await ListAll(client, Caller.Admin)).Select(p => p.Id));

        // The organisation of an overseas partner calling as a domestic body is the domestic body of neither project.
        var callers = Callers.Select(c => c.Caller).Where(c => c.Role is not null).Append(Caller.Body(TieUps.Jena));
        foreach (var caller in callers)
        {
            var listed = await ListAll(client, caller);
            var unreadable = listed.Where(project => !MayRead(caller, project)).ToList();
            Assert.True(unreadable.Count == 0, $"{caller} is shown {unreadable.Count} projects it may not read, e.g. {unreadable.FirstOrDefault()?.Id}");
            foreach (var project in new[] { hamamatsuJena, other })
            {
                var (outcome, _) = await Outcome(() => client.Get(project.Id, caller));
                Assert.True(listed.Any(p => p.Id == project.Id) == (outcome == OK), $"{caller}: {project.Title} listed or not, but GetProject answers {outcome}");
            }
        }

        Assert.Contains(hamamatsuJena.Id, (await ListAll(client, TieUps.JenaPartner)).Select(p => p.Id));
        Assert.DoesNotContain(other.Id, (await ListAll(client, TieUps.HamamatsuBody)).Select(p => p.Id));
        var dalians = (await ListAll(client, TieUps.DalianPartner)).Select(p => p.Id).ToList();
        Assert.Contains(other.Id, dalians);
        Assert.DoesNotContain(hamamatsuJena.Id, dalians);
    }

    /// <summary>The read policy, in terms of what a listed project shows.</summary>
    private static bool MayRead(Caller caller, V1.Project project) => caller.Role switch
    {
        Identity.Role.ImplementationBody => project.DomesticBody.Id == caller.OrganisationId,
        Identity.Role.OverseasPartner => project.OverseasBodies.Any(b => b.Id == caller.OrganisationId),
        _ => true,
    };

    private static async Task<List<V1.Project>> ListAll(ProjectsClient client, Caller caller)
    {
        var response = await client.List(new ListProjectsRequest { Page = new PageRequest { PageSize = 500 } }, caller);
        Assert.Equal(response.TotalCount, response.Projects.Count);
        return [.. response.Projects];
    }

    private static async Task<(StatusCode Code, string Detail)> Outcome(Func<Task> call)
    {
        try
        {
            await call();
            return (OK, "");
        }
        catch (RpcException ex)
        {
            return (ex.StatusCode, $"({ex.Status.Detail})");
        }
    }
}
