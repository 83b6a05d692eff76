using Exchange.Common.V1;
using Exchange.Messaging.Persistence;
using Exchange.Projects.Tests.Infrastructure;
using Exchange.Projects.V1;
using Exchange.Rpc;
using static Exchange.Projects.V1.ProjectStatus;

namespace Exchange.Projects.Tests;

/// <summary>
/// The programme's rules refuse changes with FAILED_PRECONDITION naming the rule, and a refused
/// change leaves no trace: the project keeps its version and status, and no event is written.
/// </summary>
[Collection(ProjectsCollection.Name)]
public sealed class RuleRefusalTests(ProjectsFixture fixture)
{
    private static readonly Caller Coordinator = Caller.Coordinator;
    private static readonly Caller Hamamatsu = TieUps.HamamatsuBody;

    /// <summary>One step of the lifecycle: the statuses it is allowed from, and where it leads.</summary>
    public sealed record Step(string Name, ProjectStatus[] AllowedFrom, ProjectStatus Leads, Func<ProjectsClient, V1.Project, Task<V1.Project>> Take)
    {
        public override string ToString() => Name;
    }

    // The lifecycle as the programme describes it: proposed -> adopted -> active -> (continued ->
    // active)* -> completed -> follow-up -> closed; a proposal or an adopted project not yet started
    // may be withdrawn; achievements come while active and keep coming after support ends.
    // Leads = Unspecified: the status stays as it was.
    public static readonly Step[] Lifecycle =
    [
        new("adopt", [Proposed], Adopted, (c, p) => c.Adopt(p.Id, 2007, Coordinator)),
        new("activate", [Adopted, Continued], Active, (c, p) => c.Activate(p.Id, Coordinator)),
        new("continue", [Active], Continued, (c, p) => c.Continue(new ContinueProjectRequest { ProjectId = p.Id, FiscalYear = NextYear(p) }, Coordinator)),
        new("complete", [Active], Completed, (c, p) => c.Complete(p.Id, Coordinator)),
        new("start follow-up", [Completed], FollowUp, (c, p) => c.StartFollowUp(p.Id, ExchangeStatus.Continuing, Coordinator)),
        new("review follow-up", [FollowUp], Unspecified, (c, p) => c.Review(p.Id, NextYear(p) + 1, ExchangeStatus.Continuing, Coordinator)),
        new("close", [FollowUp], Closed, (c, p) => c.Close(p.Id, Coordinator)),
        new("withdraw", [Proposed, Adopted], Withdrawn, (c, p) => c.Withdraw(p.Id, Coordinator)),
        new("record achievement", [Active, Continued, Completed, FollowUp], Unspecified, (c, p) => c.RecordAchievement(new RecordAchievementRequest
        {
            ProjectId = p.Id, AchievementId = Guid.NewGuid().ToString("N"), Kind = AchievementKind.TradeFair,
            Date = new Date { Year = 2008, Month = 2, Day = 14 }, Description = "Exhibited at Optatec",
        }, Coordinator)),
    ];

    private static readonly ProjectStatus[] Statuses = [Proposed, Adopted, Active, Continued, Completed, FollowUp, Closed, Withdrawn];

    public static TheoryData<DatabaseProvider, ProjectStatus> ProviderAndStatus()
    {
        var data = new TheoryData<DatabaseProvider, ProjectStatus>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
            foreach (var status in Statuses) data.Add(provider, status);
        return data;
    }

    [Theory]
    [MemberData(nameof(ProviderAndStatus))]
    public async Task Every_step_the_lifecycle_forbids_from_a_status_is_refused_without_effect(DatabaseProvider provider, ProjectStatus status)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var project = await ProjectStages.Reach(client, status);
        Assert.Equal(status, project.Status);

        var forbidden = Lifecycle.Where(step => !step.AllowedFrom.Contains(status)).ToList();
        Assert.NotEmpty(forbidden);
        foreach (var step in forbidden)
        {
            var refusal = await Refusals.ExpectUnchanged(host, client, project.Id, StatusCode.FailedPrecondition, "lifecycle:",
                () => step.Take(client, project));
            Assert.Contains(Describe(status), refusal.Status.Detail);
        }
    }

    public static TheoryData<ProjectStatus> StatusesWithSomewhereToGo() => [.. Statuses.Where(s => Lifecycle.Any(step => step.AllowedFrom.Contains(s)))];

    // The other side of the table. Transitions are decided on the loaded project; that each
    // provider stores their results is shown by the lifecycle test, so one provider suffices here.
    [Theory]
    [MemberData(nameof(StatusesWithSomewhereToGo))]
    public async Task Every_step_the_lifecycle_allows_from_a_status_succeeds(ProjectStatus status)
    {
        var client = fixture.Client(DatabaseProvider.Sqlite);
        foreach (var step in Lifecycle.Where(step => step.AllowedFrom.Contains(status)))
        {
            var project = await ProjectStages.Reach(client, status);
            var changed = await step.Take(client, project);
            Assert.Equal(step.Leads == Unspecified ? status : step.Leads, changed.Status);
            Assert.Equal(project.Version + 1, changed.Version);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_project_needs_at_least_five_SMEs(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var four = await client.Register(Samples.HamamatsuJena(smes: 4, others: 1), Hamamatsu);
        var refusal = await Refusals.ExpectUnchanged(host, client, four.Id, StatusCode.FailedPrecondition, "min-sme-members:",
            () => client.Adopt(four.Id, 2007, Coordinator));
        Assert.Contains("4 SMEs", refusal.Status.Detail);

        var five = await client.Register(Samples.HamamatsuJena(smes: 5, others: 1), Hamamatsu);
        Assert.Equal(Adopted, (await client.Adopt(five.Id, 2007, Coordinator)).Status);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SMEs_must_be_at_least_two_thirds_of_the_members(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var nineOfFifteen = await client.Register(Samples.HamamatsuJena(smes: 9, others: 6), Hamamatsu);
        var refusal = await Refusals.ExpectUnchanged(host, client, nineOfFifteen.Id, StatusCode.FailedPrecondition, "min-sme-share:",
            () => client.Adopt(nineOfFifteen.Id, 2007, Coordinator));
        Assert.Contains("9 of 15", refusal.Status.Detail);

        // Two thirds exactly, although 10/15 = 66.666...% is below the configured 66.67 %.
        var tenOfFifteen = await client.Register(Samples.HamamatsuJena(smes: 10, others: 5), Hamamatsu);
        Assert.Equal(Adopted, (await client.Adopt(tenOfFifteen.Id, 2007, Coordinator)).Status);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_tie_up_project_is_supported_for_at_most_three_fiscal_years(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var project = await ProjectStages.Reach(client, Active);
        foreach (var year in new[] { 2008, 2009 })
        {
            await client.Continue(new ContinueProjectRequest { ProjectId = project.Id, FiscalYear = year }, Coordinator);
            project = await client.Activate(project.Id, Hamamatsu);
        }
        Assert.Equal([2007, 2008, 2009], project.SupportedFiscalYears);

        await Refusals.ExpectUnchanged(host, client, project.Id, StatusCode.FailedPrecondition, "max-supported-fiscal-years:",
            () => client.Continue(new ContinueProjectRequest { ProjectId = project.Id, FiscalYear = 2010 }, Coordinator));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_project_is_adopted_within_its_planned_period(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var planned2007To2009 = await client.Register(Samples.HamamatsuJena(), Hamamatsu);
        await Refusals.ExpectUnchanged(host, client, planned2007To2009.Id, StatusCode.FailedPrecondition, "adoption-within-planned-period:",
            () => client.Adopt(planned2007To2009.Id, 2010, Coordinator));

        var planned2008To2010 = await client.Register(Samples.HamamatsuJenaFor(2008, 2010), Hamamatsu);
        await Refusals.ExpectUnchanged(host, client, planned2008To2010.Id, StatusCode.FailedPrecondition, "adoption-within-planned-period:",
            () => client.Adopt(planned2008To2010.Id, 2007, Coordinator));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_project_is_continued_into_the_year_after_its_last_supported_one(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var project = await ProjectStages.Reach(client, Active);
        foreach (var year in new[] { 2009, 2007, 2006 })
        {
            await Refusals.ExpectUnchanged(host, client, project.Id, StatusCode.FailedPrecondition, "continuation-follows-last-supported-year:",
                () => client.Continue(new ContinueProjectRequest { ProjectId = project.Id, FiscalYear = year }, Coordinator));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task An_expansion_adds_a_region_the_project_does_not_have(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var project = await ProjectStages.Reach(client, Active);
        // Region names compare without regard to case: "JENA" is Jena.
        await Refusals.ExpectUnchanged(host, client, project.Id, StatusCode.FailedPrecondition, "expanded-region-must-be-new:",
            () => client.Continue(new ContinueProjectRequest
            {
                ProjectId = project.Id,
                FiscalYear = 2008,
                ExpandedRegion = new OverseasRegion { Name = "JENA", Country = "DE", WorldArea = WorldArea.Europe },
            }, Coordinator));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Projects_start_within_their_programme_years(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var shimane = Caller.Body(Samples.Shimane);

        // The Region-to-Region project ran FY1996-FY2006: a proposal reaching into FY2007 cannot be adopted for FY2007...
        var r2r = Samples.ShimaneTexas();
        r2r.PlannedPeriod = new FiscalYearRange { FirstYear = 2006, LastYear = 2008 };
        var proposal = await client.Register(r2r, shimane);
        var refusal = await Refusals.ExpectUnchanged(host, client, proposal.Id, StatusCode.FailedPrecondition, "programme-fiscal-years:",
            () => client.Adopt(proposal.Id, 2007, Coordinator));
        Assert.Contains("FY1996-FY2006", refusal.Status.Detail);

        // ...but a project adopted in time may be continued past the programme's end, as Shimane - Texas was.
        var texas = await ProjectStages.Reach(client, Active, Samples.ShimaneTexas());
        foreach (var year in new[] { 2005, 2006, 2007 })
        {
            await client.Continue(new ContinueProjectRequest { ProjectId = texas.Id, FiscalYear = year }, Coordinator);
            texas = await client.Activate(texas.Id, shimane);
        }
        Assert.Equal([2004, 2005, 2006, 2007], texas.SupportedFiscalYears);

        // Registrations starting outside the programme's years are refused and store nothing.
        var tooLate = Samples.ShimaneTexas();
        tooLate.PlannedPeriod = new FiscalYearRange { FirstYear = 2007, LastYear = 2008 };
        var tooEarly = Samples.HamamatsuJenaFor(2006, 2008);
        foreach (var (registration, caller) in new[] { (tooLate, shimane), (tooEarly, Hamamatsu) })
        {
            var listed = await ListedCount(client);
            var outbox = await host.OutboxCount();
            var refused = await Refusals.Expect(StatusCode.FailedPrecondition, () => client.Register(registration, caller));
            Assert.StartsWith("programme-fiscal-years:", refused.Status.Detail);
            Assert.Equal(listed, await ListedCount(client));
            Assert.Equal(outbox, await host.OutboxCount());
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task An_achievement_is_dated_within_or_after_support_and_not_in_the_future(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var project = await ProjectStages.Reach(client, Active);
        var tomorrowButOne = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);

        foreach (var date in new[] { new DateOnly(2007, 3, 31), tomorrowButOne })
        {
            await Refusals.ExpectUnchanged(host, client, project.Id, StatusCode.FailedPrecondition, "achievement-date:",
                () => client.RecordAchievement(Achievement(project.Id, date), Hamamatsu));
        }

        // The first day of the supported period is fine.
        var recorded = await client.RecordAchievement(Achievement(project.Id, new DateOnly(2007, 4, 1)), Hamamatsu);
        Assert.Single(recorded.Achievements);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Follow_up_is_reviewed_once_a_year_after_the_supported_period(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var project = await ProjectStages.Reach(client, FollowUp);
        Assert.Equal([2007], project.SupportedFiscalYears);

        var inside = await Refusals.ExpectUnchanged(host, client, project.Id, StatusCode.FailedPrecondition, "follow-up-review-year:",
            () => client.Review(project.Id, 2007, ExchangeStatus.Continuing, Hamamatsu));
        Assert.Contains("within the supported period", inside.Status.Detail);

        await client.Review(project.Id, 2008, ExchangeStatus.Continuing, Hamamatsu);
        var again = await Refusals.ExpectUnchanged(host, client, project.Id, StatusCode.FailedPrecondition, "follow-up-review-year:",
            () => client.Review(project.Id, 2008, ExchangeStatus.Ceased, Hamamatsu));
        Assert.Contains("already been reviewed", again.Status.Detail);
    }

    // The rulebook is state of the shared hosts: this test configures only fiscal years (FY2040 on)
    // that no other test adopts in, so that every test sees the published defaults for its years.
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Rules_configured_for_a_fiscal_year_decide_adoption_from_that_year_on(DatabaseProvider provider)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var threeSmes = await client.Register(Samples.HamamatsuJenaFor(2039, 2041, smes: 3, others: 1), Hamamatsu);

        // Published defaults until a coordinator says otherwise.
        await Refusals.ExpectUnchanged(host, client, threeSmes.Id, StatusCode.FailedPrecondition, "min-sme-members:",
            () => client.Adopt(threeSmes.Id, 2039, Coordinator));

        await client.SetRules(new AdoptionRules
        {
            Programme = Programme.RegionalIndustryTieUp, FiscalYear = 2040, MaxSupportedFiscalYears = 3, MinSmeMembers = 3, MinSmeSharePercent = 66.67,
        }, Coordinator);
        Assert.Equal(Adopted, (await client.Adopt(threeSmes.Id, 2040, Coordinator)).Status);

        // FY2041 inherits FY2040; FY2039 and the other programme keep their defaults.
        Assert.Equal(new AdoptionRules { Programme = Programme.RegionalIndustryTieUp, FiscalYear = 2041, MaxSupportedFiscalYears = 3, MinSmeMembers = 3, MinSmeSharePercent = 66.67 },
            await GetRules(client, Programme.RegionalIndustryTieUp, 2041));
        Assert.Equal(5, (await GetRules(client, Programme.RegionalIndustryTieUp, 2039)).MinSmeMembers);
        Assert.Equal(new AdoptionRules { Programme = Programme.RegionToRegion, FiscalYear = 2041, MaxSupportedFiscalYears = 5 },
            await GetRules(client, Programme.RegionToRegion, 2041));
        var inherited = await client.Register(Samples.HamamatsuJenaFor(2041, 2043, smes: 3, others: 1), Hamamatsu);
        Assert.Equal(Adopted, (await client.Adopt(inherited.Id, 2041, Coordinator)).Status);

        // Zero switches a rule off: one SME among six members, supported for four fiscal years.
        var oneSme = await client.Register(Samples.HamamatsuJenaFor(2045, 2048, smes: 1, others: 5), Hamamatsu);
        await Refusals.ExpectUnchanged(host, client, oneSme.Id, StatusCode.FailedPrecondition, "min-sme-members:",
            () => client.Adopt(oneSme.Id, 2045, Coordinator));
        await client.SetRules(new AdoptionRules { Programme = Programme.RegionalIndustryTieUp, FiscalYear = 2045 }, Coordinator);
        await client.Adopt(oneSme.Id, 2045, Coordinator);
        var project = await client.Activate(oneSme.Id, Hamamatsu);
        foreach (var year in new[] { 2046, 2047, 2048 })
        {
            await client.Continue(new ContinueProjectRequest { ProjectId = project.Id, FiscalYear = year }, Coordinator);
            project = await client.Activate(project.Id, Hamamatsu);
        }
        Assert.Equal([2045, 2046, 2047, 2048], project.SupportedFiscalYears);
    }

    private static int NextYear(V1.Project project) => project.SupportedFiscalYears.Count == 0 ? 2008 : project.SupportedFiscalYears.Max() + 1;

    private static string Describe(ProjectStatus status) => status == FollowUp ? "in follow-up" : status.ToString().ToLowerInvariant();

    private static RecordAchievementRequest Achievement(string projectId, DateOnly date) => new()
    {
        ProjectId = projectId,
        AchievementId = Guid.NewGuid().ToString("N"),
        Kind = AchievementKind.DevelopmentContract,
        Date = new Date { Year = date.Year, Month = date.Month, Day = date.Day },
        Description = "Development contract for a lens coating line",
    };

    private static Task<AdoptionRules> GetRules(ProjectsClient client, Programme programme, int year) =>
        client.Call<GetAdoptionRulesRequest, AdoptionRules>("GetAdoptionRules", new GetAdoptionRulesRequest { Programme = programme, FiscalYear = year }, Coordinator);

    private static async Task<int> ListedCount(ProjectsClient client) =>
        (await client.List(new ListProjectsRequest { Page = new PageRequest { PageSize = 1 } }, Coordinator)).TotalCount;
}
