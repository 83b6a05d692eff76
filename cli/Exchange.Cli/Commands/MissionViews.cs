using Exchange.Cli.Output;
using Exchange.Missions.V1;
using Spectre.Console;

namespace Exchange.Cli.Commands;

/// <summary>Activities as tables.</summary>
public static class MissionViews
{
    public static Table List(IEnumerable<Activity> activities)
    {
        var table = CommandOutput.Table("id", "FY", "support tool", "title", "dates", "status", "funded", "private");
        foreach (var a in activities)
        {
            CommandOutput.Row(table, a.Id, a.FiscalYear.ToString(System.Globalization.CultureInfo.InvariantCulture), Display.Name(a.SupportTool), a.Title,
                $"{Display.Date(a.StartDate)} .. {Display.Date(a.EndDate)}", Display.Name(a.Status),
                a.FundedPersons.ToString(System.Globalization.CultureInfo.InvariantCulture), a.PrivateExpensePersons.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        return table;
    }

    public static Table Roster(Activity activity)
    {
        var table = CommandOutput.Table("name", "organisation", "country", "role", "funding");
        foreach (var r in activity.Roster)
            CommandOutput.Row(table, r.Name, $"{r.Organisation?.Name} [{r.Organisation?.Id}]", r.Country, r.Role, Display.Name(r.Funding));
        return table;
    }

    public static string Headline(Activity a) =>
        $"Activity {a.Id}: {a.Title} ({Display.Name(a.SupportTool)}, FY{a.FiscalYear}, {Display.Date(a.StartDate)} .. {Display.Date(a.EndDate)}) is {Display.Name(a.Status)}; " +
        $"{a.FundedPersons} funded, {a.PrivateExpensePersons} at private expense";
}
