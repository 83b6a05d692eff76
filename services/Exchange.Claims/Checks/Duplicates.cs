using Exchange.Claims.Model;
using Exchange.Claims.V1;

namespace Exchange.Claims.Checks;

/// <summary>
/// Possible double claims within one claim: two lines with the same receipt, or the same category
/// claimed twice for the same person of the activity. Flags, not violations: a second hotel for
/// the same trip is possible, and coordinators judge.
/// </summary>
public static class Duplicates
{
    public static List<DuplicateFlagValue> Within(Guid claimId, IReadOnlyList<ClaimLineValue> lines)
    {
        var flags = new List<DuplicateFlagValue>();
        foreach (var group in lines.Where(l => l.ReceiptSha256.Length > 0).GroupBy(l => l.ReceiptSha256.ToLowerInvariant()).Where(g => g.Count() > 1))
            flags.AddRange(Pairs(group, claimId, DuplicateKind.SameReceipt, (line, other) => $"line {line.Id} carries the same receipt (SHA-256 {Short(line.ReceiptSha256)}) as line {other.Id}"));
        foreach (var group in lines.Where(l => l.PersonKey.Length > 0 && l.Category.Length > 0).GroupBy(l => (l.Category, l.PersonKey)).Where(g => g.Count() > 1))
            flags.AddRange(Pairs(group, claimId, DuplicateKind.SameActivityCategoryPerson, (line, other) => $"line {line.Id} claims {line.Category} for {line.PersonKey} of this activity, as line {other.Id} does"));
        return flags;
    }

    public static string Short(string sha256) => sha256.Length > 12 ? sha256[..12] + "..." : sha256;

    /// <summary>Each line of a group flagged against the first other line of it.</summary>
    private static IEnumerable<DuplicateFlagValue> Pairs(IEnumerable<ClaimLineValue> group, Guid claimId, DuplicateKind kind, Func<ClaimLineValue, ClaimLineValue, string> message)
    {
        var lines = group.ToList();
        foreach (var line in lines)
        {
            var other = lines.First(l => !ReferenceEquals(l, line));
            yield return new DuplicateFlagValue(kind, line.Id, claimId, other.Id, message(line, other));
        }
    }
}
