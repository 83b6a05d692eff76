using Exchange.Contracts.Projects;
using Exchange.Messaging.Outbox;
using Exchange.Projects.Data;
using Exchange.Projects.IntegrationEvents;
using Exchange.Projects.Rules;
using Exchange.Projects.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Projects.Lifecycle;

/// <summary>
/// Rolls the programme over into a new fiscal year, once per year: the active projects of the
/// closed year that were not continued wait for a continuation decision, every project of the
/// closed year gets a step in its history, projects followed up longer than
/// <c>Lifecycle:MaxFollowUpFiscalYears</c> (when set) are closed, and <see cref="FiscalYearRolledOver"/>
/// tells the other services (the Claims service cuts off the closed year's claims, expires the
/// contracts of projects not continued and opens the continued projects' budgets). The caller saves.
/// </summary>
public sealed class FiscalYearRollovers(ProjectsDb db, ProjectLifecycles lifecycles, IEventOutbox outbox, IOptions<LifecycleOptions> options, TimeProvider clock, ILogger<FiscalYearRollovers> logger)
{
    /// <summary>The stream of the programme's calendar events in the outbox.</summary>
    public const string Stream = "fiscal-years";

    public Task<FiscalYearRollover?> FindAsync(int fiscalYear, CancellationToken cancellationToken) =>
        db.Rollovers.AsNoTracking().FirstOrDefaultAsync(r => r.FiscalYear == fiscalYear, cancellationToken);

    public Task<int?> LastAsync(CancellationToken cancellationToken) => db.Rollovers.MaxAsync(r => (int?)r.FiscalYear, cancellationToken);

    /// <summary>The rollover into <paramref name="fiscalYear"/>: the one done before (true), or a new one added to the unit of work (false).</summary>
    public async Task<(FiscalYearRollover Rollover, bool AlreadyDone)> RollOverAsync(int fiscalYear, string actor, CancellationToken cancellationToken)
    {
        if (await FindAsync(fiscalYear, cancellationToken) is { } done) return (done, true);
        var now = clock.GetUtcNow();
        BusinessRule.Enforce(new FiscalYearBegunRule(fiscalYear, now));
        BusinessRule.Enforce(new RolloverOrderRule(fiscalYear, await LastAsync(cancellationToken)));

        var closedYear = fiscalYear - 1;
        var closedIndex = $"|{closedYear}|";
        var ofClosedYear = await db.Projects.Where(p => p.FiscalYearIndex.Contains(closedIndex)).OrderBy(p => p.RegisteredAt).ToListAsync(cancellationToken);
        var continued = ofClosedYear.Where(p => p.SupportedFiscalYears.Contains(fiscalYear)).ToList();
        var awaiting = ofClosedYear.Where(p => p.Status == ProjectStatus.Active && p.LastSupportedYear == closedYear).ToList();
        var maxYears = options.Value.MaxFollowUpFiscalYears;
        var followedUpTooLong = maxYears <= 0 ? [] : (await db.Projects.Where(p => p.Status == ProjectStatus.FollowUp).ToListAsync(cancellationToken))
            .Where(p => p.LastSupportedYear + maxYears < fiscalYear).ToList();

        var rollover = FiscalYearRollover.Into(fiscalYear, actor, now, ofClosedYear.Select(p => p.Id), continued.Select(p => p.Id), awaiting.Select(p => p.Id), followedUpTooLong.Select(p => p.Id));
        db.Rollovers.Add(rollover);
        foreach (var project in followedUpTooLong)
        {
            project.Close($"follow-up ended: {maxYears} fiscal years after its last supported year FY{project.LastSupportedYear}", now);
            await outbox.AddAsync(db, project.Id.ToString(), new ProjectClosed(project.Id, project.StatusReason, now), cancellationToken: cancellationToken);
            await outbox.AddAsync(db, project.Id.ToString(), ProjectEvents.Snapshot(project), cancellationToken: cancellationToken);
        }
        foreach (var project in ofClosedYear.Union(followedUpTooLong))
        {
            var detail = followedUpTooLong.Contains(project) ? $"FY{closedYear} closed; {project.StatusReason}"
                : continued.Contains(project) ? $"FY{closedYear} closed; continued into FY{fiscalYear}"
                : awaiting.Contains(project) ? $"FY{closedYear} closed while the project was active and not continued: it waits for a coordinator's decision"
                : $"FY{closedYear} closed; its claims of FY{closedYear} get their cut-off";
            await lifecycles.RecordRolloverAsync(project, rollover, actor, detail, cancellationToken);
        }
        await outbox.AddAsync(db, Stream, new FiscalYearRolledOver(fiscalYear, closedYear, [.. rollover.ClosedYearProjectIds], [.. rollover.ContinuedProjectIds],
            [.. rollover.AwaitingDecisionProjectIds], [.. rollover.ClosedProjectIds], actor, now), cancellationToken: cancellationToken);
        logger.LogInformation("FY{ClosedYear} closed and FY{FiscalYear} opened by {Actor}: {Projects} projects of FY{ClosedYear}, {Continued} continued, {Awaiting} awaiting a decision, {Closed} closed",
            closedYear, fiscalYear, actor, ofClosedYear.Count, closedYear, continued.Count, awaiting.Count, followedUpTooLong.Count);
        return (rollover, false);
    }
}
