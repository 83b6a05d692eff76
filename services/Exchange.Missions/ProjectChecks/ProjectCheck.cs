using System.Globalization;
using Exchange.Identity;
using Exchange.Messaging.Correlation;
using Exchange.Missions.Model;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Microsoft.Extensions.Options;

namespace Exchange.Missions.ProjectChecks;

/// <summary>
/// Finds the project of an activity as the caller may see it, for the rules to check against.
///
/// Design: the Projects service is the authority, so every change asks it first: GetProject with
/// the caller's own bearer token (and correlation id), through a channel that retries UNAVAILABLE
/// within a short deadline. Projects applies its own access rules, so a project the caller may
/// not see comes back NOT_FOUND exactly as it would to the caller. Each answer also refreshes the
/// local read model.
///
/// When the Projects service cannot answer (UNAVAILABLE after the retries, DEADLINE_EXCEEDED, or a
/// failure of its own), the local read model decides instead: the latest ProjectStateChanged
/// snapshot of the project (status, supported fiscal years, domestic and overseas bodies), with
/// the same access rules (<see cref="ProjectAccess"/>) and the same business rules. Implementation
/// bodies thus keep logging missions while the Projects service is down, at the price of deciding
/// on a state that may lag the newest change by the time its event takes to arrive. A project the
/// read model has never seen cannot be checked: that answers UNAVAILABLE, never a guess.
///
/// Reads (activities, summaries, organisations) use the read model only: they must not depend on
/// another service being up, and the parties of a project change rarely.
///
/// The response header <see cref="SourceHeader"/> says which of the two decided.
/// </summary>
public sealed class ProjectCheck(ProjectsServiceClient projects, ProjectsReadModel readModel, ICorrelationContext correlation, IOptions<ProjectCheckOptions> options, ILogger<ProjectCheck> logger)
{
    public const string SourceHeader = "x-exchange-project-check";
    public const string ByProjectsService = "projects-service";
    public const string ByReadModel = "read-model";

    /// <summary>
    /// The project for a change by <paramref name="caller"/>; null when it does not exist or the
    /// caller may not see it (callers answer NOT_FOUND, so that its existence leaks to no one).
    /// </summary>
    public async Task<ProjectView?> ForChangeAsync(Guid projectId, ExchangePrincipal caller, CallContext context)
    {
        ProjectView fresh;
        try
        {
            var project = await projects.GetProjectAsync(projectId, ForwardedHeaders(context), Deadline(context), context.CancellationToken);
            fresh = ProjectView.From(project);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            context.ResponseHeaders.Add(SourceHeader, ByProjectsService);
            return null;
        }
        catch (RpcException ex) when (IsOutage(ex.StatusCode) && !context.CancellationToken.IsCancellationRequested)
        {
            return await FromReadModelAsync(projectId, caller, context, ex);
        }

        await readModel.RememberAsync(fresh, context.CancellationToken);
        context.ResponseHeaders.Add(SourceHeader, ByProjectsService);
        return ProjectAccess.CanRead(caller, fresh.Parties) ? fresh : null;
    }

    /// <summary>The project as the read model knows it, for reads; null when unknown or not the caller's to see.</summary>
    public async Task<ProjectView?> ForReadAsync(Guid projectId, ExchangePrincipal caller, CancellationToken cancellationToken)
    {
        var known = await readModel.FindAsync(projectId, cancellationToken);
        if (known is null) return null;
        var view = known.ToView();
        return ProjectAccess.CanRead(caller, view.Parties) ? view : null;
    }

    private async Task<ProjectView?> FromReadModelAsync(Guid projectId, ExchangePrincipal caller, CallContext context, RpcException outage)
    {
        var known = await readModel.FindAsync(projectId, context.CancellationToken);
        logger.LogWarning("The Projects service did not answer ({Status}: {Detail}); project {ProjectId} is checked against the read model ({Known})",
            outage.StatusCode, outage.Status.Detail, projectId, known is null ? "unknown there" : $"version {known.Version}");
        if (known is null)
            throw new RpcException(StatusCode.Unavailable,
                $"project-check: the Projects service cannot be reached and project {projectId} is not known here yet; try again later");
        context.ResponseHeaders.Add(SourceHeader, $"{ByReadModel}; version={known.Version.ToString(CultureInfo.InvariantCulture)}");
        var view = known.ToView();
        return ProjectAccess.CanRead(caller, view.Parties) ? view : null;
    }

    /// <summary>
    /// Statuses meaning the Projects service could not decide. NOT_FOUND, PERMISSION_DENIED and
    /// UNAUTHENTICATED are decisions and pass to the caller as they are.
    /// </summary>
    private static bool IsOutage(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown or StatusCode.ResourceExhausted;

    /// <summary>The caller's own token, so that the Projects service decides what the caller may see.</summary>
    private Metadata ForwardedHeaders(CallContext context)
    {
        var headers = new Metadata();
        if (context.RequestHeaders.GetValue("authorization") is { } authorization) headers.Add("authorization", authorization);
        if (correlation.CorrelationId is { } id) headers.Add(CorrelationHeaders.Name, id);
        return headers;
    }

    /// <summary>The configured deadline, or the caller's own when that comes sooner.</summary>
    private DateTime Deadline(CallContext context)
    {
        var ours = DateTime.UtcNow + options.Value.Deadline;
        return context.Deadline < ours ? context.Deadline : ours;
    }
}
