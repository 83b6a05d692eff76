using Exchange.Surveys.Data;
using Exchange.Surveys.V1;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Surveys.Grpc;

/// <summary>Invitations sent, responses submitted (valid) and responses in progress of a round, counted live.</summary>
internal readonly record struct RateCounts(int Sent, int Valid, int InProgress)
{
    public static async Task<RateCounts> OfAsync(SurveysDb db, Guid roundId, CancellationToken cancellationToken) =>
        (await OfAsync(db, [roundId], cancellationToken)).GetValueOrDefault(roundId);

    public static async Task<Dictionary<Guid, RateCounts>> OfAsync(SurveysDb db, IReadOnlyCollection<Guid> roundIds, CancellationToken cancellationToken)
    {
        var ids = roundIds.ToArray();
        var rows = await db.Invitations.Where(i => ids.Contains(i.RoundId))
            .GroupBy(i => new { i.RoundId, i.Status })
            .Select(g => new { g.Key.RoundId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.RoundId).ToDictionary(
            g => g.Key,
            g => new RateCounts(
                g.Sum(r => r.Count),
                g.Where(r => r.Status == InvitationStatus.Submitted).Sum(r => r.Count),
                g.Where(r => r.Status == InvitationStatus.InProgress).Sum(r => r.Count)));
    }
}
