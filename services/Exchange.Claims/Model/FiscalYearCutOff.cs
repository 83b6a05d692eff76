namespace Exchange.Claims.Model;

/// <summary>
/// After a fiscal year is rolled over, a project's claims of that year are accepted until
/// <see cref="CutOffAt"/> and refused after it. One per project and fiscal year: the first rollover
/// message sets it, copies change nothing.
/// </summary>
public sealed class FiscalYearCutOff
{
    /// <summary>Claims are judged by Japanese dates: the cut-off falls at midnight in Japan.</summary>
    public static readonly TimeSpan JapanOffset = TimeSpan.FromHours(9);

    private FiscalYearCutOff()
    {
    }

    public Guid ProjectId { get; private set; }

    public int FiscalYear { get; private set; }

    public DateTimeOffset CutOffAt { get; private set; }

    public DateTimeOffset SetAt { get; private set; }

    /// <summary>
    /// The moment after the last day a claim is accepted: the end (Japan time) of the day
    /// <paramref name="days"/> after the fiscal year's last day (FY2007 and 60 days: claims until
    /// 2008-05-30, refused from 2008-05-31 00:00 JST).
    /// </summary>
    public static DateTimeOffset CutOffOf(int fiscalYear, int days)
    {
        var lastDay = Model.FiscalYear.End(fiscalYear).AddDays(days);
        return new DateTimeOffset(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), JapanOffset).ToUniversalTime();
    }

    public static FiscalYearCutOff For(Guid projectId, int fiscalYear, int days, DateTimeOffset now) => new()
    {
        ProjectId = projectId,
        FiscalYear = fiscalYear,
        CutOffAt = CutOffOf(fiscalYear, days),
        SetAt = now,
    };
}
