using Exchange.Claims.V1;
using Exchange.Missions.V1;
using AchievementKind = Exchange.Projects.V1.AchievementKind;

namespace Exchange.Cli.Demo;

/// <summary>
/// What the demo loads beyond the projects themselves (which the Projects service loads from the
/// programme's publications): activities of three real tie-ups with their rosters, claims in every
/// state, a coordinator contract year, and a success-factor round of the interviewed
/// Region-to-Region cases. The people, companies, amounts and answers are illustrative: the
/// sources publish none of them.
/// </summary>
public static class DemoCatalogue
{
    public const string CoordinatorOrganisation = "programme-office";
    public const string HamamatsuBody = "hamamatsu-city";
    public const string JenaPartner = "jena-city";

    /// <summary>Demo projects by key, with their titles as the Projects service loads them.</summary>
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["hamamatsu-jena"] = "Hamamatsu - Jena optical appliances tie-up",
        ["suwa-switzerland"] = "Suwa - Switzerland micromachine tie-up",
        ["iwate-dalian"] = "Iwate - Dalian monozukuri technology tie-up",
        ["fukushima-skane"] = "Fukushima - Skane and Vasterbotten medical and welfare exchange",
        ["suwa-dalian"] = "Suwa - Dalian metal processing exchange",
        ["toyama-milan"] = "Toyama - Milan industrial design exchange",
        ["ishikawa-daegu"] = "Ishikawa - Daegu digital contents exchange",
        ["fukui-lyon"] = "Fukui - Lyon textiles and fashion exchange",
        ["shimane-texas"] = "Shimane - Texas precision machinery exchange",
        ["shimane-austria"] = "Shimane - Austria woody biomass exchange",
        ["iizuka-silicon-valley"] = "Iizuka - Silicon Valley ICT exchange",
        ["nagasaki-sichuan"] = "Nagasaki - Sichuan environment, agriculture and biotechnology exchange",
        ["nagasaki-daejeon"] = "Nagasaki - Daejeon IT exchange",
    };

    public static readonly int[] FiscalYears = [2007, 2008];

    /// <summary>Yen per unit from a date on: illustrative rates of the time.</summary>
    public static readonly (string Currency, DateOnly From, string Rate)[] ExchangeRates =
    [
        ("EUR", new(2007, 4, 1), "162.50"),
        ("EUR", new(2008, 4, 1), "158.20"),
        ("CHF", new(2008, 4, 1), "101.40"),
        ("CNY", new(2008, 4, 1), "14.60"),
    ];

    /// <summary>Budgets of the years claims are made in: programme share per tool in yen; the own share is 60 % of it (above the third of the total the rules ask).</summary>
    public static readonly (string Project, int FiscalYear, (SupportTool Tool, long Programme)[] Lines, long Coordinators)[] Budgets =
    [
        ("hamamatsu-jena", 2007, [(SupportTool.PartnerInvitation, 2_500_000), (SupportTool.WorkshopInJapan, 800_000)], 0),
        ("hamamatsu-jena", 2008, [(SupportTool.OverseasMission, 3_000_000), (SupportTool.WorkshopInJapan, 1_000_000)], 3_200_000),
        ("suwa-switzerland", 2008, [(SupportTool.SurveyWithBusinessTrip, 1_200_000), (SupportTool.ExpertInvitation, 1_500_000)], 0),
        ("iwate-dalian", 2008, [(SupportTool.OverseasMission, 2_000_000), (SupportTool.BasicSurveyOverseas, 1_500_000)], 0),
    ];

    private static PersonInput Person(string name, string organisation, string country, OrganisationKind kind, string role, Funding funding = Funding.Programme) => new()
    {
        Name = name,
        Role = role,
        Country = country,
        Funding = funding,
        Organisation = new OrganisationRef { Name = organisation, Country = country, Kind = kind },
    };

    private static Place At(string name, string country) => new() { Name = name, Country = country };

    public static readonly DemoActivity[] Activities =
    [
        new("hamamatsu-jena-partner-invitation-fy2007", "hamamatsu-jena", SupportTool.PartnerInvitation,
            "Invitation of Jena optics companies to Hamamatsu", "Detailed business meetings on optical components with Hamamatsu suppliers",
            new(2007, 10, 15), new(2007, 10, 19), [At("Hamamatsu", "JP")],
            [
                Person("Anna Weber", "Jena Optical Systems", "DE", OrganisationKind.Company, "head of purchasing"),
                Person("Lukas Schmidt", "Jena Optical Systems", "DE", OrganisationKind.Company, "engineer"),
                Person("Miriam Koch", "Thuringia Photonics", "DE", OrganisationKind.Company, "managing director"),
                Person("Jonas Becker", "Thuringia Photonics", "DE", OrganisationKind.Company, "sales manager", Funding.PrivateExpense),
            ],
            ActivityStatus.Completed, ClaimStatus.Paid,
            c =>
            [
                c.Person("travel-weber", "travel", "Anna Weber", "Flight Frankfurt - Nagoya and back", "1450.00", "EUR", new(2007, 10, 1)),
                c.Person("travel-schmidt", "travel", "Lukas Schmidt", "Flight Frankfurt - Nagoya and back", "1450.00", "EUR", new(2007, 10, 1)),
                c.Person("travel-koch", "travel", "Miriam Koch", "Flight Berlin - Nagoya and back", "1520.00", "EUR", new(2007, 10, 2)),
                c.Person("stay-weber", "stay", "Anna Weber", "Hotel in Hamamatsu, 4 nights", "56000", "JPY", new(2007, 10, 19)),
                c.Person("stay-schmidt", "stay", "Lukas Schmidt", "Hotel in Hamamatsu, 4 nights", "56000", "JPY", new(2007, 10, 19)),
                c.Person("stay-koch", "stay", "Miriam Koch", "Hotel in Hamamatsu, 4 nights", "56000", "JPY", new(2007, 10, 19)),
                c.Event("interpretation", "interpretation", "German - Japanese interpreters, 5 days", "300000", "JPY", new(2007, 10, 19)),
                c.Event("meetings", "meeting_arrangement", "Arranging meetings with 12 Hamamatsu suppliers", "180000", "JPY", new(2007, 10, 12)),
            ],
            ByBody: true)
        {
            Meetings =
            [
                new("Hamamatsu Precision Optics", "JP", OrganisationKind.Company, new(2007, 10, 16), "Supply of aspheric lenses", MeetingResult.Negotiation),
                new("Enshu Lens Works", "JP", OrganisationKind.Company, new(2007, 10, 17), "Joint coating process", MeetingResult.FollowUpAgreed),
            ],
        },
        new("hamamatsu-jena-workshop-fy2007", "hamamatsu-jena", SupportTool.WorkshopInJapan,
            "Workshop on the Jena optics cluster", "Lecturers brief Hamamatsu companies on the partner region",
            new(2008, 2, 20), new(2008, 2, 20), [At("Hamamatsu", "JP")],
            [Person("Martin Vogel", "University of Jena", "DE", OrganisationKind.UniversityOrResearch, "lecturer")],
            ActivityStatus.Completed, ClaimStatus.Approved,
            c =>
            [
                c.Event("venue", "venue", "Conference room, Act City Hamamatsu", "180000", "JPY", new(2008, 2, 20)),
                c.Person("fee-vogel", "lecturer_fee", "Martin Vogel", "Lecture on the Jena optics cluster", "50000", "JPY", new(2008, 2, 20)),
                c.Person("travel-vogel", "travel", "Martin Vogel", "Flight Frankfurt - Nagoya and back", "1200.00", "EUR", new(2008, 2, 1)),
                c.Person("stay-vogel", "stay", "Martin Vogel", "Hotel in Hamamatsu, 1 night", "18000", "JPY", new(2008, 2, 20)),
                c.Event("interpretation", "interpretation", "Interpreter for the day", "75000", "JPY", new(2008, 2, 20)),
            ],
            ByBody: true),
        new("hamamatsu-jena-mission-fy2008", "hamamatsu-jena", SupportTool.OverseasMission,
            "Mission of Hamamatsu optics companies to Jena", "Business meetings with Jena optics companies and a visit to the Optonet cluster",
            new(2008, 6, 9), new(2008, 6, 13), [At("Jena", "DE")],
            [
                Person("Hiroshi Tanaka", "Hamamatsu Industrial Promotion Institute", "JP", OrganisationKind.SupportOrganisation, "expert"),
                Person("Yuki Suzuki", "Yuki Suzuki", "JP", OrganisationKind.IndividualExpert, "interpreter"),
                Person("Takeshi Yamamoto", "Hamamatsu Precision Optics", "JP", OrganisationKind.Company, "company president", Funding.PrivateExpense),
                Person("Naoko Ito", "Enshu Lens Works", "JP", OrganisationKind.Company, "engineer", Funding.PrivateExpense),
                Person("Kenta Kobayashi", "Hamamatsu Laser Devices", "JP", OrganisationKind.Company, "sales manager", Funding.PrivateExpense),
            ],
            ActivityStatus.Completed, ClaimStatus.Submitted,
            c =>
            [
                c.Person("travel-tanaka", "travel", "Hiroshi Tanaka", "Flight Nagoya - Frankfurt and back", "320000", "JPY", new(2008, 5, 20)),
                c.Person("travel-suzuki", "travel", "Yuki Suzuki", "Flight Nagoya - Frankfurt and back", "320000", "JPY", new(2008, 5, 20)),
                c.Person("stay-tanaka", "stay", "Hiroshi Tanaka", "Hotel in Jena, 4 nights", "520.00", "EUR", new(2008, 6, 13)),
                c.Person("stay-suzuki", "stay", "Yuki Suzuki", "Hotel in Jena, 4 nights", "520.00", "EUR", new(2008, 6, 13)),
                c.Event("transport", "local_transport", "Minibus Jena - Erfurt - Jena", "240.00", "EUR", new(2008, 6, 11)),
                c.Event("meetings", "meeting_arrangement", "Arranging meetings with 9 Jena companies", "1500.00", "EUR", new(2008, 6, 2)),
            ],
            ByBody: true)
        {
            Meetings = [new("Jena Optical Systems", "DE", OrganisationKind.Company, new(2008, 6, 10), "Supply agreement for lens modules", MeetingResult.Contract)],
            Outcome = new("demo-hamamatsu-jena-supply-contract", AchievementKind.DevelopmentContract, new(2008, 9, 1),
                "Hamamatsu Precision Optics and Jena Optical Systems sign a development contract for lens modules"),
        },
        new("suwa-switzerland-business-trip-fy2008", "suwa-switzerland", SupportTool.SurveyWithBusinessTrip,
            "Survey of Swiss micro-technology partners", "An expert looks for partners in Neuchatel and the Jura arc",
            new(2008, 7, 7), new(2008, 7, 11), [At("Neuchatel", "CH")],
            [Person("Masaru Kobayashi", "Masaru Kobayashi", "JP", OrganisationKind.IndividualExpert, "expert")],
            ActivityStatus.Completed, ClaimStatus.Draft,
            c =>
            [
                c.Person("travel-kobayashi", "travel", "Masaru Kobayashi", "Flight Tokyo - Zurich and back", "380000", "JPY", new(2008, 6, 20)),
                c.Person("stay-kobayashi", "stay", "Masaru Kobayashi", "Hotel in Neuchatel, 4 nights", "840.00", "CHF", new(2008, 7, 11)),
                c.Event("transport", "local_transport", "Rail pass, Jura arc", "300.00", "CHF", new(2008, 7, 7)),
            ]),
        new("suwa-switzerland-expert-invitation-fy2008", "suwa-switzerland", SupportTool.ExpertInvitation,
            "Invitation of a Swiss micro-technology expert to Suwa", "Seminar on micro-assembly for Suwa companies",
            new(2009, 2, 16), new(2009, 2, 18), [At("Suwa", "JP")],
            [Person("Beat Muller", "Swiss micro-technology partners", "CH", OrganisationKind.SupportOrganisation, "lecturer")],
            ActivityStatus.Planned),
        new("iwate-dalian-mission-fy2008", "iwate-dalian", SupportTool.OverseasMission,
            "Mission of Iwate companies to Dalian", "Business meetings on moulds and dies with Dalian manufacturers",
            new(2008, 11, 10), new(2008, 11, 14), [At("Dalian", "CN")],
            [
                Person("Satoshi Abe", "Iwate Industrial Research Institute", "JP", OrganisationKind.UniversityOrResearch, "expert"),
                Person("Li Wei", "Li Wei", "CN", OrganisationKind.IndividualExpert, "interpreter"),
                Person("Kazuo Sasaki", "Kitakami Mould Works", "JP", OrganisationKind.Company, "company president", Funding.PrivateExpense),
                Person("Ayumi Kudo", "Morioka Precision", "JP", OrganisationKind.Company, "engineer", Funding.PrivateExpense),
                Person("Ryo Chiba", "Hanamaki Die Casting", "JP", OrganisationKind.Company, "sales manager", Funding.PrivateExpense),
            ],
            ActivityStatus.Completed, ClaimStatus.UnderReview,
            c =>
            [
                c.Person("travel-abe", "travel", "Satoshi Abe", "Flight Sendai - Dalian and back", "150000", "JPY", new(2008, 10, 25)),
                c.Person("travel-li", "travel", "Li Wei", "Train Shenyang - Dalian and back", "600.00", "CNY", new(2008, 11, 10)),
                c.Person("stay-abe", "stay", "Satoshi Abe", "Hotel in Dalian, 4 nights", "2400.00", "CNY", new(2008, 11, 14)),
                c.Event("transport", "local_transport", "Car hire, 5 days", "1800.00", "CNY", new(2008, 11, 14)),
                c.Event("meetings", "meeting_arrangement", "Arranging meetings with Dalian manufacturers", "120000", "JPY", new(2008, 11, 1)),
            ]),
        new("iwate-dalian-basic-survey-fy2008", "iwate-dalian", SupportTool.BasicSurveyOverseas,
            "Basic survey of Dalian's mould and die industry", "Survey of target industries and companies by the overseas office",
            new(2008, 5, 12), new(2008, 6, 30), [At("Dalian", "CN")], [],
            ActivityStatus.Confirmed),
    ];

    /// <summary>The coordinator contracts of Hamamatsu - Jena in FY2008, and how far their invoices went.</summary>
    public static readonly DemoContract[] Contracts =
    [
        new("hamamatsu-jena-fy2008-japan", "hamamatsu-jena", 2008, CoordinatorSide.Japan, "Kenji Sato", "Hamamatsu Industrial Promotion Institute", "JP",
            1_200_000, 300_000, "JPY", "100000", "20000", InvoicedMonths: 12, ApprovedMonths: 12, PaidMonths: 11),
        new("hamamatsu-jena-fy2008-overseas", "hamamatsu-jena", 2008, CoordinatorSide.Overseas, "Claudia Fischer", "Jena economic development", "DE",
            1_200_000, 400_000, "EUR", "600.00", "150.00", InvoicedMonths: 9, ApprovedMonths: 8, PaidMonths: 7),
    ];

    public const string SurveyRequestId = "demo-success-factor-fy2008";
    public const int SurveyFiscalYear = 2008;

    /// <summary>The interviewed Region-to-Region cases: asked in the round; those with answers responded.</summary>
    public static readonly (string Project, DemoAnswers? Answers)[] SurveyTargets =
    [
        ("fukushima-skane", new(["revitalise-industry", "upgrade-technology"], ["joint-development", "technical-exchange"], ["advanced-technology-cluster", "need-for-our-technology"],
            ["prefectural-government", "universities", "regional-companies"], "sufficiently", "during", ["joint-development", "agreement"], "continuing-own-budget", ["communication", "fundraising"], [4, 4, 3, 4, 5, 3, 4, 5])),
        ("suwa-dalian", new(["overseas-market", "existing-exchange"], ["new-sales-channels", "investment"], ["supplementing-cluster", "existing-exchange"],
            ["city-government", "regional-companies", "associations"], "sufficiently", "during", ["overseas-base", "sales-channel"], "continuing-own-budget", ["partner-needs"], [4, 5, 4, 5, 3, 4, 4, 5])),
        ("toyama-milan", new(["revitalise-industry"], ["new-sales-channels", "human-exchange"], ["design-ability", "brand-image"],
            ["prefectural-government", "regional-companies"], "to-an-extent", "after", ["trade-fair", "sales-channel"], "continuing-reduced", ["communication", "recruiting-participants"], [3, 3, 4, 3, 2, 3, 3, 4])),
        ("ishikawa-daegu", new(["overseas-market"], ["technical-exchange"], ["same-field-cluster"],
            ["prefectural-government", "chambers"], "to-an-extent", "not-yet", [], "ceased", ["momentum", "socio-economic-change"], [2, 3, 2, 2, 3, 2, 2, 1])),
        ("fukui-lyon", new(["revitalise-industry", "regional-policy"], ["new-sales-channels"], ["same-field-cluster", "brand-image"],
            ["prefectural-government", "associations", "regional-companies"], "sufficiently", "during", ["trade-fair", "agreement"], "continuing-reduced", ["publicity"], [4, 4, 4, 3, 3, 4, 3, 3])),
        ("shimane-texas", new(["upgrade-technology"], ["technical-exchange", "joint-development"], ["advanced-technology-cluster"],
            ["prefectural-government", "universities"], "sufficiently", "after", ["technology-transfer"], "continuing-own-budget", ["know-how-people"], [5, 4, 3, 4, 4, 4, 5, 4])),
        ("iizuka-silicon-valley", new(["upgrade-technology", "overseas-market"], ["technical-exchange", "investment"], ["advanced-technology-cluster", "management-know-how"],
            ["city-government", "universities", "regional-companies"], "sufficiently", "during", ["joint-venture", "consortium"], "continuing-own-budget", ["none"], [5, 5, 5, 4, 5, 4, 4, 5])),
        ("shimane-austria", null),
        ("nagasaki-sichuan", null),
        ("nagasaki-daejeon", null),
    ];
}

/// <summary>One coordinator contract of the demo and how many of its months are invoiced, approved and paid (from April on).</summary>
public sealed record DemoContract(
    string Key, string ProjectKey, int FiscalYear, CoordinatorSide Side, string Coordinator, string Organisation, string Country,
    long CommissionFeeYen, long TravelBudgetYen, string InvoiceCurrency, string MonthlyCommission, string MonthlyTravel,
    int InvoicedMonths, int ApprovedMonths, int PaidMonths)
{
    public string RequestId => $"demo-contract-{Key}";
}
