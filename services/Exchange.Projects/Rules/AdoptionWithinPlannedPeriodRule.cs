namespace Exchange.Projects.Rules;

/// <summary>A project is adopted for a fiscal year of the period it planned.</summary>
public sealed class AdoptionWithinPlannedPeriodRule(int fiscalYear, int plannedFirst, int plannedLast) : BusinessRule
{
    public override string Name => "adoption-within-planned-period";

    public override bool IsBroken() => fiscalYear < plannedFirst || fiscalYear > plannedLast;

    public override string Explain() => $"FY{fiscalYear} is outside the planned period FY{plannedFirst}-FY{plannedLast}";
}
