using Exchange.Contracts.Projects;
using Exchange.Messaging.Outbox;
using Exchange.Projects.Data;
using Exchange.Projects.IntegrationEvents;
using Exchange.Projects.Lifecycle;
using Exchange.Projects.Model;
using Exchange.Projects.Statistics;
using Exchange.Projects.V1;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Microsoft.EntityFrameworkCore;
using static Exchange.Projects.Grpc.ProjectAuthorization;
using Project = Exchange.Projects.Model.Project;

namespace Exchange.Projects.Grpc;

/// <summary>
/// The RPC surface of exchange.projects.v1.Projects. Each change loads the project, checks who
/// calls, applies one model method (which checks the programme's rules), and saves the project
/// together with its events and its lifecycle's step in one transaction.
/// </summary>
public sealed partial class ProjectsRpc(
    ProjectsDb db,
    IEventOutbox outbox,
    AdoptionRulebook rulebook,
    ProjectLifecycles lifecycles,
    FiscalYearRollovers rollovers,
    Microsoft.Extensions.Options.IOptions<LifecycleOptions> lifecycleOptions,
    TimeProvider clock,
    ILogger<ProjectsRpc> logger)
{
    public async Task<V1.Project> RegisterProject(RegisterProjectRequest request, CallContext context)
    {
        var caller = Caller(context);
        var registration = ProjectRequestValidation.ToRegistration(request);
        if (!SeesAll(caller) && caller.OrganisationId != registration.DomesticBody.OrganisationId)
            throw new RpcException(StatusCode.PermissionDenied,
                $"project-access: organisation '{caller.OrganisationId}' can register projects only with itself as the domestic implementation body");
        if (caller.Role == Identity.Role.OverseasPartner)
            throw new RpcException(StatusCode.PermissionDenied, "project-access: overseas partners cannot register projects");

        var existing = await db.Projects.FirstOrDefaultAsync(p => p.RegisteredBy == caller.OrganisationId && p.RequestId == registration.RequestId, context.CancellationToken);
        if (existing is not null) return ProjectMapper.ToMessage(existing);

        var project = Project.Register(registration, caller.OrganisationId, clock.GetUtcNow());
        db.Projects.Add(project);
        var registered = new ProjectRegistered(project.Id, project.Programme.ToString(), project.Title, project.Sector.ToString(),
            project.DomesticBody.OrganisationId, OverseasBodyIds(project), project.PlannedFirstYear, project.PlannedLastYear, project.RegisteredAt);
        await PublishAsync(project, registered, context);
        await lifecycles.RecordChangeAsync(project, [registered], ActorOf(caller), context.CancellationToken);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same request id registered concurrently: answer with the winner.
            var raced = await RegisteredMeanwhile(caller.OrganisationId, registration.RequestId);
            if (raced is null) throw;
            return ProjectMapper.ToMessage(raced);
        }
        logger.LogInformation("Project {ProjectId} registered by {Organisation}: {Title}", project.Id, caller.OrganisationId, project.Title);
        return ProjectMapper.ToMessage(project);
    }

    public async Task<V1.Project> GetProject(GetProjectRequest request, CallContext context)
    {
        var caller = Caller(context);
        var project = await LoadReadableAsync(request.ProjectId, caller, context);
        return ProjectMapper.ToMessage(project);
    }

    public Task<ListProjectsResponse> ListProjects(ListProjectsRequest request, CallContext context) =>
        new ProjectSearch(db).ListAsync(request, Caller(context), context.CancellationToken);

    public Task<V1.Project> AdoptProject(AdoptProjectRequest request, CallContext context) =>
        ChangeAsync(request.ProjectId, request.ExpectedVersion, context, (caller, _) => DemandAdopt(caller), async project =>
        {
            RequireFiscalYear("fiscal_year", request.FiscalYear);
            var rules = await rulebook.ForAsync(project.Programme, request.FiscalYear, context.CancellationToken);
            project.Adopt(request.FiscalYear, rules, clock.GetUtcNow());
            return Events(new ProjectAdopted(project.Id, request.FiscalYear, project.UpdatedAt));
        });

    public Task<V1.Project> ActivateProject(ActivateProjectRequest request, CallContext context) =>
        ChangeAsync(request.ProjectId, request.ExpectedVersion, context, DemandChange, project =>
        {
            project.Activate(clock.GetUtcNow());
            return Events(new ProjectActivated(project.Id, project.LastSupportedYear, project.UpdatedAt));
        });

    public Task<V1.Project> ContinueProject(ContinueProjectRequest request, CallContext context) =>
        ChangeAsync(request.ProjectId, request.ExpectedVersion, context, (caller, _) => DemandAdopt(caller), async project =>
        {
            var errors = new FieldErrors();
            ProjectRequestValidation.FiscalYear(errors, "fiscal_year", request.FiscalYear);
            if (request.ExpandedRegion is not null) ProjectRequestValidation.OverseasRegion(errors, "expanded_region", request.ExpandedRegion);
            if (request.ExpandedOverseasBody is not null) ProjectRequestValidation.Organisation(errors, "expanded_overseas_body", request.ExpandedOverseasBody);
            errors.ThrowIfAny();

            var previous = project.LastSupportedYear;
            var region = request.ExpandedRegion is null ? null : ProjectRequestValidation.ToModel(request.ExpandedRegion);
            var body = request.ExpandedOverseasBody is null ? null : ProjectRequestValidation.ToModel(request.ExpandedOverseasBody);
            var rules = await rulebook.ForAsync(project.Programme, request.FiscalYear, context.CancellationToken);
            project.Continue(request.FiscalYear, region, body, rules, clock.GetUtcNow());
            var continued = new ProjectContinued(project.Id, previous, request.FiscalYear, project.UpdatedAt);
            return region is null
                ? Events(continued)
                : Events(continued, new ProjectRegionExpanded(project.Id, request.FiscalYear, region.Name, region.Country, region.WorldArea.ToString(), body?.OrganisationId ?? "", project.UpdatedAt));
        });

    public Task<V1.Project> CompleteProject(CompleteProjectRequest request, CallContext context) =>
        ChangeAsync(request.ProjectId, request.ExpectedVersion, context, DemandChange, project =>
        {
            project.Complete(clock.GetUtcNow());
            return Events(new ProjectCompleted(project.Id, project.LastSupportedYear, project.UpdatedAt));
        });

    public Task<V1.Project> StartFollowUp(StartFollowUpRequest request, CallContext context) =>
        ChangeAsync(request.ProjectId, request.ExpectedVersion, context, DemandChange, project =>
        {
            RequireExchangeStatus("exchange_status", request.ExchangeStatus);
            project.StartFollowUp(request.ExchangeStatus, clock.GetUtcNow());
            return Events(new ProjectFollowUpChanged(project.Id, request.ExchangeStatus.ToString(), 0, project.UpdatedAt));
        });

    public Task<V1.Project> RecordFollowUpReview(RecordFollowUpReviewRequest request, CallContext context) =>
        ChangeAsync(request.ProjectId, request.ExpectedVersion, context, DemandChange, project =>
        {
            var errors = new FieldErrors();
            if (request.Review is null) errors.Add("review", "is required");
            else
            {
                ProjectRequestValidation.FiscalYear(errors, "review.fiscal_year", request.Review.FiscalYear);
                errors.Defined("review.exchange_status", request.Review.ExchangeStatus);
                errors.MaxLength("review.note", request.Review.Note, ProjectRequestValidation.MaxText);
            }
            errors.ThrowIfAny();
            project.ReviewFollowUp(request.Review!.FiscalYear, request.Review.ExchangeStatus, request.Review.Note.Trim(), clock.GetUtcNow());
            return Events(new ProjectFollowUpChanged(project.Id, request.Review.ExchangeStatus.ToString(), request.Review.FiscalYear, project.UpdatedAt));
        });

    public Task<V1.Project> CloseProject(CloseProjectRequest request, CallContext context) =>
        ChangeAsync(request.ProjectId, request.ExpectedVersion, context, (caller, _) => DemandAdopt(caller), project =>
        {
            RequireReason(request.Reason);
            project.Close(request.Reason.Trim(), clock.GetUtcNow());
            return Events(new ProjectClosed(project.Id, project.StatusReason, project.UpdatedAt));
        });

    public Task<V1.Project> WithdrawProject(WithdrawProjectRequest request, CallContext context) =>
        ChangeAsync(request.ProjectId, request.ExpectedVersion, context, DemandChange, project =>
        {
            RequireReason(request.Reason);
            project.Withdraw(request.Reason.Trim(), clock.GetUtcNow());
            return Events(new ProjectWithdrawn(project.Id, project.StatusReason, project.UpdatedAt));
        });

    public Task<V1.Project> RecordAchievement(RecordAchievementRequest request, CallContext context) =>
        ChangeAsync(request.ProjectId, 0, context, DemandRecordAchievement, project =>
        {
            var errors = new FieldErrors();
            errors.Required("achievement_id", request.AchievementId, 100);
            errors.Defined("kind", request.Kind);
            if (!ProjectMapper.TryToDate(request.Date, out var date)) errors.Add("date", "is required and must be a calendar date");
            errors.Required("description", request.Description, ProjectRequestValidation.MaxText);
            errors.MaxLength("activity_id", request.ActivityId, 100);
            errors.ThrowIfAny();

            var caller = Caller(context);
            var achievement = new AchievementRecord(request.AchievementId.Trim(), request.Kind, date, request.Description.Trim(),
                request.ActivityId.Trim(), caller.OrganisationId, clock.GetUtcNow());
            if (!project.RecordAchievement(achievement, clock.GetUtcNow())) return Events();
            return Events(new AchievementRecorded(project.Id, achievement.Id, achievement.Kind.ToString(), project.TimingOf(achievement).ToString(),
                achievement.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), achievement.ActivityId, caller.OrganisationId, project.UpdatedAt));
        });

    public async Task<AdoptionRules> GetAdoptionRules(GetAdoptionRulesRequest request, CallContext context)
    {
        Caller(context);
        var errors = new FieldErrors();
        errors.Defined("programme", request.Programme);
        ProjectRequestValidation.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        errors.ThrowIfAny();
        return AdoptionRulebook.ToMessage(await rulebook.ForAsync(request.Programme, request.FiscalYear, context.CancellationToken));
    }

    public async Task<AdoptionRules> SetAdoptionRules(SetAdoptionRulesRequest request, CallContext context)
    {
        var caller = Caller(context);
        DemandConfigureRules(caller);
        var rules = await rulebook.SetAsync(request.Rules, caller.OrganisationId, context.CancellationToken);
        logger.LogInformation("Adoption rules for {Programme} FY{FiscalYear} set by {Organisation}", rules.Programme, rules.FiscalYear, caller.OrganisationId);
        return AdoptionRulebook.ToMessage(rules);
    }

    public async Task<V1.Statistics> GetStatistics(GetStatisticsRequest request, CallContext context)
    {
        var caller = Caller(context);
        DemandAdopt(caller);
        var query = db.Projects.AsNoTracking();
        if (request.Programme != Programme.Unspecified) query = query.Where(p => p.Programme == request.Programme);
        return ProgrammeStatistics.Compute(await query.ToListAsync(context.CancellationToken));
    }

    private async Task<V1.Project> ChangeAsync(
        string projectId,
        long expectedVersion,
        CallContext context,
        Action<Identity.ExchangePrincipal, Project> authorize,
        Func<Project, Task<IReadOnlyList<object>>> change)
    {
        var caller = Caller(context);
        var project = await LoadReadableAsync(projectId, caller, context);
        authorize(caller, project);
        if (expectedVersion != 0 && expectedVersion != project.Version)
            throw new RpcException(StatusCode.Aborted, $"version-conflict: the project is at version {project.Version}, not {expectedVersion}; reload it and try again");

        var versionBefore = project.Version;
        var events = await change(project);
        if (project.Version == versionBefore) return ProjectMapper.ToMessage(project);
        foreach (var @event in events) await PublishAsync(project, @event, context);
        await PublishAsync(project, ProjectEvents.Snapshot(project), context);
        await lifecycles.RecordChangeAsync(project, events, ActorOf(caller), context.CancellationToken);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "Concurrent change to project {ProjectId}", project.Id);
            throw new RpcException(StatusCode.Aborted, "version-conflict: the project was changed by someone else meanwhile; reload it and try again");
        }
        logger.LogInformation("Project {ProjectId} is now {Status} (version {Version}) after a change by {Organisation}",
            project.Id, project.Status, project.Version, caller.OrganisationId);
        return ProjectMapper.ToMessage(project);
    }

    private Task<V1.Project> ChangeAsync(string projectId, long expectedVersion, CallContext context, Action<Identity.ExchangePrincipal, Project> authorize, Func<Project, IReadOnlyList<object>> change) =>
        ChangeAsync(projectId, expectedVersion, context, authorize, project => Task.FromResult(change(project)));

    private async Task<Project> LoadReadableAsync(string projectId, Identity.ExchangePrincipal caller, CallContext context)
    {
        var errors = new FieldErrors();
        ProjectRequestValidation.ProjectId(errors, projectId);
        errors.ThrowIfAny();
        var id = Guid.Parse(projectId);
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, context.CancellationToken);
        // A project the caller may not read is reported as missing, so that its existence leaks to no one.
        if (project is null || !CanRead(caller, project))
            throw new RpcException(StatusCode.NotFound, $"project {projectId} not found");
        return project;
    }

    private async Task<Project?> RegisteredMeanwhile(string organisationId, string requestId)
    {
        db.ChangeTracker.Clear();
        return await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.RegisteredBy == organisationId && p.RequestId == requestId);
    }

    private Task PublishAsync(Project project, object @event, CallContext context) =>
        outbox.AddAsync(db, project.Id.ToString(), @event, cancellationToken: context.CancellationToken);

    private static string[] OverseasBodyIds(Project project) => ProjectEvents.OverseasBodyIds(project);

    /// <summary>How the lifecycle's history names a caller: "hamamatsu-city (implementation-body)".</summary>
    private static string ActorOf(Identity.ExchangePrincipal caller) => $"{caller.OrganisationId} ({Identity.ExchangeClaims.RoleValue(caller.Role)})";

    private static IReadOnlyList<object> Events(params object[] events) => events;

    private static void RequireFiscalYear(string field, int year)
    {
        var errors = new FieldErrors();
        ProjectRequestValidation.FiscalYear(errors, field, year);
        errors.ThrowIfAny();
    }

    private static void RequireExchangeStatus(string field, ExchangeStatus status)
    {
        var errors = new FieldErrors();
        errors.Defined(field, status);
        errors.ThrowIfAny();
    }

    private static void RequireReason(string reason)
    {
        var errors = new FieldErrors();
        errors.Required("reason", reason, ProjectRequestValidation.MaxText);
        errors.ThrowIfAny();
    }
}
