using Exchange.Contracts.Projects;
using Exchange.Projects.Model;

namespace Exchange.Projects.IntegrationEvents;

/// <summary>
/// The state snapshot published with every change of a project, alongside the specific event:
/// other services keep their read models of projects from it (the highest version wins).
/// </summary>
public static class ProjectEvents
{
    public static ProjectStateChanged Snapshot(Project project) => new(
        project.Id,
        project.Programme.ToString(),
        project.Title,
        project.Status.ToString(),
        project.Version,
        project.DomesticBody.OrganisationId,
        OverseasBodyIds(project),
        [.. project.SupportedFiscalYears],
        project.PlannedFirstYear,
        project.PlannedLastYear,
        project.UpdatedAt,
        project.DomesticBody.Name,
        project.Sector.ToString(),
        project.Theme,
        project.DomesticRegion.Bureau.ToString(),
        project.DomesticRegion.Prefecture,
        [.. project.OverseasRegions.Select(r => r.Country).Distinct()],
        [.. project.OverseasRegions.Select(r => r.WorldArea.ToString()).Distinct()],
        project.FirstAchievementTiming().ToString());

    public static string[] OverseasBodyIds(Project project) => [.. project.OverseasBodies.Select(b => b.OrganisationId)];
}
