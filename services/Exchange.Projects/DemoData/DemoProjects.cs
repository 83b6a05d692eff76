using Exchange.Common.V1;
using Exchange.Projects.Model;
using Exchange.Projects.V1;

namespace Exchange.Projects.DemoData;

/// <summary>
/// Real tie-ups from the programme's published descriptions: the interviewed Region-to-Region
/// cases and the Regional Industry Tie-up projects of 2008. Regions, countries, themes and fiscal
/// years are as published; member lists are not published, so each project carries an
/// illustrative membership that satisfies its programme's adoption rules.
/// </summary>
public static class DemoProjects
{
    public sealed record Demo(
        string Key,
        Programme Programme,
        string Title,
        DomesticRegionValue Region,
        Party DomesticBody,
        OverseasRegionValue[] OverseasRegions,
        Party[] OverseasBodies,
        Common.V1.Sector Sector,
        string Theme,
        int[] SupportedYears,
        ProjectStatus FinalStatus,
        OverseasRegionValue? ExpandedRegion = null,
        Party? ExpandedBody = null);

    private static OverseasRegionValue Eu(string name, string country) => new(name, country, WorldArea.Europe);

    private static OverseasRegionValue As(string name, string country) => new(name, country, WorldArea.Asia);

    private static OverseasRegionValue Na(string name, string country) => new(name, country, WorldArea.NorthAmerica);

    private static DomesticRegionValue Jp(string name, string prefecture, RegionalBureau bureau) => new(name, prefecture, bureau);

    private static Party Body(string id, string name, string country) => new(id, name, country);

    private static Demo R2R(string key, string title, DomesticRegionValue region, Party body, OverseasRegionValue[] overseas, Party partner, Common.V1.Sector sector, string theme, int first, int last) =>
        new(key, Programme.RegionToRegion, title, region, body, overseas, [partner], sector, theme, Enumerable.Range(first, last - first + 1).ToArray(), ProjectStatus.FollowUp);

    private static Demo Rit(string key, string title, DomesticRegionValue region, Party body, OverseasRegionValue[] overseas, Party partner, Common.V1.Sector sector, string theme, int adopted) =>
        new(key, Programme.RegionalIndustryTieUp, title, region, body, overseas, [partner], sector, theme,
            adopted == 2007 ? [2007, 2008] : [2008], ProjectStatus.Active);

    public static IReadOnlyList<Demo> All { get; } =
    [
        // Region-to-Region project: the interviewed cases.
        R2R("fukushima-skane", "Fukushima - Skane and Vasterbotten medical and welfare exchange", Jp("Fukushima Prefecture", "Fukushima", RegionalBureau.Tohoku), Body("fukushima-pref", "Fukushima Prefecture", "JP"),
            [Eu("Skane", "SE"), Eu("Vasterbotten", "SE")], Body("skane-region", "Region Skane", "SE"), Common.V1.Sector.MedicalWelfare, "Medical and welfare equipment", 2003, 2006),
        R2R("suwa-dalian", "Suwa - Dalian metal processing exchange", Jp("Suwa city", "Nagano", RegionalBureau.Kanto), Body("suwa-dalian-association", "Suwa Dalian Association", "JP"),
            [As("Dalian", "CN")], Body("dalian-city", "Dalian Municipal Government", "CN"), Common.V1.Sector.MetalMechanical, "Metal processing", 2004, 2006),
        R2R("toyama-milan", "Toyama - Milan industrial design exchange", Jp("Toyama Prefecture", "Toyama", RegionalBureau.Chubu), Body("toyama-pref", "Toyama Prefecture", "JP"),
            [Eu("Milan", "IT")], Body("milan-chamber", "Milan Chamber of Commerce", "IT"), Common.V1.Sector.ContentsDesign, "Industrial design", 2002, 2005),
        R2R("ishikawa-daegu", "Ishikawa - Daegu digital contents exchange", Jp("Ishikawa Prefecture", "Ishikawa", RegionalBureau.Chubu), Body("ishikawa-pref", "Ishikawa Prefecture", "JP"),
            [As("Daegu", "KR")], Body("daegu-city", "Daegu Metropolitan City", "KR"), Common.V1.Sector.ContentsDesign, "Digital contents", 2003, 2005),
        R2R("fukui-lyon", "Fukui - Lyon textiles and fashion exchange", Jp("Fukui Prefecture", "Fukui", RegionalBureau.Kinki), Body("fukui-pref", "Fukui Prefecture", "JP"),
            [Eu("Lyon", "FR")], Body("lyon-agency", "Lyon economic development agency", "FR"), Common.V1.Sector.TextilesFashion, "Textiles and fashion", 2001, 2003),
        R2R("shimane-texas", "Shimane - Texas precision machinery exchange", Jp("Shimane Prefecture", "Shimane", RegionalBureau.Chugoku), Body("shimane-pref", "Shimane Prefecture", "JP"),
            [Na("Texas", "US")], Body("texas-partners", "Texas economic development partners", "US"), Common.V1.Sector.MetalMechanical, "Precision machinery", 2004, 2007),
        R2R("shimane-austria", "Shimane - Austria woody biomass exchange", Jp("Shimane Prefecture", "Shimane", RegionalBureau.Chugoku), Body("shimane-pref", "Shimane Prefecture", "JP"),
            [Eu("Austria", "AT")], Body("austria-biomass", "Austrian biomass association", "AT"), Common.V1.Sector.Environment, "Woody biomass", 2004, 2006),
        R2R("iizuka-silicon-valley", "Iizuka - Silicon Valley ICT exchange", Jp("Iizuka city", "Fukuoka", RegionalBureau.Kyushu), Body("iizuka-city", "Iizuka City", "JP"),
            [Na("Silicon Valley", "US")], Body("silicon-valley-partners", "Silicon Valley partners", "US"), Common.V1.Sector.It, "ICT", 1998, 2002),
        R2R("nagasaki-sichuan", "Nagasaki - Sichuan environment, agriculture and biotechnology exchange", Jp("Nagasaki city", "Nagasaki", RegionalBureau.Kyushu), Body("nagasaki-city", "Nagasaki City", "JP"),
            [As("Sichuan", "CN")], Body("sichuan-province", "Sichuan Provincial Government", "CN"), Common.V1.Sector.Environment, "Environment, agriculture, biotechnology", 1997, 1997),
        R2R("nagasaki-daejeon", "Nagasaki - Daejeon IT exchange", Jp("Nagasaki city", "Nagasaki", RegionalBureau.Kyushu), Body("nagasaki-city", "Nagasaki City", "JP"),
            [As("Daejeon", "KR")], Body("daejeon-city", "Daejeon Metropolitan City", "KR"), Common.V1.Sector.It, "IT", 2002, 2003),

        // Regional Industry Tie-up programme: eleven projects adopted in FY2007 and continued into FY2008
        // (Chiba expanding to Dusseldorf), eight adopted in FY2008.
        Rit("saitama-pennsylvania", "Saitama - Pennsylvania and Ohio advanced materials tie-up", Jp("Saitama Prefecture", "Saitama", RegionalBureau.Kanto), Body("saitama-pref", "Saitama Prefecture", "JP"),
            [Na("Pennsylvania", "US"), Na("Ohio", "US")], Body("pennsylvania-ohio-partners", "Pennsylvania and Ohio partners", "US"), Common.V1.Sector.MetalMechanical, "Advanced materials", 2007),
        Rit("nerima-france", "Nerima - France animation tie-up", Jp("Nerima Ward", "Tokyo", RegionalBureau.Kanto), Body("nerima-ward", "Nerima Ward", "JP"),
            [Eu("France", "FR")], Body("france-animation", "French animation partners", "FR"), Common.V1.Sector.ContentsDesign, "Animation production", 2007),
        Rit("chiba-south-west-england", "Chiba - South West England life science tie-up", Jp("Chiba Prefecture", "Chiba", RegionalBureau.Kanto), Body("chiba-pref", "Chiba Prefecture", "JP"),
            [Eu("South West England", "GB")], Body("south-west-england", "South West England development agency", "GB"), Common.V1.Sector.Biotechnology, "Life science", 2007) with
            { ExpandedRegion = Eu("Dusseldorf", "DE"), ExpandedBody = Body("dusseldorf-city", "Dusseldorf economic development", "DE") },
        Rit("hamamatsu-jena", "Hamamatsu - Jena optical appliances tie-up", Jp("Hamamatsu city", "Shizuoka", RegionalBureau.Kanto), Body("hamamatsu-city", "Hamamatsu City", "JP"),
            [Eu("Jena", "DE")], Body("jena-city", "Jena economic development", "DE"), Common.V1.Sector.MetalMechanical, "Optical appliances", 2007),
        Rit("toyama-switzerland", "Toyama - Switzerland medicine tie-up", Jp("Toyama Prefecture", "Toyama", RegionalBureau.Chubu), Body("toyama-pref", "Toyama Prefecture", "JP"),
            [Eu("Basel", "CH")], Body("basel-area", "Basel area business promotion", "CH"), Common.V1.Sector.MedicalWelfare, "Medicine", 2007),
        Rit("suwa-switzerland", "Suwa - Switzerland micromachine tie-up", Jp("Suwa city", "Nagano", RegionalBureau.Kanto), Body("suwa-city", "Suwa City", "JP"),
            [Eu("Switzerland", "CH")], Body("swiss-micromachine", "Swiss micro-technology partners", "CH"), Common.V1.Sector.MetalMechanical, "Micromachine", 2007),
        Rit("osaka-wageningen", "Kinki/Osaka - Wageningen food tie-up", Jp("Osaka Prefecture", "Osaka", RegionalBureau.Kinki), Body("osaka-pref", "Osaka Prefecture", "JP"),
            [Eu("Wageningen", "NL")], Body("wageningen-food-valley", "Food Valley Wageningen", "NL"), Common.V1.Sector.Food, "Food", 2007),
        Rit("east-osaka-dresden", "East Osaka - Dresden nano technology tie-up", Jp("Higashiosaka city", "Osaka", RegionalBureau.Kinki), Body("higashiosaka-city", "Higashiosaka City", "JP"),
            [Eu("Dresden", "DE")], Body("dresden-city", "Dresden economic development", "DE"), Common.V1.Sector.MetalMechanical, "Nano technology", 2007),
        Rit("north-osaka-alsace", "Kansai/North Osaka - Alsace pharmaceuticals tie-up", Jp("North Osaka", "Osaka", RegionalBureau.Kinki), Body("north-osaka", "North Osaka bio cluster", "JP"),
            [Eu("Alsace", "FR")], Body("alsace-biovalley", "Alsace BioValley", "FR"), Common.V1.Sector.Biotechnology, "Pharmaceuticals", 2007),
        Rit("kagawa-rhone-alpes", "Kagawa - Rhone-Alpes and Alsace biotechnology tie-up", Jp("Kagawa Prefecture", "Kagawa", RegionalBureau.Shikoku), Body("kagawa-pref", "Kagawa Prefecture", "JP"),
            [Eu("Rhone-Alpes", "FR"), Eu("Alsace", "FR")], Body("rhone-alpes-agency", "Rhone-Alpes economic development agency", "FR"), Common.V1.Sector.Biotechnology, "Biotechnology", 2007),
        Rit("hiroshima-switzerland", "Hiroshima - Switzerland car manufacturing tie-up", Jp("Hiroshima Prefecture", "Hiroshima", RegionalBureau.Chugoku), Body("hiroshima-pref", "Hiroshima Prefecture", "JP"),
            [Eu("Switzerland", "CH")], Body("swiss-automotive", "Swiss automotive suppliers", "CH"), Common.V1.Sector.MetalMechanical, "Car manufacturing", 2007),
        Rit("iwate-dalian", "Iwate - Dalian monozukuri technology tie-up", Jp("Iwate Prefecture", "Iwate", RegionalBureau.Tohoku), Body("iwate-pref", "Iwate Prefecture", "JP"),
            [As("Dalian", "CN")], Body("dalian-city", "Dalian Municipal Government", "CN"), Common.V1.Sector.MetalMechanical, "Monozukuri fundamental technology", 2008),
        Rit("mie-shenyang", "Mie - Shenyang medical, health and welfare tie-up", Jp("Mie Prefecture", "Mie", RegionalBureau.Chubu), Body("mie-pref", "Mie Prefecture", "JP"),
            [As("Shenyang", "CN")], Body("shenyang-city", "Shenyang Municipal Government", "CN"), Common.V1.Sector.MedicalWelfare, "Medical, health, welfare", 2008),
        Rit("kyushu-dalian", "Kyushu - Dalian environment and recycling tie-up", Jp("Kyushu", "", RegionalBureau.Kyushu), Body("kyushu-environment", "Kyushu environmental industry association", "JP"),
            [As("Dalian", "CN")], Body("dalian-city", "Dalian Municipal Government", "CN"), Common.V1.Sector.Environment, "Environment, recycling", 2008),
        Rit("fukuoka-tamil-nadu", "Fukuoka - Tamil Nadu embedded software tie-up", Jp("Fukuoka city", "Fukuoka", RegionalBureau.Kyushu), Body("fukuoka-city", "Fukuoka City", "JP"),
            [As("Tamil Nadu", "IN")], Body("tamil-nadu-guidance", "Tamil Nadu industrial guidance bureau", "IN"), Common.V1.Sector.It, "Embedded software", 2008),
        Rit("ishikawa-taiwan", "Ishikawa - Taiwan IT tie-up", Jp("Ishikawa Prefecture", "Ishikawa", RegionalBureau.Chubu), Body("ishikawa-pref", "Ishikawa Prefecture", "JP"),
            [As("Taiwan", "TW")], Body("taiwan-it-partners", "Taiwan IT partners", "TW"), Common.V1.Sector.It, "IT", 2008),
        Rit("ibaraki-shanghai", "Ibaraki - Shanghai environment tie-up", Jp("Ibaraki Prefecture", "Ibaraki", RegionalBureau.Kanto), Body("ibaraki-pref", "Ibaraki Prefecture", "JP"),
            [As("Shanghai", "CN")], Body("shanghai-city", "Shanghai Municipal Government", "CN"), Common.V1.Sector.Environment, "Environment", 2008),
        Rit("kitakyushu-hanoi", "Kitakyushu - Hanoi IT tie-up", Jp("Kitakyushu city", "Fukuoka", RegionalBureau.Kyushu), Body("kitakyushu-city", "Kitakyushu City", "JP"),
            [As("Hanoi", "VN")], Body("hanoi-city", "Hanoi People's Committee", "VN"), Common.V1.Sector.It, "IT", 2008),
        Rit("kansai-science-city-zhongguancun", "Kansai Science City - Zhongguancun environment and energy saving tie-up", Jp("Kansai Science City", "Kyoto", RegionalBureau.Kinki), Body("kansai-science-city", "Kansai Science City", "JP"),
            [As("Zhongguancun, Beijing", "CN")], Body("zhongguancun-park", "Zhongguancun Science Park", "CN"), Common.V1.Sector.Environment, "Environment, energy saving", 2008),
    ];

    /// <summary>Five SMEs, a prefectural government and a university: SMEs are 5 of 7 (71 %).</summary>
    public static IReadOnlyList<MemberValue> IllustrativeMembers(Demo demo) =>
    [
        .. Enumerable.Range(1, 5).Select(i => new MemberValue(ActorType.RegionalCompany, $"{demo.Region.Name} company {i}", true)),
        new MemberValue(ActorType.PrefecturalGovernment, demo.Region.Prefecture.Length > 0 ? $"{demo.Region.Prefecture} Prefecture" : demo.Region.Name, false),
        new MemberValue(ActorType.University, $"{demo.Region.Name} university", false),
    ];
}
