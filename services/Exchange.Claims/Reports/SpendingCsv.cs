using System.Globalization;
using System.Text;
using Exchange.Claims.Money;
using Exchange.Claims.V1;

namespace Exchange.Claims.Reports;

/// <summary>
/// Spending reports as CSV (RFC 4180: comma-separated, fields with commas, quotes or line breaks
/// quoted, CRLF line ends). One row per tool with its totals and budget (empty category and
/// currency), then one per category and original currency.
/// </summary>
public static class SpendingCsv
{
    public const string Header = "fiscal_year,project_id,project_title,support_tool,category,currency,claimed_original,claimed_jpy,approved_jpy,paid_jpy,budget_programme_share_jpy";
    public const string CoordinatorContracts = "CoordinatorContracts";

    public static CsvExport Export(string fileName, IEnumerable<(ProjectSpending Report, IReadOnlyList<SpendingLine> Lines)> projects)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        var rows = 0;
        foreach (var (report, lines) in projects)
        {
            foreach (var tool in report.Tools)
            {
                var toolName = tool.CoordinatorContracts ? CoordinatorContracts : tool.SupportTool.ToString();
                Row(csv, report, toolName, "", "", "", tool.ClaimedJpy.Amount, tool.ApprovedJpy.Amount, tool.PaidJpy.Amount, tool.BudgetProgrammeShare.Amount);
                rows++;
                if (tool.CoordinatorContracts) continue;
                foreach (var group in lines.Where(l => l.SupportTool == tool.SupportTool && Currencies.IsKnown(l.Currency))
                    .GroupBy(l => (l.Category, l.Currency)).OrderBy(g => g.Key.Category, StringComparer.Ordinal).ThenBy(g => g.Key.Currency, StringComparer.Ordinal))
                {
                    var (category, currency) = group.Key;
                    Row(csv, report, toolName, category, currency, DecimalText.Format(group.Sum(l => l.Original), Currencies.MinorUnitsOf(currency)),
                        Yen(group.Sum(l => l.ClaimedJpy)), Yen(group.Sum(l => l.ApprovedJpy)), Yen(group.Sum(l => l.PaidJpy)), "");
                    rows++;
                }
            }
        }
        return new CsvExport { FileName = fileName, ContentType = "text/csv; charset=utf-8", Csv = csv.ToString(), RowCount = rows };
    }

    public static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static void Row(StringBuilder csv, ProjectSpending report, params string[] rest)
    {
        csv.Append(report.FiscalYear.ToString(CultureInfo.InvariantCulture)).Append(',')
            .Append(Field(report.ProjectId)).Append(',')
            .Append(Field(report.ProjectTitle));
        foreach (var value in rest) csv.Append(',').Append(Field(value));
        csv.Append("\r\n");
    }

    private static string Yen(long amount) => amount.ToString(CultureInfo.InvariantCulture);
}
