namespace Exchange.Claims.Model;

/// <summary>
/// A completed project's closing period: claims are accepted until <see cref="Deadline"/>
/// (completion plus <c>Claims:ClosingPeriodDays</c>), none after.
/// </summary>
public sealed class ProjectClosing
{
    private ProjectClosing()
    {
    }

    public Guid ProjectId { get; private set; }

    public int LastFiscalYear { get; private set; }

    public DateTimeOffset CompletedAt { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public static ProjectClosing Start(Guid projectId, int lastFiscalYear, DateTimeOffset completedAt, TimeSpan period) => new()
    {
        ProjectId = projectId,
        LastFiscalYear = lastFiscalYear,
        CompletedAt = completedAt,
        Deadline = completedAt + period,
    };
}
