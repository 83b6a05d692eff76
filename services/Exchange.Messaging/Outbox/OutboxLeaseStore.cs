using Microsoft.EntityFrameworkCore;

namespace Exchange.Messaging.Outbox;

/// <summary>
/// Takes, renews and gives up the single dispatch lease of a database with conditional updates that
/// both SQLite and PostgreSQL run atomically: the row changes owner only when it is expired or ours.
/// </summary>
internal sealed class OutboxLeaseStore(string owner, TimeProvider clock)
{
    public const string DispatcherLease = "outbox-dispatcher";

    public string Owner => owner;

    public async Task<bool> TryAcquireAsync(DbContext db, TimeSpan duration, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expiresAt = now + duration;
        var taken = await db.Set<OutboxLease>()
            .Where(l => l.Name == DispatcherLease && (l.Owner == owner || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.ExpiresAt, expiresAt), cancellationToken);
        if (taken == 1) return true;

        if (await db.Set<OutboxLease>().AnyAsync(l => l.Name == DispatcherLease, cancellationToken)) return false;

        var lease = new OutboxLease { Name = DispatcherLease, Owner = owner, ExpiresAt = expiresAt };
        db.Add(lease);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the first lease row at the same moment; it holds the lease.
            return false;
        }
        finally
        {
            db.Entry(lease).State = EntityState.Detached;
        }
    }

    public Task ReleaseAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Set<OutboxLease>()
            .Where(l => l.Name == DispatcherLease && l.Owner == owner)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, DateTime.UnixEpoch), cancellationToken);
}
