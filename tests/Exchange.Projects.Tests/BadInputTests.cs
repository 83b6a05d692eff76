using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Exchange.Common.V1;
using Exchange.Identity;
using Exchange.Identity.Testing;
using Exchange.Messaging.Persistence;
using Exchange.Projects.Tests.Infrastructure;
using Exchange.Projects.V1;
using Exchange.Rpc;
using static Exchange.Projects.V1.ProjectStatus;

namespace Exchange.Projects.Tests;

/// <summary>
/// Malformed requests end with INVALID_ARGUMENT naming every offending field path in one answer,
/// and store nothing.
/// </summary>
[Collection(ProjectsCollection.Name)]
public sealed class BadInputTests(ProjectsFixture fixture)
{
    private static readonly Caller Coordinator = Caller.Coordinator;
    private static readonly Caller Hamamatsu = TieUps.HamamatsuBody;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_registration_missing_everything_names_every_required_field_at_once(DatabaseProvider provider)
    {
        var client = fixture.Client(provider);
        await AssertNothingStored(provider, async () =>
        {
            var refusal = await Refusals.Expect(StatusCode.InvalidArgument, () => client.Register(new RegisterProjectRequest(), Hamamatsu));
            Refusals.AssertFields(refusal,
                "request_id", "programme", "title", "domestic_region", "overseas_regions", "sector", "domestic_body", "overseas_bodies", "planned_period");
        });
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_registration_with_empty_parts_names_every_nested_field(DatabaseProvider provider)
    {
        var client = fixture.Client(provider);
        var request = new RegisterProjectRequest
        {
            DomesticRegion = new DomesticRegion(),
            OverseasRegions = { new OverseasRegion() },
            DomesticBody = new Organisation(),
            OverseasBodies = { new Organisation() },
            Members = { new Member() },
            PlannedPeriod = new FiscalYearRange(),
        };
        await AssertNothingStored(provider, async () =>
        {
            var refusal = await Refusals.Expect(StatusCode.InvalidArgument, () => client.Register(request, Hamamatsu));
            Refusals.AssertFields(refusal,
                "request_id", "programme", "title", "sector",
                "domestic_region.name", "domestic_region.bureau",
                "overseas_regions[0].name", "overseas_regions[0].country", "overseas_regions[0].world_area",
                "domestic_body.id", "domestic_body.name",
                "overseas_bodies[0].id", "overseas_bodies[0].name",
                "members[0].actor_type", "members[0].organisation_name",
                "planned_period.first_year", "planned_period.last_year");
        });
    }

    /// <summary>One fault in an otherwise valid registration, and the one field it must be reported on.</summary>
    public sealed record Fault(string Name, Action<RegisterProjectRequest> Spoil, string[] Fields)
    {
        public override string ToString() => Name;
    }

    public static readonly Fault[] RegistrationFaults =
    [
        new("unknown sector", r => r.Sector = (Sector)99, ["sector"]),
        new("unknown programme", r => r.Programme = (Programme)7, ["programme"]),
        new("period ending before it starts", r => r.PlannedPeriod = new FiscalYearRange { FirstYear = 2009, LastYear = 2007 }, ["planned_period"]),
        new("period over ten fiscal years", r => r.PlannedPeriod = new FiscalYearRange { FirstYear = 2007, LastYear = 2017 }, ["planned_period"]),
        new("fiscal years before the programmes", r => r.PlannedPeriod = new FiscalYearRange { FirstYear = 1990, LastYear = 1991 }, ["planned_period.first_year", "planned_period.last_year"]),
        new("blank title", r => r.Title = "   ", ["title"]),
        new("title over 200 characters", r => r.Title = new string('T', 201), ["title"]),
        new("theme over 120 characters", r => r.Theme = new string('t', 121), ["theme"]),
        new("request id over 100 characters", r => r.RequestId = new string('r', 101), ["request_id"]),
        new("domestic region name over 120 characters", r => r.DomesticRegion.Name = new string('n', 121), ["domestic_region.name"]),
        new("prefecture over 120 characters", r => r.DomesticRegion.Prefecture = new string('p', 121), ["domestic_region.prefecture"]),
        new("country as a name", r => r.OverseasRegions[0].Country = "Germany", ["overseas_regions[0].country"]),
        new("country in lower case", r => r.OverseasRegions[0].Country = "de", ["overseas_regions[0].country"]),
        new("unknown world area", r => r.OverseasRegions[0].WorldArea = (WorldArea)42, ["overseas_regions[0].world_area"]),
        new("twenty-one overseas regions", r => r.OverseasRegions.AddRange(Enumerable.Range(1, 20).Select(i => new OverseasRegion { Name = $"Thuringia {i}", Country = "DE", WorldArea = WorldArea.Europe })), ["overseas_regions"]),
        new("malformed domestic body id", r => r.DomesticBody.Id = "Hamamatsu City", ["domestic_body.id"]),
        new("overseas body id starting with a dash", r => r.OverseasBodies[0].Id = "-jena", ["overseas_bodies[0].id"]),
        new("overseas body id of 65 characters", r => r.OverseasBodies[0].Id = new string('j', 65), ["overseas_bodies[0].id"]),
        new("overseas body country of three letters", r => r.OverseasBodies[0].Country = "DEU", ["overseas_bodies[0].country"]),
        new("SME flag on a university", r => r.Members.Add(new Member { ActorType = ActorType.University, OrganisationName = "Shizuoka University", Sme = true }), ["members[7].sme"]),
        new("member name over 120 characters", r => r.Members[0].OrganisationName = new string('m', 121), ["members[0].organisation_name"]),
        new("unknown actor type", r => r.Members[5].ActorType = (ActorType)12, ["members[5].actor_type"]),
        new("several faults", r => { r.Title = ""; r.OverseasRegions[0].Country = "Deutschland"; r.Members[6].Sme = true; }, ["title", "overseas_regions[0].country", "members[6].sme"]),
    ];

    public static TheoryData<DatabaseProvider, string> ProviderAndFault()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
            foreach (var fault in RegistrationFaults) data.Add(provider, fault.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ProviderAndFault))]
    public async Task A_registration_with_a_fault_is_refused_naming_its_fields(DatabaseProvider provider, string faultName)
    {
        var fault = RegistrationFaults.Single(f => f.Name == faultName);
        var client = fixture.Client(provider);
        var request = Samples.HamamatsuJena();
        fault.Spoil(request);
        await AssertNothingStored(provider, async () =>
        {
            var refusal = await Refusals.Expect(StatusCode.InvalidArgument, () => client.Register(request, Hamamatsu));
            Refusals.AssertFields(refusal, fault.Fields);
        });
    }

    /// <summary>A malformed change request, the status its project must be in for the change to be possible, and the fields to be named.</summary>
    public sealed record BadChange(string Name, ProjectStatus Needs, Func<ProjectsClient, string, Task> Call, string[] Fields)
    {
        public override string ToString() => Name;
    }

    public static readonly BadChange[] BadChanges =
    [
        new("adopt for FY0", Proposed, (c, id) => c.Adopt(id, 0, Coordinator), ["fiscal_year"]),
        new("adopt for FY2101", Proposed, (c, id) => c.Adopt(id, 2101, Coordinator), ["fiscal_year"]),
        new("continue with a malformed expansion", Active, (c, id) => c.Continue(new ContinueProjectRequest
        {
            ProjectId = id, FiscalYear = 2008,
            ExpandedRegion = new OverseasRegion { Name = "Dresden", Country = "Germany", WorldArea = WorldArea.Europe },
            ExpandedOverseasBody = new Organisation { Id = "Dresden!", Name = "Dresden economic development" },
        }, Coordinator), ["expanded_region.country", "expanded_overseas_body.id"]),
        new("start follow-up without an exchange status", Completed, (c, id) => c.StartFollowUp(id, ExchangeStatus.Unspecified, Hamamatsu), ["exchange_status"]),
        new("start follow-up with an unknown exchange status", Completed, (c, id) => c.StartFollowUp(id, (ExchangeStatus)5, Hamamatsu), ["exchange_status"]),
        new("review without a review", FollowUp, (c, id) => c.Call<RecordFollowUpReviewRequest, V1.Project>("RecordFollowUpReview",
            new RecordFollowUpReviewRequest { ProjectId = id }, Hamamatsu), ["review"]),
        new("review with every field wrong", FollowUp, (c, id) => c.Call<RecordFollowUpReviewRequest, V1.Project>("RecordFollowUpReview",
            new RecordFollowUpReviewRequest { ProjectId = id, Review = new FollowUpReview { Note = new string('n', 2001) } }, Hamamatsu),
            ["review.fiscal_year", "review.exchange_status", "review.note"]),
        new("close without a reason", FollowUp, (c, id) => c.Call<CloseProjectRequest, V1.Project>("CloseProject", new CloseProjectRequest { ProjectId = id }, Coordinator), ["reason"]),
        new("withdraw with a blank reason", Proposed, (c, id) => c.Call<WithdrawProjectRequest, V1.Project>("WithdrawProject",
            new WithdrawProjectRequest { ProjectId = id, Reason = "  " }, Hamamatsu), ["reason"]),
        new("achievement without anything", Active, (c, id) => c.RecordAchievement(new RecordAchievementRequest { ProjectId = id }, Hamamatsu),
            ["achievement_id", "kind", "date", "description"]),
        new("achievement on 30 February", Active, (c, id) => c.RecordAchievement(new RecordAchievementRequest
        {
            ProjectId = id, AchievementId = "mou-1", Kind = AchievementKind.AgreementOrMou,
            Date = new Date { Year = 2008, Month = 2, Day = 30 }, Description = "MoU with Jena", ActivityId = new string('a', 101),
        }, Hamamatsu), ["date", "activity_id"]),
    ];

    public static TheoryData<DatabaseProvider, string> ProviderAndBadChange()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
            foreach (var change in BadChanges) data.Add(provider, change.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ProviderAndBadChange))]
    public async Task A_malformed_change_is_refused_naming_its_fields_and_changes_nothing(DatabaseProvider provider, string changeName)
    {
        var change = BadChanges.Single(c => c.Name == changeName);
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var project = await ProjectStages.Reach(client, change.Needs);
        var refusal = await Refusals.ExpectUnchanged(host, client, project.Id, StatusCode.InvalidArgument, "", () => change.Call(client, project.Id));
        Refusals.AssertFields(refusal, change.Fields);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Project_ids_are_checked_and_unknown_projects_are_not_found(DatabaseProvider provider)
    {
        var client = fixture.Client(provider);
        foreach (var malformed in new[] { "", "not-a-project", "12345" })
        {
            Refusals.AssertFields(await Refusals.Expect(StatusCode.InvalidArgument, () => client.Get(malformed, Coordinator)), "project_id");
            Refusals.AssertFields(await Refusals.Expect(StatusCode.InvalidArgument, () => client.Adopt(malformed, 2007, Coordinator)), "project_id");
        }

        var unknown = Guid.NewGuid().ToString();
        var notFound = await Refusals.Expect(StatusCode.NotFound, () => client.Get(unknown, Coordinator));
        Assert.Contains(unknown, notFound.Status.Detail);
        await Refusals.Expect(StatusCode.NotFound, () => client.Activate(unknown, Coordinator));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Page_sizes_out_of_range_and_forged_page_tokens_are_refused(DatabaseProvider provider)
    {
        var client = fixture.Client(provider);
        foreach (var size in new[] { -1, 501, int.MaxValue })
        {
            var refusal = await Refusals.Expect(StatusCode.InvalidArgument,
                () => client.List(new ListProjectsRequest { Page = new PageRequest { PageSize = size } }, Coordinator));
            Refusals.AssertFields(refusal, "page.page_size");
        }

        var forged = new[]
        {
            "not a token",
            Convert.ToBase64String(Encoding.ASCII.GetBytes("o:-5")),
            Convert.ToBase64String(Encoding.ASCII.GetBytes("o:ten")),
            Convert.ToBase64String(Encoding.ASCII.GetBytes("offset=5")),
        };
        foreach (var token in forged)
        {
            var refusal = await Refusals.Expect(StatusCode.InvalidArgument,
                () => client.List(new ListProjectsRequest { Page = new PageRequest { PageSize = 5, PageToken = token } }, Coordinator));
            Refusals.AssertFields(refusal, "page.page_token");
        }

        // The limits themselves are fine.
        await client.List(new ListProjectsRequest { Page = new PageRequest { PageSize = 500 } }, Coordinator);
        await client.List(new ListProjectsRequest { Page = new PageRequest { PageSize = 1 } }, Coordinator);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Malformed_adoption_rules_are_refused_and_not_stored(DatabaseProvider provider)
    {
        var client = fixture.Client(provider);
        Refusals.AssertFields(await Refusals.Expect(StatusCode.InvalidArgument,
            () => client.Call<SetAdoptionRulesRequest, AdoptionRules>("SetAdoptionRules", new SetAdoptionRulesRequest(), Coordinator)), "rules");

        var refusal = await Refusals.Expect(StatusCode.InvalidArgument, () => client.SetRules(new AdoptionRules
        {
            Programme = (Programme)9, FiscalYear = 1995, MaxSupportedFiscalYears = 11, MinSmeMembers = -1, MinSmeSharePercent = 100.5,
        }, Coordinator));
        Refusals.AssertFields(refusal, "rules.programme", "rules.fiscal_year", "rules.max_supported_fiscal_years", "rules.min_sme_members", "rules.min_sme_share_percent");

        Refusals.AssertFields(await Refusals.Expect(StatusCode.InvalidArgument, () => client.SetRules(new AdoptionRules
        {
            Programme = Programme.RegionalIndustryTieUp, FiscalYear = 2007, MaxSupportedFiscalYears = 3, MinSmeMembers = 5, MinSmeSharePercent = double.NaN,
        }, Coordinator)), "rules.min_sme_share_percent");

        Refusals.AssertFields(await Refusals.Expect(StatusCode.InvalidArgument,
            () => client.Call<GetAdoptionRulesRequest, AdoptionRules>("GetAdoptionRules", new GetAdoptionRulesRequest(), Coordinator)), "programme", "fiscal_year");

        // FY2007 still has the published rules.
        var rules = await client.Call<GetAdoptionRulesRequest, AdoptionRules>("GetAdoptionRules",
            new GetAdoptionRulesRequest { Programme = Programme.RegionalIndustryTieUp, FiscalYear = 2007 }, Coordinator);
        Assert.Equal((3, 5, 66.67), (rules.MaxSupportedFiscalYears, rules.MinSmeMembers, rules.MinSmeSharePercent));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task The_Connect_JSON_endpoint_answers_a_bad_registration_with_HTTP_400_invalid_argument(DatabaseProvider provider)
    {
        var host = fixture.Host(provider);
        using var http = new HttpClient { BaseAddress = host.HttpAddress };
        const string body = """{"requestId": "json-1", "title": "", "sector": 99, "overseasRegions": [{"name": "Jena", "country": "Germany", "worldArea": "WORLD_AREA_EUROPE"}]}""";

        await AssertNothingStored(provider, async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/exchange.projects.v1.Projects/RegisterProject")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("authorization", TestTokens.AuthorizationFor(Role.ImplementationBody, TieUps.Hamamatsu));
            using var response = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("invalid_argument", error.RootElement.GetProperty("code").GetString());
            var message = error.RootElement.GetProperty("message").GetString()!;
            foreach (var field in new[] { "title: ", "sector: has the unknown value 99", "overseas_regions[0].country: ", "domestic_body: ", "planned_period: " })
                Assert.Contains(field, message);
        });
    }

    /// <summary>Runs <paramref name="refusals"/> and asserts that no project and no event was stored meanwhile.</summary>
    private async Task AssertNothingStored(DatabaseProvider provider, Func<Task> refusals)
    {
        var (host, client) = (fixture.Host(provider), fixture.Client(provider));
        var listed = await ListedCount(client);
        var outbox = await host.OutboxCount();
        await refusals();
        Assert.Equal(listed, await ListedCount(client));
        Assert.Equal(outbox, await host.OutboxCount());
    }

    private static async Task<int> ListedCount(ProjectsClient client) =>
        (await client.List(new ListProjectsRequest { Page = new PageRequest { PageSize = 1 } }, Coordinator)).TotalCount;
}
