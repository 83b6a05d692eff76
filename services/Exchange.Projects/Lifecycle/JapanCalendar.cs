using Exchange.Projects.Model;

namespace Exchange.Projects.Lifecycle;

/// <summary>The programme's calendar runs on Japan time (UTC+9, no daylight saving): fiscal years begin on 1 April there.</summary>
public static class JapanCalendar
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(9);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);

    public static int FiscalYearOf(DateTimeOffset now) => FiscalYear.Of(Today(now));

    /// <summary>The instant a fiscal year begins: 1 April, 00:00 in Japan.</summary>
    public static DateTimeOffset StartOf(int fiscalYear) =>
        new DateTimeOffset(FiscalYear.Start(fiscalYear).ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();
}
