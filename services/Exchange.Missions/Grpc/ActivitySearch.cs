using Exchange.Identity;
using Exchange.Missions.Data;
using Exchange.Missions.ProjectChecks;
using Exchange.Missions.V1;
using Exchange.Rpc;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Missions.Grpc;

/// <summary>
/// Lists activities with filters and paging, by start date. Callers who do not see every project
/// get the activities of the projects they take part in.
/// </summary>
public sealed class ActivitySearch(MissionsDb db, ProjectCheck projects)
{
    public async Task<ListActivitiesResponse> ListAsync(ListActivitiesRequest request, ExchangePrincipal caller, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.ProjectId.Length > 0) ActivityRequestValidation.Id(errors, "project_id", request.ProjectId, "a project");
        if (request.FiscalYear != 0) ActivityRequestValidation.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        errors.ThrowIfAny();
        var (offset, pageSize) = Paging.Read(request.Page);

        var query = db.Activities.AsNoTracking();
        if (request.ProjectId.Length > 0)
        {
            var projectId = Guid.Parse(request.ProjectId);
            if (await projects.ForReadAsync(projectId, caller, cancellationToken) is null)
                throw new RpcException(StatusCode.NotFound, $"{ProjectAccess.AccessRule}: project {projectId} not found among the projects organisation '{caller.OrganisationId}' takes part in");
            query = query.Where(a => a.ProjectId == projectId);
        }
        else if (await VisibleProjects.ForAsync(db, caller, cancellationToken) is { } visible)
        {
            query = query.Where(a => visible.Contains(a.ProjectId));
        }
        if (request.FiscalYear != 0) query = query.Where(a => a.FiscalYear == request.FiscalYear);
        if (request.SupportTool != SupportTool.Unspecified) query = query.Where(a => a.SupportTool == request.SupportTool);
        if (request.Status != ActivityStatus.Unspecified) query = query.Where(a => a.Status == request.Status);
        if (request.Direction != Direction.Unspecified) query = query.Where(a => a.Direction == request.Direction);

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderBy(a => a.StartDate).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip(offset).Take(pageSize).ToListAsync(cancellationToken);
        var response = new ListActivitiesResponse { TotalCount = total, NextPageToken = Paging.Next(offset, page.Count, total) };
        response.Activities.AddRange(page.Select(ActivityMapper.ToMessage));
        return response;
    }
}
