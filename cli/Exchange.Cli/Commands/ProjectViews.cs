using Exchange.Cli.Output;
using Exchange.Projects.V1;
using Spectre.Console;

namespace Exchange.Cli.Commands;

/// <summary>Projects as tables.</summary>
public static class ProjectViews
{
    public static Table List(IEnumerable<Project> projects)
    {
        var table = CommandOutput.Table("id", "title", "status", "programme", "domestic region", "overseas", "sector", "supported");
        foreach (var p in projects)
        {
            CommandOutput.Row(table, p.Id, p.Title, Display.Name(p.Status), Display.Name(p.Programme),
                p.DomesticRegion?.Name, string.Join("; ", p.OverseasRegions.Select(r => $"{r.Name}, {r.Country}")),
                Display.Name(p.Sector), Display.Years(p.SupportedFiscalYears));
        }
        return table;
    }

    public static Table Details(Project p)
    {
        var table = CommandOutput.Table("field", "value");
        CommandOutput.Row(table, "id", p.Id);
        CommandOutput.Row(table, "title", p.Title);
        CommandOutput.Row(table, "status", Display.Name(p.Status) + (p.StatusReason.Length > 0 ? $" ({p.StatusReason})" : ""));
        CommandOutput.Row(table, "programme", Display.Name(p.Programme));
        CommandOutput.Row(table, "domestic region", p.DomesticRegion is null ? "" :
            $"{p.DomesticRegion.Name}{(p.DomesticRegion.Prefecture.Length > 0 ? $", {p.DomesticRegion.Prefecture}" : "")} ({Display.Name(p.DomesticRegion.Bureau)} bureau)");
        CommandOutput.Row(table, "overseas regions", string.Join("; ", p.OverseasRegions.Select(r => $"{r.Name}, {r.Country} ({Display.Name(r.WorldArea)})")));
        CommandOutput.Row(table, "sector / theme", $"{Display.Name(p.Sector)} / {p.Theme}");
        CommandOutput.Row(table, "domestic body", p.DomesticBody is null ? "" : $"{p.DomesticBody.Name} [{p.DomesticBody.Id}]");
        CommandOutput.Row(table, "overseas bodies", string.Join("; ", p.OverseasBodies.Select(b => $"{b.Name} [{b.Id}], {b.Country}")));
        CommandOutput.Row(table, "planned", p.PlannedPeriod is null ? "" : Display.Years(Enumerable.Range(p.PlannedPeriod.FirstYear, Math.Max(1, p.PlannedPeriod.LastYear - p.PlannedPeriod.FirstYear + 1))));
        CommandOutput.Row(table, "supported", Display.Years(p.SupportedFiscalYears));
        CommandOutput.Row(table, "members", string.Join("; ", p.Members.Select(m => $"{m.OrganisationName} ({Display.Name(m.ActorType)}{(m.Sme ? ", SME" : "")})")));
        CommandOutput.Row(table, "achievements", string.Join("; ", p.Achievements.Select(a => $"{Display.Date(a.Date)} {Display.Name(a.Kind)}: {a.Description} ({Display.Name(a.Timing)})")));
        CommandOutput.Row(table, "version", p.Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return table;
    }
}
