namespace Exchange.Projects.Lifecycle;

/// <summary>
/// A survey round answering follow-up surveys, as the Surveys service announced it: which
/// schedules and projects it answers (when opened) and when it closed. Its opening and its closing
/// arrive on different queues and may come in either order; each is recorded once.
/// </summary>
public sealed class FollowUpRound
{
    private FollowUpRound()
    {
    }

    public Guid RoundId { get; private set; }

    public List<Guid> ScheduledSurveyIds { get; private set; } = [];

    public List<Guid> ProjectIds { get; private set; } = [];

    // "|id|id|": finds a project's rounds in SQL on both providers.
    public string ProjectIndex { get; private set; } = "|";

    public DateTimeOffset? OpenedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public static FollowUpRound For(Guid roundId) => new() { RoundId = roundId };

    public static string IndexOf(Guid projectId) => $"|{projectId}|";

    /// <summary>False when the opening was known already.</summary>
    public bool Opened(IEnumerable<Guid> scheduleIds, IEnumerable<Guid> projectIds, DateTimeOffset at)
    {
        if (OpenedAt is not null) return false;
        OpenedAt = at;
        ScheduledSurveyIds = [.. scheduleIds.Distinct()];
        ProjectIds = [.. projectIds.Distinct()];
        ProjectIndex = "|" + string.Concat(ProjectIds.Select(p => $"{p}|"));
        return true;
    }

    /// <summary>False when the closing was known already.</summary>
    public bool Closed(DateTimeOffset at)
    {
        if (ClosedAt is not null) return false;
        ClosedAt = at;
        return true;
    }

    public bool Answers(Guid scheduleId) => ScheduledSurveyIds.Contains(scheduleId);
}
