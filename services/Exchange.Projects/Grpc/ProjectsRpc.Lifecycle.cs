using System.Data;
using Exchange.Identity;
using Exchange.Projects.Lifecycle;
using Exchange.Projects.V1;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using static Exchange.Projects.Grpc.ProjectAuthorization;

namespace Exchange.Projects.Grpc;

/// <summary>The lifecycle view (who may read the project sees where it stands) and the fiscal-year rollover (coordinators).</summary>
public sealed partial class ProjectsRpc
{
    public const string RolloverRule = "fiscal-year-rollover";

    public async Task<V1.ProjectLifecycle> GetLifecycle(GetLifecycleRequest request, CallContext context)
    {
        var caller = Caller(context);
        await using var snapshot = await ReadSnapshotAsync(context);
        var project = await LoadReadableAsync(request.ProjectId, caller, context);
        var (lifecycle, facts) = await lifecycles.ViewAsync(project, context.CancellationToken);
        var history = await db.LifecycleSteps.AsNoTracking().Where(s => s.ProjectId == project.Id).OrderBy(s => s.Sequence).ToListAsync(context.CancellationToken);
        return LifecycleMapper.ToMessage(project, lifecycle, facts, WaitsOf(lifecycle, facts), history);
    }

    public async Task<ListLifecyclesResponse> ListLifecycles(ListLifecyclesRequest request, CallContext context)
    {
        var caller = Caller(context);
        var (offset, pageSize) = ProjectSearch.Page(request.Page);
        await using var snapshot = await ReadSnapshotAsync(context);
        var query = db.Projects.AsNoTracking();
        if (!SeesAll(caller))
        {
            var party = $"|{caller.OrganisationId}|";
            query = query.Where(p => p.PartyIndex.Contains(party));
        }
        // Stages and waits follow from each project's facts: judged in memory, which is cheap at
        // the programme's scale (tens of projects a year), as listing projects does.
        var projects = (await query.OrderBy(p => p.RegisteredAt).ThenBy(p => p.Id).ToListAsync(context.CancellationToken))
            .Where(p => SeesAll(caller) || CanRead(caller, p)).ToList();
        var views = new List<V1.ProjectLifecycle>();
        foreach (var project in projects)
        {
            var (lifecycle, facts) = await lifecycles.ViewAsync(project, context.CancellationToken);
            if (request.Stage != LifecycleStage.Unspecified && lifecycle.Stage != request.Stage) continue;
            var waits = WaitsOf(lifecycle, facts);
            if (request.WaitingFor != LifecycleWaitKind.Unspecified && waits.All(w => w.Kind != request.WaitingFor)) continue;
            if (request.OverdueOnly && !waits.Any(w => w.Overdue)) continue;
            views.Add(LifecycleMapper.ToMessage(project, lifecycle, facts, waits, history: null));
        }
        var page = views.Skip(offset).Take(pageSize).ToList();
        var response = new ListLifecyclesResponse { TotalCount = views.Count };
        response.Lifecycles.AddRange(page);
        if (offset + page.Count < views.Count) response.NextPageToken = ProjectSearch.EncodeToken(offset + page.Count);
        return response;
    }

    public async Task<V1.FiscalYearRollover> RollOverFiscalYear(RollOverFiscalYearRequest request, CallContext context)
    {
        var caller = Caller(context);
        if (!SeesAll(caller))
            throw new RpcException(StatusCode.PermissionDenied,
                $"{RolloverRule}: only coordinators roll fiscal years over; organisation '{caller.OrganisationId}' calls as {ExchangeClaims.RoleValue(caller.Role)}");
        RequireFiscalYear("fiscal_year", request.FiscalYear);
        var (rollover, done) = await rollovers.RollOverAsync(request.FiscalYear, ActorOf(caller), context.CancellationToken);
        if (done) return LifecycleMapper.ToMessage(rollover, alreadyDone: true);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            // The same year rolled over concurrently (the scheduler, another coordinator): answer that rollover.
            if (await rollovers.FindAsync(request.FiscalYear, context.CancellationToken) is { } raced) return LifecycleMapper.ToMessage(raced, alreadyDone: true);
            logger.LogInformation(ex, "Rollover into FY{FiscalYear} collided with a change of one of its projects", request.FiscalYear);
            throw new RpcException(StatusCode.Aborted, "version-conflict: a project of the closed year was changed meanwhile; try the rollover again");
        }
        return LifecycleMapper.ToMessage(rollover, alreadyDone: false);
    }

    /// <summary>
    /// One snapshot for a project, its lifecycle and its facts, read one after another: the process
    /// manager may move the project between two reads, and a view mixing the project before the move
    /// with the lifecycle after it would show a stage with nothing to wait for.
    /// </summary>
    private Task<IDbContextTransaction> ReadSnapshotAsync(CallContext context) =>
        db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, context.CancellationToken);

    private IReadOnlyList<WaitValue> WaitsOf(Lifecycle.ProjectLifecycle lifecycle, LifecycleFacts facts) =>
        LifecycleDecider.WaitsOf(facts, lifecycle.StageSince, lifecycleOptions.Value, clock.GetUtcNow());
}
