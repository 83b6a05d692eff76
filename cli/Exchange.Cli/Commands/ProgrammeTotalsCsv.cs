using System.Globalization;
using Exchange.Claims.V1;
using Exchange.Cli.Input;
using Exchange.Cli.Output;

namespace Exchange.Cli.Commands;

/// <summary>
/// The programme's totals of a fiscal year as CSV: per project a total row (empty support tool)
/// and a row per tool, then the programme's rows by tool and its total (project_id "programme").
/// </summary>
public static class ProgrammeTotalsCsv
{
    public static readonly string[] Header =
        ["fiscal_year", "project_id", "project_title", "support_tool", "budget_programme_share_jpy", "claimed_jpy", "approved_jpy", "paid_jpy", "remaining_jpy", "over_budget", "claims"];

    public static (string Csv, int Rows) Render(ProgrammeTotals totals)
    {
        var year = totals.FiscalYear.ToString(CultureInfo.InvariantCulture);
        var rows = new List<string?[]>();
        foreach (var project in totals.Projects)
        {
            rows.Add([year, project.ProjectId, project.ProjectTitle, "", Amount(project.BudgetProgrammeShare), Amount(project.ClaimedJpy), Amount(project.ApprovedJpy),
                Amount(project.PaidJpy), Amount(project.RemainingJpy), "", (project.OpenClaims + project.ApprovedClaims + project.PaidClaims).ToString(CultureInfo.InvariantCulture)]);
            rows.AddRange(project.Tools.Select(t => Tool(year, project.ProjectId, project.ProjectTitle, t)));
        }
        rows.AddRange(totals.ByTool.Select(t => Tool(year, "programme", "", t)));
        rows.Add([year, "programme", "", "", Amount(totals.BudgetProgrammeShare), Amount(totals.ClaimedJpy), Amount(totals.ApprovedJpy), Amount(totals.PaidJpy), "", "", ""]);
        return (CsvText.Table(Header, rows), rows.Count);
    }

    private static string?[] Tool(string year, string projectId, string title, ToolSpending t) =>
        [year, projectId, title, t.CoordinatorContracts ? "coordinator-contracts" : Display.Name(t.SupportTool), Amount(t.BudgetProgrammeShare), Amount(t.ClaimedJpy),
            Amount(t.ApprovedJpy), Amount(t.PaidJpy), Amount(t.RemainingJpy), t.OverBudget ? "true" : "false", t.ClaimCount.ToString(CultureInfo.InvariantCulture)];

    private static string Amount(Common.V1.Money? money) => money?.Amount ?? "";
}
