using Exchange.Identity;
using Exchange.Missions.Data;
using Exchange.Missions.Model;
using Exchange.Missions.V1;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Missions.Grpc;

/// <summary>
/// The organisations that took part in activities (on rosters or met in meetings), with how
/// often they recur: in how many activities and projects, from which fiscal year to which.
/// Callers who do not see every project see the organisations of their own projects' activities.
/// Counted after loading, which is cheap at the programme's scale (a few hundred activities a year).
/// </summary>
public sealed class OrganisationSearch(MissionsDb db)
{
    public async Task<ListOrganisationsResponse> ListAsync(ListOrganisationsRequest request, ExchangePrincipal caller, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.ProjectId.Length > 0) ActivityRequestValidation.Id(errors, "project_id", request.ProjectId, "a project");
        if (request.Country.Length > 0) ActivityRequestValidation.Country(errors, "country", request.Country, required: false);
        errors.ThrowIfAny();
        var (offset, pageSize) = Paging.Read(request.Page);

        var activities = db.Activities.AsNoTracking().Where(a => a.Status != ActivityStatus.Cancelled);
        var visible = await VisibleProjects.ForAsync(db, caller, cancellationToken);
        if (visible is not null) activities = activities.Where(a => visible.Contains(a.ProjectId));
        if (request.ProjectId.Length > 0)
        {
            var projectId = Guid.Parse(request.ProjectId);
            activities = activities.Where(a => a.ProjectId == projectId);
        }
        var usage = Usage(await activities.ToListAsync(cancellationToken));

        var organisations = db.Organisations.AsNoTracking();
        if (request.Country.Length > 0) organisations = organisations.Where(o => o.Country == request.Country);
        if (request.Kind != OrganisationKind.Unspecified) organisations = organisations.Where(o => o.Kind == request.Kind);
        if (!string.IsNullOrWhiteSpace(request.Text))
        {
            var text = request.Text.Trim().ToLowerInvariant();
            organisations = organisations.Where(o => o.SearchText.Contains(text));
        }
        // Everyone sees the organisations of activities they see; coordinators also those no activity names any more.
        var everything = visible is null && request.ProjectId.Length == 0;
        var matching = (await organisations.ToListAsync(cancellationToken))
            .Where(o => everything || usage.ContainsKey(o.Id))
            .Select(o => ToMessage(o, usage.GetValueOrDefault(o.Id)))
            .OrderByDescending(o => o.ActivityCount).ThenBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Id, StringComparer.Ordinal)
            .ToList();

        var page = matching.Skip(offset).Take(pageSize).ToList();
        var response = new ListOrganisationsResponse { TotalCount = matching.Count, NextPageToken = Paging.Next(offset, page.Count, matching.Count) };
        response.Organisations.AddRange(page);
        return response;
    }

    private static Dictionary<string, List<Model.Activity>> Usage(IEnumerable<Model.Activity> activities)
    {
        var usage = new Dictionary<string, List<Model.Activity>>(StringComparer.Ordinal);
        foreach (var activity in activities)
        {
            var ids = activity.Roster.Select(r => r.Organisation.Id).Concat(activity.Meetings.Select(m => m.Counterpart.Id)).Distinct(StringComparer.Ordinal);
            foreach (var id in ids)
            {
                if (!usage.TryGetValue(id, out var list)) usage[id] = list = [];
                list.Add(activity);
            }
        }
        return usage;
    }

    private static V1.Organisation ToMessage(RegisteredOrganisation organisation, List<Model.Activity>? activities) => new()
    {
        Id = organisation.Id,
        Name = organisation.Name,
        Country = organisation.Country,
        Kind = organisation.Kind,
        ActivityCount = activities?.Count ?? 0,
        ProjectCount = activities?.Select(a => a.ProjectId).Distinct().Count() ?? 0,
        FirstFiscalYear = activities?.Min(a => a.FiscalYear) ?? 0,
        LastFiscalYear = activities?.Max(a => a.FiscalYear) ?? 0,
    };
}
