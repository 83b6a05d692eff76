using Exchange.Claims.Checks;
using Exchange.Claims.Data;
using Exchange.Claims.ProjectChecks;
using Exchange.Claims.V1;
using Exchange.Identity;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Grpc;

/// <summary>Lists claims with filters and paging, newest first; callers who do not see every project get their own projects' claims.</summary>
public sealed class ClaimSearch(ClaimsDb db, ProjectsReadModel projects, DuplicateFinder duplicates, ClaimViews views)
{
    public async Task<ListClaimsResponse> ListAsync(ListClaimsRequest request, ExchangePrincipal caller, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var projectId = request.ProjectId.Length > 0 ? ClaimsRequests.Id(errors, "project_id", request.ProjectId, "a project") : Guid.Empty;
        var activityId = request.ActivityId.Length > 0 ? ClaimsRequests.Id(errors, "activity_id", request.ActivityId, "an activity") : Guid.Empty;
        if (request.FiscalYear != 0) ClaimsRequests.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        if (!Enum.IsDefined(request.Status)) errors.Add("status", $"has the unknown value {(int)request.Status}");
        errors.ThrowIfAny();
        var (offset, pageSize) = Paging.Read(request.Page);

        var query = db.Claims.AsNoTracking();
        if (projectId != Guid.Empty)
        {
            ClaimsAuthorization.DemandRead(caller, projectId, await projects.FindAsync(projectId, cancellationToken));
            query = query.Where(c => c.ProjectId == projectId);
        }
        else if (await VisibleProjects.ForAsync(db, caller, cancellationToken) is { } visible)
        {
            query = query.Where(c => visible.Contains(c.ProjectId));
        }
        if (activityId != Guid.Empty) query = query.Where(c => c.ActivityId == activityId);
        if (request.FiscalYear != 0) query = query.Where(c => c.FiscalYear == request.FiscalYear);
        if (request.Status != ClaimStatus.Unspecified) query = query.Where(c => c.Status == request.Status);
        if (request.FlaggedOnly)
        {
            var sharing = await duplicates.ClaimsSharingReceiptsAsync(cancellationToken);
            query = query.Where(c => c.DuplicateCount > 0 || sharing.Contains(c.Id));
        }

        var total = await query.CountAsync(cancellationToken);
        var page = await query.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).Skip(offset).Take(pageSize).ToListAsync(cancellationToken);
        var response = new ListClaimsResponse { TotalCount = total, NextPageToken = Paging.Next(offset, page.Count, total) };
        response.Claims.AddRange(await views.ManyAsync(page, cancellationToken));
        return response;
    }
}
