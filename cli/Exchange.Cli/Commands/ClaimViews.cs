using System.Globalization;
using Exchange.Claims.V1;
using Exchange.Cli.Output;
using Spectre.Console;

namespace Exchange.Cli.Commands;

/// <summary>Claims as tables.</summary>
public static class ClaimViews
{
    public static Table List(IEnumerable<Claim> claims)
    {
        var table = CommandOutput.Table("id", "project", "FY", "support tool", "activity dates", "status", "lines", "claimed", "sanctioned", "violations");
        foreach (var c in claims)
        {
            CommandOutput.Row(table, c.Id, c.ProjectId, c.FiscalYear.ToString(CultureInfo.InvariantCulture), Display.Name(c.SupportTool),
                $"{Display.Date(c.ActivityStart)} .. {Display.Date(c.ActivityEnd)}", Display.Name(c.Status), c.Lines.Count.ToString(CultureInfo.InvariantCulture),
                Display.Money(c.ClaimedJpy), Display.Money(c.SanctionedJpy), c.Violations.Count.ToString(CultureInfo.InvariantCulture));
        }
        return table;
    }

    public static string Headline(Claim c) =>
        $"Claim {c.Id} of project {c.ProjectId}, FY{c.FiscalYear}, {Display.Name(c.SupportTool)} ({Display.Date(c.ActivityStart)} .. {Display.Date(c.ActivityEnd)}, {c.ActivityDays} days): " +
        $"{Display.Name(c.Status)}, claimed {Display.Money(c.ClaimedJpy)}" + (c.SanctionedJpy is { Amount.Length: > 0 } ? $", sanctioned {Display.Money(c.SanctionedJpy)}" : "") +
        (c.Payment is { } p ? $", paid {Display.Date(p.PaidOn)} ({p.PaymentId})" : "") + (c.StatusReason.Length > 0 ? $"; {c.StatusReason}" : "");

    public static Table Lines(Claim claim)
    {
        var table = CommandOutput.Table("line", "category", "description", "person", "amount", "value date", "rate", "JPY", "sanctioned");
        foreach (var l in claim.Lines)
            CommandOutput.Row(table, l.Id, l.Category, l.Description, l.PersonKey, Display.Money(l.Amount), Display.Date(l.ValueDate), l.RateToJpy, Display.Money(l.AmountJpy), Display.Money(l.SanctionedJpy));
        return table;
    }

    public static Table People(Claim claim)
    {
        var table = CommandOutput.Table("funded person (key for lines)", "name", "organisation", "country", "role");
        foreach (var p in claim.FundedPeople) CommandOutput.Row(table, p.Key, p.Name, p.OrganisationName, p.Country, p.Role);
        return table;
    }

    public static IEnumerable<string> Violations(Claim claim) =>
        claim.Violations.Select(v => (v.LineId.Length > 0 ? $"line {v.LineId}: " : "") + v.Message);
}
