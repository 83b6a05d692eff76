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

    /// <summary>When the service announced that the period ended (ProjectClaimsClosed); null before.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public bool IsDue(DateTimeOffset now) => ClosedAt is null && now >= Deadline;

    /// <summary>Marks the period ended; false when it was marked already.</summary>
    public bool Close(DateTimeOffset now)
    {
        if (ClosedAt is not null) return false;
        ClosedAt = now;
        return true;
    }

    public static ProjectClosing Start(Guid projectId, int lastFiscalYear, DateTimeOffset completedAt, TimeSpan period) => new()
    {
        ProjectId = projectId,
        LastFiscalYear = lastFiscalYear,
        CompletedAt = completedAt,
        Deadline = completedAt + period,
    };
}
