namespace Exchange.Contracts.Projects;

/// <summary>
/// The Projects service has answered <see cref="ProjectSnapshotsRequested"/>
/// <paramref name="RequestId"/>: the snapshot of each of its <paramref name="Projects"/> projects is
/// in its outbox, committed before this event, so every one of them reaches the asker, possibly
/// after this event (the outbox publishes streams side by side). Every consumer of
/// <see cref="ProjectStateChanged"/> receives the snapshots; to all but the asker they are copies of
/// versions they hold, which change nothing.
/// </summary>
public sealed record ProjectSnapshotsSent(Guid RequestId, string RequestedBy, int Projects, DateTimeOffset OccurredAt);
