namespace Exchange.Contracts.Projects;

/// <summary>
/// The Projects service has answered <see cref="ProjectSnapshotsRequested"/>
/// <paramref name="RequestId"/> with the snapshot of each of its <paramref name="Projects"/>
/// projects. It goes out on the same outbox stream after them, so when it arrives the broker has
/// put every one of them in the asker's queue. The snapshots are published like any other, so
/// every consumer of <see cref="ProjectStateChanged"/> receives them; versions a consumer holds
/// already change nothing. Sent again, alone, when the same request comes again.
/// </summary>
public sealed record ProjectSnapshotsSent(Guid RequestId, string RequestedBy, int Projects, DateTimeOffset OccurredAt);
