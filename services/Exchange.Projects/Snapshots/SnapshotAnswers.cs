using Exchange.Contracts.Projects;
using Exchange.Messaging.Outbox;
using Exchange.Projects.Data;
using Exchange.Projects.IntegrationEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Projects.Snapshots;

/// <summary>
/// Answers <see cref="ProjectSnapshotsRequested"/>: the current <see cref="ProjectStateChanged"/>
/// of every project, through the outbox, then <see cref="ProjectSnapshotsSent"/>. Consumers keep
/// the highest version of each project, so snapshots they hold already change nothing.
/// A project changed or registered while the answer is written is not missed: the asker's queue
/// was bound before it asked, so the change's own snapshot reaches it anyway.
/// </summary>
public sealed class SnapshotAnswers(ProjectsDb db, IEventOutbox outbox, TimeProvider clock, IOptions<SnapshotAnswerOptions> options, ILogger<SnapshotAnswers> logger)
{
    private readonly int _pageSize = Math.Max(1, options.Value.PageSize);

    public async Task AnswerAsync(ProjectSnapshotsRequested request, CancellationToken cancellationToken)
    {
        try
        {
            await AnswerFromStoredProgressAsync(request, cancellationToken);
        }
        catch
        {
            // A retry of the message shares this context: it must start from the database, not
            // from the entities of the failed attempt.
            db.ChangeTracker.Clear();
            throw;
        }
    }

    private async Task AnswerFromStoredProgressAsync(ProjectSnapshotsRequested request, CancellationToken cancellationToken)
    {
        var answer = await db.Set<SnapshotAnswer>().FirstOrDefaultAsync(a => a.RequestId == request.RequestId, cancellationToken);
        if (answer is null)
        {
            answer = SnapshotAnswer.To(request, clock.GetUtcNow());
            db.Add(answer);
            // Stored before the first page, so that a copy of the request arriving meanwhile finds it
            // (a concurrent copy fails here on the key, and its retry finds it).
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Snapshots of every project requested by {RequestedBy} (request {RequestId})", request.RequestedBy, request.RequestId);
        }
        else if (answer.CompletedAt is not null)
        {
            // The asker repeats its request until the end of the answer reaches it: say again that it
            // was answered; the snapshots themselves are not sent twice.
            await outbox.AddAsync(db, answer.StreamKey, answer.Confirmation(clock.GetUtcNow()), cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Snapshot request {RequestId} of {RequestedBy} was answered already ({Sent} projects); confirmed again", answer.RequestId, answer.RequestedBy, answer.Sent);
            return;
        }

        while (answer.CompletedAt is null)
        {
            var after = answer.LastProjectId;
            // In the order of ids, from where the stored progress stands: a resumed answer starts after its last page.
            var page = await db.Projects.AsNoTracking()
                .Where(p => after == null || p.Id.CompareTo(after.Value) > 0)
                .OrderBy(p => p.Id)
                .Take(_pageSize)
                .ToListAsync(cancellationToken);
            foreach (var project in page)
                await outbox.AddAsync(db, answer.StreamKey, ProjectEvents.Snapshot(project), cancellationToken: cancellationToken);
            answer.Written(page.Count, page.LastOrDefault()?.Id);
            if (page.Count < _pageSize)
                await outbox.AddAsync(db, answer.StreamKey, answer.Complete(clock.GetUtcNow()), cancellationToken: cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        logger.LogInformation("Snapshots of {Sent} projects sent to {RequestedBy} (request {RequestId})", answer.Sent, answer.RequestedBy, answer.RequestId);
    }
}
