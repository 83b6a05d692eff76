using Exchange.Claims.Checks;
using Exchange.Claims.Data;
using Exchange.Claims.Lifecycle;
using Exchange.Claims.Model;
using Exchange.Claims.Rules;
using Exchange.Contracts.Projects;
using Exchange.Messaging.Inbox;
using Exchange.Messaging.Outbox;
using Exchange.Rpc;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.IntegrationEvents;

/// <summary>
/// A continued project keeps its coordinators: each active contract of the previous fiscal year
/// (or one that expired when that year was closed before the continuation was decided) is renewed
/// on the same terms into the new one, within the new year's coordinator limits. A contract
/// renewed already is not renewed again, so copies of the event change nothing. When the previous
/// year is closed already, the continuation also opens the budget of the new year
/// (<see cref="BudgetOpening"/>); otherwise the rollover does.
/// </summary>
public sealed class ProjectContinuedConsumer(ClaimsDb db, ClaimChecker checker, BudgetOpening budgets, IEventOutbox outbox, AuditTrail audit, TimeProvider clock, ILogger<ProjectContinuedConsumer> logger)
    : IdempotentConsumer<ProjectContinued, ClaimsDb>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ProjectContinued> context)
    {
        var message = context.Message;
        var now = clock.GetUtcNow();
        if (await Db.CutOffs.AnyAsync(c => c.ProjectId == message.ProjectId && c.FiscalYear == message.PreviousFiscalYear, context.CancellationToken))
            await budgets.OpenAsync(message.ProjectId, message.PreviousFiscalYear, message.FiscalYear, Actor.OnEvent(nameof(ProjectContinued)), now, context.CancellationToken);
        var previous = (await Db.Contracts
            .Where(c => c.ProjectId == message.ProjectId && c.FiscalYear == message.PreviousFiscalYear && c.RenewedToId == null)
            .OrderBy(c => c.Side).ThenBy(c => c.Slot)
            .ToListAsync(context.CancellationToken)).Where(c => c.IsRenewable).ToList();
        if (previous.Count == 0) return;
        var rules = (await checker.LatestRulebookAsync(message.FiscalYear, context.CancellationToken)
            ?? await checker.LatestRulebookAsync(message.PreviousFiscalYear, context.CancellationToken))?.Content;
        var inNewYear = await Db.Contracts.AsNoTracking().Where(c => c.ProjectId == message.ProjectId && c.FiscalYear == message.FiscalYear).ToListAsync(context.CancellationToken);
        foreach (var contract in previous)
        {
            if (rules is not null && new CoordinatorLimitsRule(rules, inNewYear, contract.Side, message.FiscalYear) is { } limits && limits.IsBroken())
            {
                logger.LogWarning("Coordinator contract {ContractId} of project {ProjectId} not renewed into FY{FiscalYear}: {Rule}: {Problem}",
                    contract.Id, message.ProjectId, message.FiscalYear, limits.Name, limits.Explain());
                continue;
            }
            var before = contract.Status;
            var renewed = contract.RenewInto(message.FiscalYear, now);
            Db.Contracts.Add(renewed);
            inNewYear.Add(renewed);
            var actor = Actor.OnEvent(nameof(ProjectContinued));
            audit.Record(AuditTrail.ContractSubject, contract.Id.ToString(), contract.ProjectId, "renewed", AuditTrail.State(before),
                AuditTrail.State(contract.Status), actor, $"renewed into FY{message.FiscalYear} as contract {renewed.Id}", now);
            audit.Record(AuditTrail.ContractSubject, renewed.Id.ToString(), renewed.ProjectId, "signed", "", AuditTrail.State(renewed.Status), actor,
                $"renewal of contract {contract.Id} of FY{contract.FiscalYear}: commission {renewed.CommissionFeeJpy} JPY, travel {renewed.TravelBudgetJpy} JPY", now);
            await outbox.AddAsync(Db, renewed.Id.ToString(), ClaimEvents.Renewed(contract, renewed), cancellationToken: context.CancellationToken);
            logger.LogInformation("Coordinator contract {ContractId} renewed into FY{FiscalYear} as {RenewedId}", contract.Id, message.FiscalYear, renewed.Id);
        }
    }
}
