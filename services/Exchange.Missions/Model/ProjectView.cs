using Exchange.Identity;
using Exchange.Projects.V1;

namespace Exchange.Missions.Model;

/// <summary>
/// What this service needs to know of a project to check an activity against it: its status,
/// the fiscal years the programme supports it in, and its parties (for access). Comes from the
/// Projects service, or from the local read model when that service cannot be reached.
/// </summary>
public sealed record ProjectView(
    Guid Id,
    string Title,
    ProjectStatus Status,
    long Version,
    string DomesticBodyId,
    IReadOnlyList<string> OverseasBodyIds,
    IReadOnlyList<int> SupportedFiscalYears,
    ProjectViewSource Source)
{
    public ProjectParties Parties => new(Id.ToString(), DomesticBodyId, OverseasBodyIds);

    public static ProjectView From(Project project) => new(
        Guid.Parse(project.Id),
        project.Title,
        project.Status,
        project.Version,
        project.DomesticBody?.Id ?? "",
        [.. project.OverseasBodies.Select(b => b.Id)],
        [.. project.SupportedFiscalYears],
        ProjectViewSource.ProjectsService);
}

public enum ProjectViewSource
{
    /// <summary>Answered by the Projects service for this call.</summary>
    ProjectsService,

    /// <summary>The local read model, fed by ProjectStateChanged events and earlier answers.</summary>
    ReadModel,
}
