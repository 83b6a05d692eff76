using Exchange.Contracts.Projects;
using Exchange.Projects.V1;

namespace Exchange.Claims.Model;

/// <summary>
/// A row of the local read model of projects: the latest state this service has seen of a
/// project, from ProjectStateChanged events. A state with a version not above the one held is
/// stale and ignored.
/// </summary>
public sealed class ProjectSnapshot
{
    private ProjectSnapshot()
    {
    }

    public Guid ProjectId { get; private set; }

    public string Title { get; private set; } = "";

    public ProjectStatus Status { get; private set; }

    public long Version { get; private set; }

    public string DomesticBodyId { get; private set; } = "";

    public List<string> OverseasBodyIds { get; private set; } = [];

    public List<int> SupportedFiscalYears { get; private set; } = [];

    // "|domestic|overseas-1|overseas-2|": finds a caller's projects in SQL on both providers.
    public string PartyIndex { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    public static ProjectSnapshot For(Guid projectId) => new() { ProjectId = projectId };

    /// <summary>Takes <paramref name="view"/> when it is newer than what is held; false when it is stale.</summary>
    public bool Apply(ProjectView view, DateTimeOffset now)
    {
        if (view.Id != ProjectId) throw new ArgumentException($"state of project {view.Id} applied to {ProjectId}", nameof(view));
        if (view.Version <= Version) return false;
        Title = view.Title;
        Status = view.Status;
        Version = view.Version;
        DomesticBodyId = view.DomesticBodyId;
        OverseasBodyIds = [.. view.OverseasBodyIds];
        SupportedFiscalYears = [.. view.SupportedFiscalYears.Order()];
        PartyIndex = "|" + string.Join("|", OverseasBodyIds.Prepend(DomesticBodyId).Distinct()) + "|";
        ReceivedAt = now;
        return true;
    }

    public ProjectView ToView() => new(ProjectId, Title, Status, Version, DomesticBodyId, OverseasBodyIds, SupportedFiscalYears);

    /// <summary>The view a snapshot event describes; an unknown status reads as unspecified, which no rule accepts.</summary>
    public static ProjectView ViewOf(ProjectStateChanged state) => new(
        state.ProjectId,
        state.Title,
        Enum.TryParse<ProjectStatus>(state.Status, ignoreCase: false, out var status) && Enum.IsDefined(status) ? status : ProjectStatus.Unspecified,
        state.Version,
        state.DomesticBodyId,
        state.OverseasBodyIds ?? [],
        state.SupportedFiscalYears ?? []);
}
