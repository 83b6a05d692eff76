using Exchange.Claims.Data;
using Exchange.Contracts.Claims;
using Exchange.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Lifecycle;

/// <summary>
/// Announces the closing periods that ended: each one once (ProjectClaimsClosed), marked in the
/// same transaction as its event. Two instances racing for one period collide on its row; the
/// loser leaves it to the winner.
/// </summary>
public sealed class ClosingPeriods(ClaimsDb db, IEventOutbox outbox, TimeProvider clock, ILogger<ClosingPeriods> logger)
{
    private static readonly V1.ClaimStatus[] Undecided = [V1.ClaimStatus.Submitted, V1.ClaimStatus.UnderReview, V1.ClaimStatus.Resubmitted];

    /// <summary>Announces every period due now; answers how many it announced.</summary>
    public async Task<int> AnnounceDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        // Deadlines are compared in memory: the due set is small (the programme completes tens of projects a year).
        var open = await db.Closings.Where(c => c.ClosedAt == null).ToListAsync(cancellationToken);
        var announced = 0;
        foreach (var closing in open.Where(c => c.IsDue(now)).OrderBy(c => c.Deadline))
        {
            var claims = await db.Claims.AsNoTracking().Where(c => c.ProjectId == closing.ProjectId).Select(c => new { c.Status, c.SanctionedJpy }).ToListAsync(cancellationToken);
            closing.Close(now);
            await outbox.AddAsync(db, closing.ProjectId.ToString(), new ProjectClaimsClosed(closing.ProjectId, closing.LastFiscalYear, closing.Deadline,
                claims.Count(c => Undecided.Contains(c.Status)), claims.Where(c => c.Status == V1.ClaimStatus.Paid).Sum(c => c.SanctionedJpy), now), cancellationToken: cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                announced++;
                logger.LogInformation("Closing period of project {ProjectId} ended on {Deadline}: no claim of it is accepted any more", closing.ProjectId, closing.Deadline);
            }
            catch (DbUpdateException ex)
            {
                db.ChangeTracker.Clear();
                logger.LogInformation(ex, "The end of project {ProjectId}'s closing period was announced concurrently", closing.ProjectId);
                return announced;
            }
        }
        return announced;
    }
}
