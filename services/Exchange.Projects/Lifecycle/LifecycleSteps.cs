using Exchange.Contracts.Projects;

namespace Exchange.Projects.Lifecycle;

/// <summary>How the project's own events read as steps of its lifecycle history.</summary>
public static class LifecycleSteps
{
    /// <summary>The step an event of the project records, or null for events that are no lifecycle step (achievements, snapshots).</summary>
    public static (string Step, string Detail)? Of(object @event) => @event switch
    {
        ProjectRegistered e => ("registered", $"proposed for FY{e.PlannedFirstYear}-FY{e.PlannedLastYear}: {e.Title}"),
        ProjectAdopted e => ("adopted", $"adopted for FY{e.FiscalYear}"),
        ProjectActivated e => ("activated", $"the work of FY{e.FiscalYear} started"),
        ProjectContinued e => ("continued", $"continued from FY{e.PreviousFiscalYear} into FY{e.FiscalYear}"),
        ProjectRegionExpanded e => ("region-expanded", $"expanded to {e.RegionName}, {e.Country} in FY{e.FiscalYear}"),
        ProjectCompleted e => ("completed", $"completed after FY{e.LastFiscalYear}"),
        ProjectFollowUpChanged { FiscalYear: 0 } e => ("follow-up-started", $"exchange {Describe(e.ExchangeStatus)}"),
        ProjectFollowUpChanged e => ("follow-up-reviewed", $"FY{e.FiscalYear} reviewed: exchange {Describe(e.ExchangeStatus)}"),
        ProjectClosed e => ("closed", e.Reason),
        ProjectWithdrawn e => ("withdrawn", e.Reason),
        _ => null,
    };

    private static string Describe(string exchangeStatus) => exchangeStatus switch
    {
        "Continuing" => "continuing",
        "Ceased" => "ceased",
        _ => "not yet reviewed",
    };
}
