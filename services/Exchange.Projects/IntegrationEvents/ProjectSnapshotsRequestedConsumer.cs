using Exchange.Contracts.Projects;
using Exchange.Projects.Snapshots;
using MassTransit;

namespace Exchange.Projects.IntegrationEvents;

/// <summary>
/// Answers a service that asks for the snapshot of every project (it started after they were
/// published). Not an <c>IdempotentConsumer</c>: the answer spans several transactions, one per
/// page, and its own row, keyed by the request id, makes a copy of the request (redelivered, or
/// repeated by the asker) answer nothing twice. A failure between pages is retried from the
/// stored progress.
/// </summary>
public sealed class ProjectSnapshotsRequestedConsumer(SnapshotAnswers answers) : IConsumer<ProjectSnapshotsRequested>
{
    public Task Consume(ConsumeContext<ProjectSnapshotsRequested> context) => answers.AnswerAsync(context.Message, context.CancellationToken);
}
