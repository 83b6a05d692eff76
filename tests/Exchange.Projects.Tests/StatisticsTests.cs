using Exchange.Common.V1;
using Exchange.Messaging.Persistence;
using Exchange.Projects.Tests.Infrastructure;
using Exchange.Projects.V1;

namespace Exchange.Projects.Tests;

/// <summary>
/// The programme's tables and the project search, over the demo data: the ten interviewed
/// Region-to-Region cases and the nineteen Regional Industry Tie-up projects of FY2007-FY2008.
/// Every expected number below was counted by hand from the published project list.
/// </summary>
[Collection(ProjectsCollection.Name)]
public sealed class StatisticsTests(ProjectsFixture fixture, DemoHosts demo) : IClassFixture<DemoHosts>
{
    private static readonly Caller Coordinator = Caller.Coordinator;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Only_projects_adopted_at_least_once_are_counted(DatabaseProvider provider)
    {
        var client = fixture.Client(provider);
        var before = await client.Statistics(Programme.Unspecified, Coordinator);

        var proposal = await client.Register(Samples.HamamatsuJena(), TieUps.HamamatsuBody);
        Assert.Equal(before.ProjectCount, (await client.Statistics(Programme.Unspecified, Coordinator)).ProjectCount);

        await client.Adopt(proposal.Id, 2007, Coordinator);
        Assert.Equal(before.ProjectCount + 1, (await client.Statistics(Programme.Unspecified, Coordinator)).ProjectCount);
        Assert.Equal(before.ProjectCount + 1, (await client.Statistics(Programme.RegionalIndustryTieUp, Coordinator)).ProjectCount
            + (await client.Statistics(Programme.RegionToRegion, Coordinator)).ProjectCount);
    }

    [Fact]
    public async Task The_tie_up_programme_has_its_published_numbers()
    {
        var statistics = await demo.Client(DatabaseProvider.Sqlite).Statistics(Programme.RegionalIndustryTieUp, Coordinator);

        Assert.Equal(19, statistics.ProjectCount);
        // FY2007: 11 adopted; FY2008: 8 new, the 11 continued, one of them (Chiba) expanded to Dusseldorf.
        Assert.Equal(
            [new FiscalYearCounts { FiscalYear = 2007, Adopted = 11 }, new FiscalYearCounts { FiscalYear = 2008, Adopted = 8, Continued = 11, Expanded = 1 }],
            statistics.PerFiscalYear);

        Assert.Equal(Cells(
            ("Kanto", "MetalMechanical", 3), // Saitama, Hamamatsu, Suwa
            ("Kanto", "ContentsDesign", 1), // Nerima
            ("Kanto", "Biotechnology", 1), // Chiba
            ("Kanto", "Environment", 1), // Ibaraki
            ("Chubu", "MedicalWelfare", 2), // Toyama, Mie
            ("Chubu", "It", 1), // Ishikawa
            ("Kinki", "Food", 1), // Osaka
            ("Kinki", "MetalMechanical", 1), // East Osaka
            ("Kinki", "Biotechnology", 1), // North Osaka
            ("Kinki", "Environment", 1), // Kansai Science City
            ("Shikoku", "Biotechnology", 1), // Kagawa
            ("Chugoku", "MetalMechanical", 1), // Hiroshima
            ("Tohoku", "MetalMechanical", 1), // Iwate
            ("Kyushu", "Environment", 1), // Kyushu
            ("Kyushu", "It", 2)), // Fukuoka, Kitakyushu
            Cells(statistics.ByBureauAndSector));

        // A project counts once per country: Kagawa's two French regions once, Chiba in GB and DE.
        Assert.Equal(Cells(
            ("CN", "", 5), ("CH", "", 3), ("DE", "", 3), ("FR", "", 3),
            ("GB", "", 1), ("IN", "", 1), ("NL", "", 1), ("TW", "", 1), ("US", "", 1), ("VN", "", 1)),
            Cells(statistics.ByCountry));
    }

    [Fact]
    public async Task Both_programmes_together_count_every_adopted_project()
    {
        var statistics = await demo.Client(DatabaseProvider.Sqlite).Statistics(Programme.Unspecified, Coordinator);

        Assert.Equal(29, statistics.ProjectCount);
        Assert.Equal(
        [
            Year(1997, adopted: 1), // Nagasaki - Sichuan
            Year(1998, adopted: 1), // Iizuka - Silicon Valley
            Year(1999, continued: 1),
            Year(2000, continued: 1),
            Year(2001, adopted: 1, continued: 1), // Fukui - Lyon
            Year(2002, adopted: 2, continued: 2), // Toyama - Milan, Nagasaki - Daejeon
            Year(2003, adopted: 2, continued: 3), // Fukushima - Skane, Ishikawa - Daegu
            Year(2004, adopted: 3, continued: 3), // Suwa - Dalian, Shimane - Texas, Shimane - Austria
            Year(2005, continued: 6),
            Year(2006, continued: 4),
            Year(2007, adopted: 11, continued: 1), // Shimane - Texas ran into FY2007
            Year(2008, adopted: 8, continued: 11, expanded: 1),
        ], statistics.PerFiscalYear);

        Assert.Equal(Cells(
            ("Kanto", "MetalMechanical", 4), ("Kanto", "ContentsDesign", 1), ("Kanto", "Biotechnology", 1), ("Kanto", "Environment", 1),
            ("Chubu", "MedicalWelfare", 2), ("Chubu", "It", 1), ("Chubu", "ContentsDesign", 2),
            ("Kinki", "Food", 1), ("Kinki", "MetalMechanical", 1), ("Kinki", "Biotechnology", 1), ("Kinki", "Environment", 1), ("Kinki", "TextilesFashion", 1),
            ("Shikoku", "Biotechnology", 1),
            ("Chugoku", "MetalMechanical", 2), ("Chugoku", "Environment", 1),
            ("Tohoku", "MetalMechanical", 1), ("Tohoku", "MedicalWelfare", 1),
            ("Kyushu", "Environment", 2), ("Kyushu", "It", 4)),
            Cells(statistics.ByBureauAndSector));

        Assert.Equal(Cells(
            ("CN", "", 7), ("FR", "", 4), ("CH", "", 3), ("DE", "", 3), ("US", "", 3), ("KR", "", 2),
            ("AT", "", 1), ("GB", "", 1), ("IN", "", 1), ("IT", "", 1), ("NL", "", 1), ("SE", "", 1), ("TW", "", 1), ("VN", "", 1)),
            Cells(statistics.ByCountry));
        Assert.Equal(["CN", "FR"], statistics.ByCountry.Take(2).Select(c => c.Row));
    }

    [Fact]
    public async Task Achievements_are_counted_by_when_they_came()
    {
        var client = demo.Client(DatabaseProvider.Sqlite);
        var before = await client.Statistics(Programme.RegionalIndustryTieUp, Coordinator);
        Assert.Equal(Cells(("FIRST_ACHIEVEMENT_OF_PROJECT", "NotYet", 19)), Cells(before.AchievementsByTiming));

        var projects = await ListAll(client, new ListProjectsRequest());
        string Id(string title) => projects.Single(p => p.Title.StartsWith(title, StringComparison.Ordinal)).Id;

        // Hamamatsu - Jena (supported FY2007-FY2008): a trade fair, then its first joint venture, both during support.
        await Record(client, Id("Hamamatsu - Jena"), "fair-1", AchievementKind.TradeFair, new DateOnly(2007, 10, 1), TieUps.HamamatsuBody);
        await Record(client, Id("Hamamatsu - Jena"), "jv-1", AchievementKind.JointVenture, new DateOnly(2008, 6, 1), TieUps.JenaPartner);
        // Suwa - Switzerland: an agreement after support ended (FY2008 ended on 2009-03-31).
        await Record(client, Id("Suwa - Switzerland"), "mou-1", AchievementKind.AgreementOrMou, new DateOnly(2010, 5, 20), Coordinator);
        // Suwa - Dalian (Region-to-Region, FY2004-FY2006): exports after support; not a tie-up project.
        await Record(client, Id("Suwa - Dalian"), "export-1", AchievementKind.NewSalesChannelOrExport, new DateOnly(2009, 7, 1), Coordinator);

        var tieUp = await client.Statistics(Programme.RegionalIndustryTieUp, Coordinator);
        Assert.Equal(Cells(
            ("AgreementOrMou", "AfterSupport", 1),
            ("JointVenture", "DuringSupport", 1),
            ("TradeFair", "DuringSupport", 1),
            ("FIRST_ACHIEVEMENT_OF_PROJECT", "AfterSupport", 1),
            ("FIRST_ACHIEVEMENT_OF_PROJECT", "DuringSupport", 1),
            ("FIRST_ACHIEVEMENT_OF_PROJECT", "NotYet", 17)),
            Cells(tieUp.AchievementsByTiming));

        var all = await client.Statistics(Programme.Unspecified, Coordinator);
        Assert.Equal(Cells(
            ("AgreementOrMou", "AfterSupport", 1),
            ("JointVenture", "DuringSupport", 1),
            ("NewSalesChannelOrExport", "AfterSupport", 1),
            ("TradeFair", "DuringSupport", 1),
            ("FIRST_ACHIEVEMENT_OF_PROJECT", "AfterSupport", 2),
            ("FIRST_ACHIEVEMENT_OF_PROJECT", "DuringSupport", 1),
            ("FIRST_ACHIEVEMENT_OF_PROJECT", "NotYet", 26)),
            Cells(all.AchievementsByTiming));
    }

    /// <summary>A search, how many demo projects it finds, and what each found project must show.</summary>
    public sealed record Search(string Name, ListProjectsRequest Request, int Expected, Func<V1.Project, bool> Matches)
    {
        public override string ToString() => Name;
    }

    public static readonly Search[] Searches =
    [
        new("bureau Kanto", new() { Bureau = RegionalBureau.Kanto }, 7, p => p.DomesticRegion.Bureau == RegionalBureau.Kanto),
        new("bureau Kinki", new() { Bureau = RegionalBureau.Kinki }, 5, p => p.DomesticRegion.Bureau == RegionalBureau.Kinki),
        new("bureau Kyushu", new() { Bureau = RegionalBureau.Kyushu }, 6, p => p.DomesticRegion.Bureau == RegionalBureau.Kyushu),
        new("bureau Hokkaido", new() { Bureau = RegionalBureau.Hokkaido }, 0, _ => false),
        new("prefecture Osaka", new() { Prefecture = "Osaka" }, 3, p => p.DomesticRegion.Prefecture == "Osaka"),
        new("prefecture nagano, any case", new() { Prefecture = "nagano" }, 2, p => p.DomesticRegion.Prefecture == "Nagano"),
        new("prefecture Fukuoka", new() { Prefecture = "Fukuoka" }, 3, p => p.DomesticRegion.Prefecture == "Fukuoka"),
        new("country CN", new() { Country = "CN" }, 7, p => p.OverseasRegions.Any(r => r.Country == "CN")),
        new("country de, expansion included", new() { Country = "de" }, 3, p => p.OverseasRegions.Any(r => r.Country == "DE")),
        new("country JP", new() { Country = "JP" }, 0, _ => false),
        new("world area Europe", new() { WorldArea = WorldArea.Europe }, 14, p => p.OverseasRegions.Any(r => r.WorldArea == WorldArea.Europe)),
        new("world area North America", new() { WorldArea = WorldArea.NorthAmerica }, 3, p => p.OverseasRegions.Any(r => r.WorldArea == WorldArea.NorthAmerica)),
        new("world area Asia", new() { WorldArea = WorldArea.Asia }, 12, p => p.OverseasRegions.Any(r => r.WorldArea == WorldArea.Asia)),
        new("world area Oceania", new() { WorldArea = WorldArea.Oceania }, 0, _ => false),
        new("sector metal and mechanical", new() { Sector = Sector.MetalMechanical }, 8, p => p.Sector == Sector.MetalMechanical),
        new("sector IT", new() { Sector = Sector.It }, 5, p => p.Sector == Sector.It),
        new("sector tourism", new() { Sector = Sector.Tourism }, 0, _ => false),
        new("programme tie-up", new() { Programme = Programme.RegionalIndustryTieUp }, 19, p => p.Programme == Programme.RegionalIndustryTieUp),
        new("programme region-to-region", new() { Programme = Programme.RegionToRegion }, 10, p => p.Programme == Programme.RegionToRegion),
        new("status active", new() { Status = ProjectStatus.Active }, 19, p => p.Status == ProjectStatus.Active),
        new("status follow-up", new() { Status = ProjectStatus.FollowUp }, 10, p => p.Status == ProjectStatus.FollowUp),
        new("status proposed", new() { Status = ProjectStatus.Proposed }, 0, _ => false),
        new("active in FY2008", new() { ActiveInFiscalYear = 2008 }, 19, p => p.SupportedFiscalYears.Contains(2008)),
        new("active in FY2007", new() { ActiveInFiscalYear = 2007 }, 12, p => p.SupportedFiscalYears.Contains(2007)),
        new("active in FY2004", new() { ActiveInFiscalYear = 2004 }, 6, p => p.SupportedFiscalYears.Contains(2004)),
        new("active in FY1997", new() { ActiveInFiscalYear = 1997 }, 1, p => p.SupportedFiscalYears.Contains(1997)),
        new("active in FY2009", new() { ActiveInFiscalYear = 2009 }, 0, _ => false),
        new("text dalian", new() { Text = "dalian" }, 3, p => p.Title.Contains("Dalian", StringComparison.Ordinal)),
        new("text SWITZERLAND", new() { Text = "SWITZERLAND" }, 3, p => p.Title.Contains("Switzerland", StringComparison.Ordinal)),
        new("text with a wildcard", new() { Text = "%" }, 0, _ => false),
        new("tie-up in China", new() { Programme = Programme.RegionalIndustryTieUp, Country = "CN" }, 5, p => p.Programme == Programme.RegionalIndustryTieUp && p.OverseasRegions.Any(r => r.Country == "CN")),
        new("environment in FY2008", new() { Sector = Sector.Environment, ActiveInFiscalYear = 2008 }, 3, p => p.Sector == Sector.Environment && p.SupportedFiscalYears.Contains(2008)),
        new("biotechnology in Osaka, Kinki", new() { Bureau = RegionalBureau.Kinki, Prefecture = "Osaka", Sector = Sector.Biotechnology }, 1, p => p.Title.StartsWith("Kansai/North Osaka", StringComparison.Ordinal)),
    ];

    public static TheoryData<DatabaseProvider, string> ProviderAndSearch()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
            foreach (var search in Searches) data.Add(provider, search.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(ProviderAndSearch))]
    public async Task Each_filter_finds_the_demo_projects_it_should(DatabaseProvider provider, string searchName)
    {
        var search = Searches.Single(s => s.Name == searchName);
        var found = await ListAll(demo.Client(provider), search.Request.Clone());
        Assert.All(found, p => Assert.True(search.Matches(p), $"{p.Title} does not match {search.Name}"));
        Assert.Equal(search.Expected, found.Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Pages_of_five_walk_every_project_once_in_order(DatabaseProvider provider)
    {
        var client = demo.Client(provider);
        foreach (var (search, total, pageSizes) in new[]
        {
            (new ListProjectsRequest(), 29, new[] { 5, 5, 5, 5, 5, 4 }),
            (new ListProjectsRequest { Programme = Programme.RegionalIndustryTieUp }, 19, new[] { 5, 5, 5, 4 }),
        })
        {
            var all = await ListAll(client, search.Clone());
            var pages = new List<ListProjectsResponse>();
            var token = "";
            do
            {
                var request = search.Clone();
                request.Page = new PageRequest { PageSize = 5, PageToken = token };
                var page = await client.List(request, Coordinator);
                pages.Add(page);
                token = page.NextPageToken;
                Assert.True(pages.Count <= 10, "paging does not end");
            }
            while (token.Length > 0);

            Assert.Equal(pageSizes, pages.Select(p => p.Projects.Count));
            Assert.All(pages, p => Assert.Equal(total, p.TotalCount));
            var walked = pages.SelectMany(p => p.Projects).Select(p => p.Id).ToList();
            Assert.Equal(walked.Count, walked.Distinct().Count());
            Assert.Equal(all.Select(p => p.Id), walked);
        }
    }

    private static async Task<List<V1.Project>> ListAll(ProjectsClient client, ListProjectsRequest request)
    {
        request.Page = new PageRequest { PageSize = 500 };
        var response = await client.List(request, Coordinator);
        Assert.Equal(response.TotalCount, response.Projects.Count);
        Assert.Empty(response.NextPageToken);
        return [.. response.Projects];
    }

    private static Task<V1.Project> Record(ProjectsClient client, string projectId, string id, AchievementKind kind, DateOnly date, Caller caller) =>
        client.RecordAchievement(new RecordAchievementRequest
        {
            ProjectId = projectId, AchievementId = id, Kind = kind,
            Date = new Date { Year = date.Year, Month = date.Month, Day = date.Day }, Description = $"{kind} of the demo tie-up",
        }, caller);

    private static FiscalYearCounts Year(int year, int adopted = 0, int continued = 0, int expanded = 0) =>
        new() { FiscalYear = year, Adopted = adopted, Continued = continued, Expanded = expanded };

    private static List<(string Row, string Column, int Count)> Cells(params (string Row, string Column, int Count)[] cells) =>
        [.. cells.OrderBy(c => c.Row, StringComparer.Ordinal).ThenBy(c => c.Column, StringComparer.Ordinal)];

    private static List<(string Row, string Column, int Count)> Cells(IEnumerable<CountCell> cells) =>
        Cells(cells.Select(c => (c.Row, c.Column, c.Count)).ToArray());
}
