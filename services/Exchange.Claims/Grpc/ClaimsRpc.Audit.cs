using Exchange.Claims.V1;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Grpc;

/// <summary>The audit trail: a claim's or contract's history, a project's, or (coordinators) the programme's.</summary>
public sealed partial class ClaimsRpc
{
    public async Task<GetAuditTrailResponse> GetAuditTrail(GetAuditTrailRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        errors.MaxLength("subject_id", request.SubjectId, 64);
        var projectId = request.ProjectId.Length > 0 ? ClaimsRequests.Id(errors, "project_id", request.ProjectId, "a project") : Guid.Empty;
        errors.ThrowIfAny();
        var (offset, pageSize) = Paging.Read(request.Page);

        var query = db.AuditTrail.AsNoTracking();
        if (request.SubjectId.Length > 0)
        {
            var subject = request.SubjectId.Trim();
            query = query.Where(e => e.SubjectId == subject || e.SubjectId.StartsWith(subject + "/"));
            if (!ClaimsAuthorization.SeesAll(caller))
            {
                // A subject of a project the caller takes no part in has no trail for it, as it does not exist for it.
                var ofProject = await query.Select(e => e.ProjectId).FirstOrDefaultAsync(context.CancellationToken);
                var project = ofProject is { } id ? await projects.FindAsync(id, context.CancellationToken) : null;
                if (project is null || !Identity.ProjectAccess.CanRead(caller, project.Parties))
                    throw new RpcException(StatusCode.NotFound, $"no audit trail of '{subject}' among the projects organisation '{caller.OrganisationId}' takes part in");
            }
        }
        if (projectId != Guid.Empty)
        {
            ClaimsAuthorization.DemandRead(caller, projectId, await projects.FindAsync(projectId, context.CancellationToken));
            query = query.Where(e => e.ProjectId == projectId);
        }
        if (request.SubjectId.Length == 0 && projectId == Guid.Empty)
            ClaimsAuthorization.DemandCoordinator(caller, ClaimsAuthorization.ProgrammeRule, "read the programme's whole audit trail; name a claim, contract or project");

        var total = await query.CountAsync(context.CancellationToken);
        var page = await query.OrderBy(e => e.At).ThenBy(e => e.Ordinal).ThenBy(e => e.Id).Skip(offset).Take(pageSize).ToListAsync(context.CancellationToken);
        var response = new GetAuditTrailResponse { TotalCount = total, NextPageToken = Paging.Next(offset, page.Count, total) };
        response.Entries.AddRange(page.Select((e, i) => RulebookMapper.ToMessage(e, offset + i + 1)));
        return response;
    }
}
