using Exchange.Identity;
using Exchange.Projects.V1;

namespace Exchange.Claims.Model;

/// <summary>What this service knows of a project, from the Projects service's events: its parties (for access) and its supported years.</summary>
public sealed record ProjectView(
    Guid Id,
    string Title,
    ProjectStatus Status,
    long Version,
    string DomesticBodyId,
    IReadOnlyList<string> OverseasBodyIds,
    IReadOnlyList<int> SupportedFiscalYears)
{
    public ProjectParties Parties => new(Id.ToString(), DomesticBodyId, OverseasBodyIds);
}
