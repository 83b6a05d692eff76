using System.Globalization;
using Exchange.Contracts.Projects;
using Exchange.Identity;

namespace Exchange.Surveys.Model;

/// <summary>
/// A row of the local read model of projects, kept from the ProjectStateChanged snapshots: what a
/// round records about a project's respondents (sector, bureau, countries, programme, achievement
/// timing) and who the project's parties are. The highest version wins.
/// </summary>
public sealed class ProjectSnapshot
{
    private ProjectSnapshot()
    {
    }

    public Guid ProjectId { get; private set; }

    public string Title { get; private set; } = "";

    public string Programme { get; private set; } = "";

    public string Status { get; private set; } = "";

    public long Version { get; private set; }

    public string DomesticBodyId { get; private set; } = "";

    public string DomesticBodyName { get; private set; } = "";

    public List<string> OverseasBodyIds { get; private set; } = [];

    public string Sector { get; private set; } = "";

    public string Theme { get; private set; } = "";

    public string Bureau { get; private set; } = "";

    public string Prefecture { get; private set; } = "";

    public List<string> Countries { get; private set; } = [];

    public List<string> WorldAreas { get; private set; } = [];

    public List<int> SupportedFiscalYears { get; private set; } = [];

    public string FirstAchievementTiming { get; private set; } = "";

    // "|domestic|overseas-1|": finds a caller's projects in SQL on both providers.
    public string PartyIndex { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    public ProjectParties Parties => new(ProjectId.ToString(), DomesticBodyId, OverseasBodyIds);

    public static ProjectSnapshot For(Guid projectId) => new() { ProjectId = projectId };

    /// <summary>Takes <paramref name="state"/> when it is newer than what is held; false when it is stale.</summary>
    public bool Apply(ProjectStateChanged state, DateTimeOffset now)
    {
        if (state.ProjectId != ProjectId) throw new ArgumentException($"state of project {state.ProjectId} applied to {ProjectId}", nameof(state));
        if (state.Version <= Version) return false;
        Title = state.Title;
        Programme = state.Programme;
        Status = state.Status;
        Version = state.Version;
        DomesticBodyId = state.DomesticBodyId;
        DomesticBodyName = state.DomesticBodyName;
        OverseasBodyIds = [.. state.OverseasBodyIds ?? []];
        Sector = state.Sector;
        Theme = state.Theme;
        Bureau = state.Bureau;
        Prefecture = state.Prefecture;
        Countries = [.. state.Countries ?? []];
        WorldAreas = [.. state.WorldAreas ?? []];
        SupportedFiscalYears = [.. (state.SupportedFiscalYears ?? []).Order()];
        FirstAchievementTiming = state.FirstAchievementTiming;
        PartyIndex = "|" + string.Join("|", OverseasBodyIds.Prepend(DomesticBodyId).Distinct()) + "|";
        ReceivedAt = now;
        return true;
    }

    /// <summary>What a respondent of this project is, for analysis: captured when the invitation is issued.</summary>
    public IEnumerable<AttributeValue> RespondentAttributes()
    {
        yield return new(Model.RespondentAttributes.Project, [ProjectId.ToString()]);
        yield return new(Model.RespondentAttributes.ProjectTitle, [Title]);
        yield return new(Model.RespondentAttributes.Programme, [Programme]);
        yield return new(Model.RespondentAttributes.Sector, [Sector]);
        yield return new(Model.RespondentAttributes.Theme, [Theme]);
        yield return new(Model.RespondentAttributes.Bureau, [Bureau]);
        yield return new(Model.RespondentAttributes.Prefecture, [Prefecture]);
        yield return new(Model.RespondentAttributes.Country, [.. Countries]);
        yield return new(Model.RespondentAttributes.WorldArea, [.. WorldAreas]);
        if (SupportedFiscalYears.Count > 0)
        {
            yield return new(Model.RespondentAttributes.FirstFiscalYear, [SupportedFiscalYears[0].ToString(CultureInfo.InvariantCulture)]);
            yield return new(Model.RespondentAttributes.LastFiscalYear, [SupportedFiscalYears[^1].ToString(CultureInfo.InvariantCulture)]);
        }
        yield return new(Model.RespondentAttributes.AchievementTiming, [FirstAchievementTiming]);
    }
}
