namespace Exchange.Identity;

/// <summary>
/// Who a project belongs to, as recorded on the project: its domestic implementation body and
/// its overseas implementation bodies (organisation ids). Access is decided from these, not
/// from the token's project list, so that it follows the project when its parties change.
/// </summary>
public sealed record ProjectParties(string ProjectId, string DomesticBodyId, IReadOnlyCollection<string> OverseasBodyIds)
{
    public bool IsDomesticBody(string organisationId) => string.Equals(DomesticBodyId, organisationId, StringComparison.Ordinal);

    public bool IsOverseasBody(string organisationId) => OverseasBodyIds.Contains(organisationId, StringComparer.Ordinal);
}
