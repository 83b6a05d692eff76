using System.Security.Claims;

namespace Exchange.Identity;

/// <summary>
/// The caller of an RPC as the gateway vouched for it: an organisation acting in a role.
/// <see cref="ProjectIds"/> is what the token listed when it was issued: informational, since
/// access decisions go by the parties recorded on the project (see <see cref="ProjectAccess"/>).
/// </summary>
public sealed record ExchangePrincipal(
    string OrganisationId,
    string OrganisationName,
    Role Role,
    IReadOnlySet<string> ProjectIds,
    string Subject)
{
    /// <summary>
    /// The caller carried by an authenticated identity of <paramref name="user"/>; null when there
    /// is none, or when its subject, organisation or role is missing or unknown.
    /// </summary>
    public static ExchangePrincipal? From(ClaimsPrincipal? user)
    {
        if (user is null) return null;
        foreach (var identity in user.Identities)
        {
            if (!identity.IsAuthenticated) continue;
            var subject = identity.FindFirst(ExchangeClaims.Subject)?.Value;
            var organisation = identity.FindFirst(ExchangeClaims.OrganisationId)?.Value;
            if (string.IsNullOrEmpty(subject) || string.IsNullOrEmpty(organisation)) continue;
            if (!ExchangeClaims.TryParseRole(identity.FindFirst(ExchangeClaims.Role)?.Value, out var role)) continue;
            var name = identity.FindFirst(ExchangeClaims.OrganisationName)?.Value;
            var projects = identity.FindAll(ExchangeClaims.Projects)
                .Select(c => c.Value)
                .Where(v => v.Length > 0)
                .ToHashSet(StringComparer.Ordinal);
            return new ExchangePrincipal(organisation, string.IsNullOrEmpty(name) ? organisation : name, role, projects, subject);
        }
        return null;
    }

    /// <summary>Equal when every field is, with the project ids compared as sets.</summary>
    public bool Equals(ExchangePrincipal? other) =>
        other is not null
        && OrganisationId == other.OrganisationId
        && OrganisationName == other.OrganisationName
        && Role == other.Role
        && Subject == other.Subject
        && ProjectIds.SetEquals(other.ProjectIds);

    public override int GetHashCode() => HashCode.Combine(OrganisationId, OrganisationName, Role, Subject, ProjectIds.Count);
}
