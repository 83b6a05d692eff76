using System.Globalization;

namespace Exchange.Projects.Rules;

/// <summary>SMEs must be at least a share (two thirds) of the participating organisations.</summary>
public sealed class SmeShareRule(int smeCount, int memberCount, decimal minPercent) : BusinessRule
{
    public override string Name => "min-sme-share";

    // Coordinators write two thirds as 66.67 %: a share up to 0.01 points below the figure still
    // passes, so that 10 of 15 (66.666... %) qualifies. Decimal arithmetic, no rounding surprises.
    public override bool IsBroken() => minPercent > 0 && (memberCount == 0 || smeCount * 100m < (minPercent - 0.01m) * memberCount);

    public override string Explain() =>
        $"SMEs are {smeCount} of {memberCount} participating organisations ({Share()}); at least {minPercent.ToString("0.##", CultureInfo.InvariantCulture)} % are required";

    private string Share() => memberCount == 0 ? "none" : (smeCount * 100m / memberCount).ToString("0.#", CultureInfo.InvariantCulture) + " %";
}
