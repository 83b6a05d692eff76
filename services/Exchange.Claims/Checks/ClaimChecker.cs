using Exchange.Claims.Data;
using Exchange.Claims.Model;
using Exchange.Claims.Money;
using Exchange.Claims.V1;
using Microsoft.EntityFrameworkCore;
using Claim = Exchange.Claims.Model.Claim;
using Rulebook = Exchange.Claims.Model.Rulebook;

namespace Exchange.Claims.Checks;

/// <summary>Loads what the checks of a claim need (rulebook, rates, budget, closing deadline, cut-off) and runs them.</summary>
public sealed class ClaimChecker(ClaimsDb db, TimeProvider clock)
{
    private static readonly ClaimStatus[] Open = [ClaimStatus.Submitted, ClaimStatus.UnderReview, ClaimStatus.Resubmitted];
    private static readonly ClaimStatus[] Decided = [ClaimStatus.Approved, ClaimStatus.Paid];

    public async Task<ClaimCheckResult> CheckAsync(Claim claim, CancellationToken cancellationToken)
    {
        var rulebook = await LatestRulebookAsync(claim.FiscalYear, cancellationToken);
        var currencies = claim.Lines.Select(l => l.Currency).Where(c => c != Currencies.Yen && Currencies.IsKnown(c)).Distinct().ToList();
        var rates = currencies.Count == 0
            ? ExchangeRateTable.Empty
            : new ExchangeRateTable(await db.ExchangeRates.AsNoTracking().Where(r => currencies.Contains(r.Currency)).ToListAsync(cancellationToken));
        var budget = await BudgetPositionAsync(claim, cancellationToken);
        var closing = await db.Closings.AsNoTracking().FirstOrDefaultAsync(c => c.ProjectId == claim.ProjectId, cancellationToken);
        var cutOff = await db.CutOffs.AsNoTracking().FirstOrDefaultAsync(c => c.ProjectId == claim.ProjectId && c.FiscalYear == claim.FiscalYear, cancellationToken);
        return ClaimCheck.Run(claim, rulebook, rates, budget, closing?.Deadline, clock.GetUtcNow(), cutOff?.CutOffAt);
    }

    public Task<Rulebook?> LatestRulebookAsync(int fiscalYear, CancellationToken cancellationToken) =>
        db.Rulebooks.AsNoTracking().Where(r => r.FiscalYear == fiscalYear).OrderByDescending(r => r.Version).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The claim's tool in its project's budget: the programme share and what the other claims of the tool take of it.</summary>
    public async Task<BudgetPosition> BudgetPositionAsync(Claim claim, CancellationToken cancellationToken)
    {
        var budget = await db.Budgets.AsNoTracking().FirstOrDefaultAsync(b => b.ProjectId == claim.ProjectId && b.FiscalYear == claim.FiscalYear, cancellationToken);
        if (budget is null) return BudgetPosition.None;
        var others = await OtherClaimsOfToolAsync(claim, cancellationToken);
        var committed = others.Sum(o => Decided.Contains(o.Status) ? o.SanctionedJpy : Open.Contains(o.Status) ? o.ClaimedJpy : 0);
        return new BudgetPosition(budget.ProgrammeShareOf(claim.SupportTool), committed);
    }

    /// <summary>What the other claims of the tool had approved before this one: the base of the approval's budget check.</summary>
    public async Task<(long? ProgrammeShare, long ApprovedBefore)> ApprovalPositionAsync(Claim claim, CancellationToken cancellationToken)
    {
        var budget = await db.Budgets.AsNoTracking().FirstOrDefaultAsync(b => b.ProjectId == claim.ProjectId && b.FiscalYear == claim.FiscalYear, cancellationToken);
        var others = await OtherClaimsOfToolAsync(claim, cancellationToken);
        return (budget?.ProgrammeShareOf(claim.SupportTool), others.Where(o => Decided.Contains(o.Status)).Sum(o => o.SanctionedJpy));
    }

    private async Task<List<(ClaimStatus Status, long ClaimedJpy, long SanctionedJpy)>> OtherClaimsOfToolAsync(Claim claim, CancellationToken cancellationToken)
    {
        var rows = await db.Claims.AsNoTracking()
            .Where(c => c.ProjectId == claim.ProjectId && c.FiscalYear == claim.FiscalYear && c.SupportTool == claim.SupportTool && c.Id != claim.Id)
            .Select(c => new { c.Status, c.ClaimedJpy, c.SanctionedJpy })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => (r.Status, r.ClaimedJpy, r.SanctionedJpy))];
    }
}
