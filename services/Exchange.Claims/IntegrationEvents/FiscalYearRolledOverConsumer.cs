using Exchange.Claims.Data;
using Exchange.Claims.Lifecycle;
using Exchange.Claims.Model;
using Exchange.Contracts.Claims;
using Exchange.Contracts.Projects;
using Exchange.Messaging.Inbox;
using Exchange.Messaging.Outbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Claims.IntegrationEvents;

/// <summary>
/// A fiscal year was closed: the claims of its projects get their cut-off
/// (<c>Claims:FiscalYearCutOffDays</c> after the year's end), the coordinator contracts of the
/// projects that were not continued expire, and the continued projects' budgets of the new year
/// open. Everything is keyed by the projects the event names, so each step happens once per
/// project whatever is redelivered, and a rollover of another platform on the same broker
/// (tests) touches none of this one's projects.
/// </summary>
public sealed class FiscalYearRolledOverConsumer(
    ClaimsDb db,
    BudgetOpening budgets,
    IEventOutbox outbox,
    AuditTrail audit,
    IOptions<ClaimsOptions> options,
    TimeProvider clock,
    ILogger<FiscalYearRolledOverConsumer> logger)
    : IdempotentConsumer<FiscalYearRolledOver, ClaimsDb>(db)
{
    protected override async Task HandleAsync(ConsumeContext<FiscalYearRolledOver> context)
    {
        var rollover = context.Message;
        var closedYear = rollover.ClosedFiscalYear;
        var now = clock.GetUtcNow();
        var actor = Actor.OnEvent(nameof(FiscalYearRolledOver));
        var projects = (rollover.ClosedYearProjectIds ?? []).Distinct().ToList();
        var continued = (rollover.ContinuedProjectIds ?? []).ToHashSet();
        var cancellationToken = context.CancellationToken;

        var haveCutOff = await Db.CutOffs.Where(c => c.FiscalYear == closedYear && projects.Contains(c.ProjectId)).Select(c => c.ProjectId).ToListAsync(cancellationToken);
        foreach (var projectId in projects.Except(haveCutOff))
        {
            var cutOff = FiscalYearCutOff.For(projectId, closedYear, options.Value.FiscalYearCutOffDays, now);
            Db.CutOffs.Add(cutOff);
            await outbox.AddAsync(Db, projectId.ToString(), new FiscalYearCutOffSet(projectId, closedYear, cutOff.CutOffAt, now), cancellationToken: cancellationToken);
        }

        var ending = projects.Where(p => !continued.Contains(p)).ToList();
        var contracts = await Db.Contracts
            .Where(c => c.FiscalYear == closedYear && ending.Contains(c.ProjectId) && c.Status == V1.ContractStatus.Active && c.RenewedToId == null)
            .ToListAsync(cancellationToken);
        foreach (var contract in contracts)
        {
            if (!contract.Expire()) continue;
            audit.Record(AuditTrail.ContractSubject, contract.Id.ToString(), contract.ProjectId, "expired", AuditTrail.State(V1.ContractStatus.Active),
                AuditTrail.State(contract.Status), actor, $"FY{closedYear} closed and the project was not continued into FY{rollover.FiscalYear}", now);
            await outbox.AddAsync(Db, contract.Id.ToString(),
                new CoordinatorContractExpired(contract.Id, contract.ProjectId, contract.FiscalYear, contract.Side == V1.CoordinatorSide.Japan ? "Japan" : "Overseas", now),
                cancellationToken: cancellationToken);
        }

        foreach (var projectId in continued) await budgets.OpenAsync(projectId, closedYear, rollover.FiscalYear, actor, now, cancellationToken);
        logger.LogInformation("FY{ClosedYear} closed: {Projects} projects' claims cut off, {Expired} coordinator contracts expired, {Continued} continued into FY{FiscalYear}",
            closedYear, projects.Count - haveCutOff.Count, contracts.Count, continued.Count, rollover.FiscalYear);
    }
}
