namespace Exchange.Projects.Rules;

/// <summary>Fiscal years are rolled over in order: none older than the last one rolled over.</summary>
public sealed class RolloverOrderRule(int fiscalYear, int? lastRolledOver) : BusinessRule
{
    public override string Name => "rollover-order";

    public override bool IsBroken() => lastRolledOver is { } last && fiscalYear < last;

    public override string Explain() => $"FY{lastRolledOver} was rolled over already; FY{fiscalYear} comes before it and cannot be opened after it";
}
