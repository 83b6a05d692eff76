using System.Text.RegularExpressions;
using Exchange.Rpc;
using Exchange.Surveys.Data;
using Exchange.Surveys.Model;
using Exchange.Surveys.V1;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Surveys.Grpc;

/// <summary>
/// Turns a target list into respondents with the attributes analysis needs, captured now: for a
/// project's respondents what the read model holds of the project (sector, bureau, countries,
/// programme, achievement timing ...), for a cluster's members the cluster and its comparable
/// group; and whatever further attributes the list gives.
/// </summary>
internal sealed partial class RoundTargets(SurveysDb db)
{
    // Keeps the answer with every new token well under the 4 MiB message limit; larger lists go in batches.
    public const int MaxRespondentsPerRequest = 5_000;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex ClusterIdPattern();

    [GeneratedRegex("^[a-z][a-z0-9_]{0,39}$")]
    private static partial Regex AttributeKeyPattern();

    public sealed record Resolved(IReadOnlyList<RespondentRecord> Respondents, IReadOnlyList<Guid> ProjectIds, IReadOnlyList<string> ClusterIds);

    /// <summary>Checks the targets (INVALID_ARGUMENT naming every bad field) and resolves them; projects the read model has not seen answer NOT_FOUND.</summary>
    public async Task<Resolved> ResolveAsync(IReadOnlyList<ProjectTarget> projects, IReadOnlyList<ClusterTarget> clusters, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        Check(errors, projects, clusters);
        errors.ThrowIfAny();
        var projectIds = projects.Select(p => Guid.Parse(p.ProjectId)).ToList();
        var clusterIds = clusters.Select(c => c.ClusterId).ToList();

        var known = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.ProjectId)).ToDictionaryAsync(p => p.ProjectId, cancellationToken);
        var unknown = projectIds.Where(id => !known.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
            throw new RpcException(StatusCode.NotFound,
                $"project {string.Join(", ", unknown)} not found: the surveys service learns projects from the Projects service's events");

        var respondents = new List<RespondentRecord>();
        foreach (var target in projects)
        {
            var project = known[Guid.Parse(target.ProjectId)];
            var attributes = project.RespondentAttributes().ToList();
            if (target.Respondents.Count == 0)
            {
                respondents.Add(new RespondentRecord(project.ProjectId, "", project.DomesticBodyName.Length > 0 ? project.DomesticBodyName : project.DomesticBodyId,
                    project.DomesticBodyId, project.DomesticBodyName, "implementation body", "",
                    [.. attributes, new AttributeValue(RespondentAttributes.RespondentRole, ["implementation body"])]));
                continue;
            }
            foreach (var respondent in target.Respondents)
                respondents.Add(Record(respondent, project.ProjectId, "", attributes, "key person"));
        }
        foreach (var cluster in clusters)
        {
            AttributeValue[] attributes =
            [
                new(RespondentAttributes.Cluster, [cluster.ClusterId]),
                new(RespondentAttributes.ClusterName, [cluster.ClusterName.Trim()]),
                new(RespondentAttributes.ComparableGroup, [cluster.ComparableGroup.Trim()]),
            ];
            foreach (var member in cluster.Members) respondents.Add(Record(member, null, cluster.ClusterId, attributes, "member company"));
        }
        return new Resolved(respondents, projectIds, clusterIds);
    }

    /// <summary>Adds every problem of the target list to <paramref name="errors"/>.</summary>
    public static void Check(FieldErrors errors, IReadOnlyList<ProjectTarget> projects, IReadOnlyList<ClusterTarget> clusters)
    {
        var projectIds = new List<Guid>();
        for (var i = 0; i < projects.Count; i++)
        {
            for (var j = 0; j < projects[i].Respondents.Count; j++) Respondent(errors, $"projects[{i}].respondents[{j}]", projects[i].Respondents[j]);
            var id = Requests.Id(errors, $"projects[{i}].project_id", projects[i].ProjectId, "a project");
            if (id is null) continue;
            if (projectIds.Contains(id.Value)) errors.Add($"projects[{i}].project_id", $"project {id} is listed twice");
            else projectIds.Add(id.Value);
        }
        var clusterIds = new List<string>();
        for (var i = 0; i < clusters.Count; i++)
        {
            var cluster = clusters[i];
            var field = $"clusters[{i}]";
            if (!ClusterIdPattern().IsMatch(cluster.ClusterId)) errors.Add($"{field}.cluster_id", "must be 2-64 of a-z, 0-9 and '-'");
            else if (clusterIds.Contains(cluster.ClusterId, StringComparer.Ordinal)) errors.Add($"{field}.cluster_id", $"cluster {cluster.ClusterId} is listed twice");
            else clusterIds.Add(cluster.ClusterId);
            errors.Required($"{field}.cluster_name", cluster.ClusterName, 200);
            errors.MaxLength($"{field}.comparable_group", cluster.ComparableGroup, 64);
            if (cluster.Members.Count == 0) errors.Add($"{field}.members", "a cluster needs at least one member company");
            for (var j = 0; j < cluster.Members.Count; j++) Respondent(errors, $"{field}.members[{j}]", cluster.Members[j]);
        }
        var total = projects.Sum(p => Math.Max(p.Respondents.Count, 1)) + clusters.Sum(c => c.Members.Count);
        if (total > MaxRespondentsPerRequest) errors.Add("projects", $"{total} respondents in one request; at most {MaxRespondentsPerRequest} (add the rest with AddSurveyTargets)");
    }

    private static RespondentRecord Record(Respondent respondent, Guid? projectId, string clusterId, IReadOnlyList<AttributeValue> derived, string defaultRole)
    {
        var role = respondent.Role.Trim().Length > 0 ? respondent.Role.Trim() : defaultRole;
        var attributes = derived
            .Append(new AttributeValue(RespondentAttributes.RespondentRole, [role]))
            .Concat(respondent.Attributes.Select(a => new AttributeValue(a.Key, [.. a.Values.Select(v => v.Trim()).Distinct()])))
            .ToList();
        return new RespondentRecord(projectId, clusterId, respondent.Name.Trim(), respondent.OrganisationId.Trim(), respondent.OrganisationName.Trim(),
            role, respondent.Contact.Trim(), attributes);
    }

    private static void Respondent(FieldErrors errors, string field, Respondent respondent)
    {
        errors.Required($"{field}.name", respondent.Name, 200);
        errors.MaxLength($"{field}.organisation_id", respondent.OrganisationId, 64);
        errors.MaxLength($"{field}.organisation_name", respondent.OrganisationName, 200);
        errors.MaxLength($"{field}.role", respondent.Role, 100);
        errors.MaxLength($"{field}.contact", respondent.Contact, 200);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < respondent.Attributes.Count; k++)
        {
            var attribute = respondent.Attributes[k];
            var at = $"{field}.attributes[{k}]";
            if (!AttributeKeyPattern().IsMatch(attribute.Key)) errors.Add($"{at}.key", "must be 1-40 of a-z, 0-9 and '_', starting with a letter");
            else if (RespondentAttributes.Derived.Contains(attribute.Key)) errors.Add($"{at}.key", $"'{attribute.Key}' is set by the service from the project or cluster");
            else if (!keys.Add(attribute.Key)) errors.Add($"{at}.key", $"'{attribute.Key}' is given twice");
            if (attribute.Values.Count is 0 or > 20) errors.Add($"{at}.values", "1 to 20 values");
            foreach (var value in attribute.Values) errors.MaxLength($"{at}.values", value, 200);
        }
    }
}
