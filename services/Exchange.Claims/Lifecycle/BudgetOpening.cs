using Exchange.Claims.Checks;
using Exchange.Claims.Data;
using Exchange.Claims.IntegrationEvents;
using Exchange.Claims.Model;
using Exchange.Claims.Rules;
using Exchange.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Lifecycle;

/// <summary>
/// Opens a continued project's budget of the new fiscal year once the old year is closed: the old
/// year's budget, tool by tool, as version 1 of the new one, for coordinators to adjust with
/// SetBudget. Nothing is opened when the new year has a budget already (set by a coordinator, or
/// opened before: copies of the event change nothing), when the old year had none, or when the
/// copy would break the new year's self-funding rule (a coordinator sets that budget by hand).
/// </summary>
public sealed class BudgetOpening(ClaimsDb db, ClaimChecker checker, IEventOutbox outbox, AuditTrail audit, ILogger<BudgetOpening> logger)
{
    public async Task<Budget?> OpenAsync(Guid projectId, int closedYear, int newYear, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.Budgets.AnyAsync(b => b.ProjectId == projectId && b.FiscalYear == newYear, cancellationToken)
            || db.Budgets.Local.Any(b => b.ProjectId == projectId && b.FiscalYear == newYear)) return null;
        var previous = await db.Budgets.AsNoTracking().FirstOrDefaultAsync(b => b.ProjectId == projectId && b.FiscalYear == closedYear, cancellationToken);
        if (previous is null) return null;
        var rules = (await checker.LatestRulebookAsync(newYear, cancellationToken))?.Content;
        if (rules is not null && new SelfFundingRule(previous.TotalOwnShare, previous.TotalProgrammeShare, rules.MinOwnShareNumerator, rules.MinOwnShareDenominator) is { } funding && funding.IsBroken())
        {
            logger.LogWarning("Budget FY{FiscalYear} of project {ProjectId} not opened from FY{Previous}: {Rule}: {Problem}", newYear, projectId, closedYear, funding.Name, funding.Explain());
            return null;
        }

        var budget = Budget.For(projectId, newYear);
        budget.Set([.. previous.Lines], previous.CoordinatorsProgrammeShare, previous.CoordinatorsOwnShare, AuditEntry.System, now);
        db.Budgets.Add(budget);
        audit.Record(AuditTrail.BudgetSubject, $"{projectId}/FY{newYear}", projectId, "opened", "", $"v{budget.Version}", actor,
            $"FY{closedYear} closed and the project continued: opened from the FY{closedYear} budget (programme share {budget.TotalProgrammeShare} JPY, own share {budget.TotalOwnShare} JPY)", now);
        await outbox.AddAsync(db, projectId.ToString(), ClaimEvents.BudgetSet(budget), cancellationToken: cancellationToken);
        logger.LogInformation("Budget FY{FiscalYear} of project {ProjectId} opened from FY{Previous}", newYear, projectId, closedYear);
        return budget;
    }
}
