using Exchange.Claims.Model;

namespace Exchange.Claims;

/// <summary>The service's settings, section <c>Claims</c>.</summary>
public sealed class ClaimsOptions
{
    public const string Section = "Claims";

    /// <summary>
    /// How long after a project's completion its claims are still accepted (fractions of a day
    /// allowed). The programme's sources do not give the period: 60 days unless configured.
    /// </summary>
    public double ClosingPeriodDays { get; set; } = 60;

    /// <summary>What CreateRulebookFromTemplate starts a fiscal year with (illustrative amounts; see <see cref="Model.RulebookTemplate"/>).</summary>
    public RulebookTemplate RulebookTemplate { get; set; } = new();

    /// <summary>
    /// How many days after a fiscal year's end (31 March) its claims are still accepted once the
    /// year was rolled over; the cut-off falls at the end of that day, Japan time. The programme's
    /// sources do not give it: 60 days unless configured.
    /// </summary>
    public int FiscalYearCutOffDays { get; set; } = 60;

    /// <summary>How often the service looks for closing periods that ended, to announce them (ProjectClaimsClosed).</summary>
    public TimeSpan ClosingCheckInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan ClosingPeriod => TimeSpan.FromDays(ClosingPeriodDays);
}
