using Microsoft.EntityFrameworkCore;

namespace Exchange.Messaging.CatchUp;

/// <summary>What a consumer of a catch-up's answer calls to record it.</summary>
public static class CatchUpRequests
{
    /// <summary>
    /// Marks catch-up <paramref name="name"/> answered when <paramref name="requestId"/> is its
    /// current request; the caller saves (in its inbox transaction). False for an answer to another
    /// service's request, to an older request of this one, or a second answer: nothing changes.
    /// </summary>
    public static async Task<bool> AnsweredAsync(DbContext db, string name, Guid requestId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var request = await db.Set<CatchUpRequest>().FirstOrDefaultAsync(r => r.Name == name && r.RequestId == requestId, cancellationToken);
        if (request is null || request.AnsweredAt is not null) return false;
        request.AnsweredAt = at.UtcDateTime;
        return true;
    }
}
