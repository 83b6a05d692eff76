using Exchange.Claims.Model;

namespace Exchange.Claims.Checks;

/// <summary>What the checks found: the lines with rate and yen filled in, every violation, duplicates within the claim.</summary>
public sealed record ClaimCheckResult(List<ClaimLineValue> Lines, List<ViolationValue> Violations, List<DuplicateFlagValue> Duplicates, int RulebookVersion);
