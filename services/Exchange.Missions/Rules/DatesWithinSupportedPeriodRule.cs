using Exchange.Missions.Model;

namespace Exchange.Missions.Rules;

/// <summary>
/// An activity takes place within the fiscal years the programme supports its project in, and
/// within the one fiscal year it belongs to: the programme pays per fiscal year, so an activity
/// cannot straddle the 31 March.
/// </summary>
public sealed class DatesWithinSupportedPeriodRule(DateOnly start, DateOnly end, int fiscalYear, IReadOnlyCollection<int> supportedYears) : BusinessRule
{
    public override string Name => "dates-within-supported-period";

    public override bool IsBroken() =>
        !supportedYears.Contains(FiscalYear.Of(start)) || !supportedYears.Contains(FiscalYear.Of(end))
        || start < FiscalYear.Start(fiscalYear) || end > FiscalYear.End(fiscalYear);

    public override string Explain()
    {
        var dates = $"the activity runs {start:yyyy-MM-dd} to {end:yyyy-MM-dd}";
        if (supportedYears.Count == 0) return $"{dates}, but the project has no supported fiscal year yet";
        if (!supportedYears.Contains(FiscalYear.Of(start)) || !supportedYears.Contains(FiscalYear.Of(end)))
            return $"{dates}, outside the project's supported period ({Period()})";
        return $"{dates}, outside FY{fiscalYear} ({FiscalYear.Start(fiscalYear):yyyy-MM-dd} to {FiscalYear.End(fiscalYear):yyyy-MM-dd}), the fiscal year it belongs to";
    }

    private string Period() => string.Join(", ", supportedYears.Order().Select(y => $"FY{y} ({FiscalYear.Start(y):yyyy-MM-dd} to {FiscalYear.End(y):yyyy-MM-dd})"));
}
