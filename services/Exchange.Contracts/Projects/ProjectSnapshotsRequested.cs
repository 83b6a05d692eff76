namespace Exchange.Contracts.Projects;

/// <summary>
/// A service that keeps a read model of projects asks the Projects service for the current
/// <see cref="ProjectStateChanged"/> snapshot of every project: it has never seen the projects
/// published before its queues existed (its first start on a broker), or an operator asked it to
/// synchronise again. <paramref name="RequestedBy"/> names the asking service, for the logs.
/// Projects answers once per <paramref name="RequestId"/>: the snapshots, then
/// <see cref="ProjectSnapshotsSent"/>. The asker repeats the request with the same id until that
/// answer arrives, so a copy is expected and answered with <see cref="ProjectSnapshotsSent"/> alone.
/// </summary>
public sealed record ProjectSnapshotsRequested(Guid RequestId, string RequestedBy, DateTimeOffset RequestedAt);
