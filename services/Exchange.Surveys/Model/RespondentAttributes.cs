namespace Exchange.Surveys.Model;

/// <summary>The attribute keys the service sets itself; the README lists them for analysts.</summary>
public static class RespondentAttributes
{
    public const string Project = "project";
    public const string ProjectTitle = "project_title";
    public const string Programme = "programme";
    public const string Sector = "sector";
    public const string Theme = "theme";
    public const string Bureau = "bureau";
    public const string Prefecture = "prefecture";
    public const string Country = "country";
    public const string WorldArea = "world_area";
    public const string FirstFiscalYear = "first_fiscal_year";
    public const string LastFiscalYear = "last_fiscal_year";
    public const string AchievementTiming = "achievement_timing";
    public const string RespondentRole = "respondent_role";
    public const string Cluster = "cluster";
    public const string ClusterName = "cluster_name";
    public const string ComparableGroup = "comparable_group";

    /// <summary>Keys the target list may not set, since the service derives them.</summary>
    public static readonly IReadOnlySet<string> Derived = new HashSet<string>(StringComparer.Ordinal)
    {
        Project, ProjectTitle, Programme, Sector, Theme, Bureau, Prefecture, Country, WorldArea, FirstFiscalYear, LastFiscalYear,
        AchievementTiming, RespondentRole, Cluster, ClusterName, ComparableGroup,
    };

    /// <summary>The programme's wording of a sector (exchange.common.v1.Sector name).</summary>
    public static string Label(string key, string value) => key switch
    {
        Sector => value switch
        {
            "Food" => "Food, food processing and beverages",
            "TextilesFashion" => "Textiles and fashion",
            "Housing" => "Housing, building materials and lumber",
            "Crafts" => "Craft products",
            "MetalMechanical" => "Metal and mechanical processing",
            "MedicalWelfare" => "Medical and welfare equipment",
            "It" => "IT industry",
            "Biotechnology" => "Biotechnology",
            "Environment" => "Environment",
            "ContentsDesign" => "Contents and design",
            "Tourism" => "Tourism",
            _ => value,
        },
        AchievementTiming => value switch
        {
            "DuringSupport" => "During the supported period",
            "AfterSupport" => "After the project ended",
            "NotYet" => "Not yet",
            _ => value,
        },
        Programme => value switch
        {
            "RegionToRegion" => "Region-to-Region",
            "RegionalIndustryTieUp" => "Regional Industry Tie-up",
            _ => value,
        },
        _ => value.Length == 0 ? "(not recorded)" : value,
    };
}
