using Exchange.Projects.Lifecycle;
using Exchange.Projects.Model;

namespace Exchange.Projects.Rules;

/// <summary>A fiscal year is rolled over into once it has begun in Japan (1 April, 00:00 JST), not before.</summary>
public sealed class FiscalYearBegunRule(int fiscalYear, DateTimeOffset now) : BusinessRule
{
    public override string Name => "fiscal-year-not-begun";

    public override bool IsBroken() => now < JapanCalendar.StartOf(fiscalYear);

    public override string Explain() =>
        $"FY{fiscalYear} begins on {FiscalYear.Start(fiscalYear):yyyy-MM-dd} (Japan time); today is {JapanCalendar.Today(now):yyyy-MM-dd} in FY{JapanCalendar.FiscalYearOf(now)}";
}
