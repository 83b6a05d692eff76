using Exchange.Claims.Grpc;
using Exchange.Claims.Model;
using Exchange.Claims.V1;
using Exchange.Missions.V1;
using Budget = Exchange.Claims.Model.Budget;
using Claim = Exchange.Claims.Model.Claim;
using CoordinatorContract = Exchange.Claims.Model.CoordinatorContract;

namespace Exchange.Claims.Reports;

/// <summary>
/// Spending against budget: per project and fiscal year by support tool and cost category, in yen
/// and in the original currencies, with the coordinator contracts as a row of their own (invoiced
/// as claimed); and the programme's totals of a fiscal year.
/// </summary>
public static class SpendingReports
{
    public static ProjectSpending ForProject(Guid projectId, string title, int fiscalYear, IReadOnlyList<Claim> claims, Budget? budget,
        IReadOnlyList<CoordinatorContract> contracts, bool withCategories = true)
    {
        var lines = claims.SelectMany(SpendingLine.Of).ToList();
        var report = new ProjectSpending { ProjectId = projectId.ToString(), ProjectTitle = title, FiscalYear = fiscalYear, HasBudget = budget is not null };
        var tools = lines.Select(l => l.SupportTool).Concat(budget?.Lines.Select(l => l.SupportTool) ?? []).Distinct().Order();
        foreach (var tool in tools)
        {
            var ofTool = lines.Where(l => l.SupportTool == tool).ToList();
            var row = Row(ofTool, budget?.ProgrammeShareOf(tool) ?? 0, budget?.OwnShareOf(tool) ?? 0);
            row.SupportTool = tool;
            row.ClaimCount = claims.Count(c => c.SupportTool == tool && SpendingLine.Spends(c.Status));
            if (withCategories) row.Categories.AddRange(ofTool.GroupBy(l => l.Category).OrderBy(g => g.Key, StringComparer.Ordinal).Select(Category));
            report.Tools.Add(row);
        }
        if (contracts.Count > 0 || (budget is not null && (budget.CoordinatorsProgrammeShare > 0 || budget.CoordinatorsOwnShare > 0)))
            report.Tools.Add(CoordinatorRow(contracts, budget));

        report.BudgetProgrammeShare = Wire.Yen(budget?.TotalProgrammeShare ?? 0);
        report.BudgetOwnShare = Wire.Yen(budget?.TotalOwnShare ?? 0);
        var claimed = report.Tools.Sum(t => Yen(t.ClaimedJpy));
        var approved = report.Tools.Sum(t => Yen(t.ApprovedJpy));
        report.ClaimedJpy = Wire.Yen(claimed);
        report.ApprovedJpy = Wire.Yen(approved);
        report.PaidJpy = Wire.Yen(report.Tools.Sum(t => Yen(t.PaidJpy)));
        report.RemainingJpy = Wire.Yen((budget?.TotalProgrammeShare ?? 0) - approved);
        report.ClaimedOriginal.AddRange(Originals(lines.Select(l => (l.Currency, l.Original)).Concat(InvoiceOriginals(contracts))));
        report.DraftClaims = claims.Count(c => c.Status == ClaimStatus.Draft);
        report.OpenClaims = claims.Count(c => c.Status is ClaimStatus.Submitted or ClaimStatus.UnderReview or ClaimStatus.Resubmitted or ClaimStatus.Returned);
        report.ApprovedClaims = claims.Count(c => c.Status == ClaimStatus.Approved);
        report.PaidClaims = claims.Count(c => c.Status == ClaimStatus.Paid);
        report.RejectedClaims = claims.Count(c => c.Status == ClaimStatus.Rejected);
        return report;
    }

    public static ProgrammeTotals ForProgramme(int fiscalYear, IReadOnlyList<ProjectSpending> projects)
    {
        var totals = new ProgrammeTotals { FiscalYear = fiscalYear, ProjectCount = projects.Count };
        totals.Projects.AddRange(projects);
        foreach (var group in projects.SelectMany(p => p.Tools).GroupBy(t => (t.SupportTool, t.CoordinatorContracts)).OrderBy(g => g.Key.CoordinatorContracts).ThenBy(g => g.Key.SupportTool))
        {
            var row = new ToolSpending
            {
                SupportTool = group.Key.SupportTool,
                CoordinatorContracts = group.Key.CoordinatorContracts,
                BudgetProgrammeShare = Wire.Yen(group.Sum(t => Yen(t.BudgetProgrammeShare))),
                BudgetOwnShare = Wire.Yen(group.Sum(t => Yen(t.BudgetOwnShare))),
                ClaimedJpy = Wire.Yen(group.Sum(t => Yen(t.ClaimedJpy))),
                ApprovedJpy = Wire.Yen(group.Sum(t => Yen(t.ApprovedJpy))),
                PaidJpy = Wire.Yen(group.Sum(t => Yen(t.PaidJpy))),
                RemainingJpy = Wire.Yen(group.Sum(t => Yen(t.RemainingJpy))),
                OverBudget = group.Any(t => t.OverBudget),
                ClaimCount = group.Sum(t => t.ClaimCount),
            };
            row.ClaimedOriginal.AddRange(Originals(group.SelectMany(t => t.ClaimedOriginal).Select(m => (m.Currency, decimal.Parse(m.Amount, System.Globalization.CultureInfo.InvariantCulture)))));
            totals.ByTool.Add(row);
        }
        totals.BudgetProgrammeShare = Wire.Yen(projects.Sum(p => Yen(p.BudgetProgrammeShare)));
        totals.ClaimedJpy = Wire.Yen(projects.Sum(p => Yen(p.ClaimedJpy)));
        totals.ApprovedJpy = Wire.Yen(projects.Sum(p => Yen(p.ApprovedJpy)));
        totals.PaidJpy = Wire.Yen(projects.Sum(p => Yen(p.PaidJpy)));
        return totals;
    }

    public static long Yen(Common.V1.Money? money) => money is null || money.Amount.Length == 0 ? 0 : long.Parse(money.Amount, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Sums per currency, in code order; unreadable amounts and currencies are left out.</summary>
    public static IEnumerable<Common.V1.Money> Originals(IEnumerable<(string Currency, decimal Amount)> amounts) => amounts
        .Where(a => Money.Currencies.IsKnown(a.Currency))
        .GroupBy(a => a.Currency)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => Wire.Amount(g.Sum(a => a.Amount), g.Key));

    private static ToolSpending Row(IReadOnlyCollection<SpendingLine> lines, long budgetProgramme, long budgetOwn)
    {
        var approved = lines.Sum(l => l.ApprovedJpy);
        var row = new ToolSpending
        {
            BudgetProgrammeShare = Wire.Yen(budgetProgramme),
            BudgetOwnShare = Wire.Yen(budgetOwn),
            ClaimedJpy = Wire.Yen(lines.Sum(l => l.ClaimedJpy)),
            ApprovedJpy = Wire.Yen(approved),
            PaidJpy = Wire.Yen(lines.Sum(l => l.PaidJpy)),
            RemainingJpy = Wire.Yen(budgetProgramme - approved),
            OverBudget = approved > budgetProgramme,
        };
        row.ClaimedOriginal.AddRange(Originals(lines.Select(l => (l.Currency, l.Original))));
        return row;
    }

    private static CategorySpending Category(IGrouping<string, SpendingLine> lines)
    {
        var category = new CategorySpending
        {
            Category = lines.Key,
            ClaimedJpy = Wire.Yen(lines.Sum(l => l.ClaimedJpy)),
            ApprovedJpy = Wire.Yen(lines.Sum(l => l.ApprovedJpy)),
            PaidJpy = Wire.Yen(lines.Sum(l => l.PaidJpy)),
            LineCount = lines.Count(),
        };
        category.ClaimedOriginal.AddRange(Originals(lines.Select(l => (l.Currency, l.Original))));
        return category;
    }

    private static ToolSpending CoordinatorRow(IReadOnlyList<CoordinatorContract> contracts, Budget? budget)
    {
        var invoices = contracts.SelectMany(c => c.Invoices).ToList();
        var share = budget?.CoordinatorsProgrammeShare ?? 0;
        var approved = invoices.Where(i => i.Status is InvoiceStatus.Approved or InvoiceStatus.Paid).Sum(i => i.ApprovedJpy ?? 0);
        var row = new ToolSpending
        {
            CoordinatorContracts = true,
            BudgetProgrammeShare = Wire.Yen(share),
            BudgetOwnShare = Wire.Yen(budget?.CoordinatorsOwnShare ?? 0),
            ClaimedJpy = Wire.Yen(invoices.Sum(i => i.TotalJpy)),
            ApprovedJpy = Wire.Yen(approved),
            PaidJpy = Wire.Yen(invoices.Where(i => i.Status == InvoiceStatus.Paid).Sum(i => i.ApprovedJpy ?? 0)),
            RemainingJpy = Wire.Yen(share - approved),
            OverBudget = approved > share,
            ClaimCount = invoices.Count,
        };
        row.ClaimedOriginal.AddRange(Originals(InvoiceOriginals(contracts)));
        return row;
    }

    private static IEnumerable<(string, decimal)> InvoiceOriginals(IEnumerable<CoordinatorContract> contracts) =>
        contracts.SelectMany(c => c.Invoices).Select(i => (i.Currency, i.Commission + i.Travel));
}
