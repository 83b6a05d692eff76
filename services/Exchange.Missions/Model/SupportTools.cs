using Exchange.Missions.V1;

namespace Exchange.Missions.Model;

/// <summary>What each support tool is, in the programme's words.</summary>
public static class SupportTools
{
    public static readonly IReadOnlyList<SupportTool> All =
    [
        SupportTool.WorkshopInJapan,
        SupportTool.BasicSurveyOverseas,
        SupportTool.SurveyWithBusinessTrip,
        SupportTool.ExpertInvitation,
        SupportTool.OverseasMission,
        SupportTool.PartnerInvitation,
    ];

    /// <summary>Workshops and invitations take place in Japan; surveys and missions abroad.</summary>
    public static Direction DirectionOf(SupportTool tool) => tool switch
    {
        SupportTool.WorkshopInJapan or SupportTool.ExpertInvitation or SupportTool.PartnerInvitation => Direction.Inbound,
        _ => Direction.Outbound,
    };

    /// <summary>Invitations bring people from overseas to Japan; their overseas partners register delegates.</summary>
    public static bool IsInvitation(SupportTool tool) => tool is SupportTool.ExpertInvitation or SupportTool.PartnerInvitation;

    /// <summary>Tools that send people from Japan abroad.</summary>
    public static bool IsDispatch(SupportTool tool) => tool is SupportTool.SurveyWithBusinessTrip or SupportTool.OverseasMission;

    /// <summary>The phrase of the programme's activity counts ("dispatching specialist research 1 time").</summary>
    public static string Label(SupportTool tool) => tool switch
    {
        SupportTool.WorkshopInJapan => "Workshops in Japan",
        SupportTool.BasicSurveyOverseas => "Basic surveys overseas",
        SupportTool.SurveyWithBusinessTrip => "Dispatching specialist research",
        SupportTool.ExpertInvitation => "Inviting specialists to Japan",
        SupportTool.OverseasMission => "Dispatching leading companies overseas",
        SupportTool.PartnerInvitation => "Inviting leading companies to Japan",
        _ => tool.ToString(),
    };

    /// <summary>How a sentence names one activity of the tool.</summary>
    public static string Describe(SupportTool tool) => tool switch
    {
        SupportTool.WorkshopInJapan => "a workshop in Japan",
        SupportTool.BasicSurveyOverseas => "a basic survey overseas",
        SupportTool.SurveyWithBusinessTrip => "a survey with an overseas business trip",
        SupportTool.ExpertInvitation => "an invitation of experts",
        SupportTool.OverseasMission => "a mission sent overseas",
        SupportTool.PartnerInvitation => "an invitation of prospective business partners",
        _ => tool.ToString(),
    };
}
