using Exchange.Contracts.Projects;

namespace Exchange.Projects.Snapshots;

/// <summary>
/// The answer to one <see cref="ProjectSnapshotsRequested"/> (its key is the request id, so a
/// request is answered once): how far the snapshots of all projects have been written to the
/// outbox, page by page in the order of project ids, and when the last page and the closing
/// <see cref="ProjectSnapshotsSent"/> were. Each page and its progress commit together, so an
/// answer interrupted by a crash resumes after its last page.
/// </summary>
public sealed class SnapshotAnswer
{
    private SnapshotAnswer()
    {
    }

    public Guid RequestId { get; private set; }

    public string RequestedBy { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The last project whose snapshot is written; null before the first page.</summary>
    public Guid? LastProjectId { get; private set; }

    public int Sent { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Of two instances writing the same answer at once, one wins and the other starts over from the stored progress.</summary>
    public int Version { get; private set; }

    /// <summary>The outbox stream of the answer: its snapshots, then <see cref="ProjectSnapshotsSent"/>, published in that order.</summary>
    public string StreamKey => $"project-snapshots/{RequestId}";

    public static SnapshotAnswer To(ProjectSnapshotsRequested request, DateTimeOffset now) => new()
    {
        RequestId = request.RequestId,
        RequestedBy = request.RequestedBy.Length <= 200 ? request.RequestedBy : request.RequestedBy[..200],
        ReceivedAt = now,
    };

    public void Written(int count, Guid? lastProjectId)
    {
        Sent += count;
        LastProjectId = lastProjectId ?? LastProjectId;
        Version++;
    }

    public ProjectSnapshotsSent Complete(DateTimeOffset now)
    {
        CompletedAt = now;
        Version++;
        return Confirmation(now);
    }

    public ProjectSnapshotsSent Confirmation(DateTimeOffset now) => new(RequestId, RequestedBy, Sent, now);
}
