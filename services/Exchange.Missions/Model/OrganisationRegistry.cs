using System.Security.Cryptography;
using System.Text;
using Exchange.Missions.Data;
using Exchange.Missions.Grpc;
using Exchange.Missions.V1;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Missions.Model;

/// <summary>
/// Turns the organisation a request names into the one organisation recorded under its id, so
/// that a company met on a mission and invited a year later is the same organisation. A request
/// without an id finds it by country and name ("de-carl-zeiss-jena"); a new one is recorded with
/// the change that first names it.
/// </summary>
public sealed class OrganisationRegistry(MissionsDb db, TimeProvider clock)
{
    /// <summary>
    /// The recorded organisation <paramref name="reference"/> names, recorded now if new; null when
    /// the request names none. <paramref name="field"/> prefixes the field errors.
    /// </summary>
    public async Task<OrganisationValue?> ResolveAsync(OrganisationRef? reference, string field, string registeredBy, CancellationToken cancellationToken)
    {
        if (reference is null || (string.IsNullOrWhiteSpace(reference.Id) && string.IsNullOrWhiteSpace(reference.Name))) return null;
        var id = reference.Id.Trim();
        if (id.Length > 0)
        {
            var errors = new FieldErrors();
            ActivityRequestValidation.OrganisationId(errors, $"{field}.id", id);
            errors.ThrowIfAny();
            var known = await FindAsync(id, cancellationToken);
            if (known is not null) return known.ToValue();
        }

        var fields = new FieldErrors();
        if (string.IsNullOrWhiteSpace(reference.Name))
            fields.Add($"{field}.name", $"is required for an organisation not recorded yet ('{id}')");
        else fields.MaxLength($"{field}.name", reference.Name, ActivityRequestValidation.MaxName);
        ActivityRequestValidation.Country(fields, $"{field}.country", reference.Country, required: true);
        fields.Defined($"{field}.kind", reference.Kind);
        fields.ThrowIfAny();

        var value = new OrganisationValue(id.Length > 0 ? id : IdFor(reference.Country, reference.Name), reference.Name.Trim(), reference.Country, reference.Kind);
        var existing = await FindAsync(value.Id, cancellationToken);
        if (existing is not null) return existing.ToValue();
        db.Organisations.Add(RegisteredOrganisation.Register(value, registeredBy, clock.GetUtcNow()));
        return value;
    }

    /// <summary>The organisation with that id, including one added in this unit of work.</summary>
    private async Task<RegisteredOrganisation?> FindAsync(string id, CancellationToken cancellationToken) =>
        db.Organisations.Local.FirstOrDefault(o => o.Id == id)
        ?? await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);

    /// <summary>
    /// "de-carl-zeiss-jena" for Carl Zeiss Jena in Germany. A name without Latin letters or digits
    /// gets a stable hash instead, so that it still finds itself next time.
    /// </summary>
    public static string IdFor(string country, string name)
    {
        var slug = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        if (text.Length == 0)
            text = "org-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name.Trim())))[..12];
        var id = $"{country.ToLowerInvariant()}-{text}";
        return id.Length <= 64 ? id : id[..64].TrimEnd('-');
    }
}
