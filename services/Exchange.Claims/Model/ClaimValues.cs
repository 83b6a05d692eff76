using Exchange.Claims.V1;

namespace Exchange.Claims.Model;

/// <summary>
/// A line as the user typed it (amount, currency and value date kept as text, so that nothing of a
/// draft is lost even when it breaks rules), with what the checks derived: the rate applied and
/// the amount in yen; and, once approved, the sanctioned amount.
/// </summary>
public sealed record ClaimLineValue(
    string Id,
    string Category,
    string Description,
    string Amount,
    string Currency,
    string ValueDate,
    string PersonKey,
    string AttachmentId,
    string ReceiptSha256,
    decimal? RateToJpy = null,
    long? AmountJpy = null,
    long? SanctionedJpy = null,
    string SanctionReason = "");

/// <summary>A funded person of the completed activity, named by <see cref="PersonKey"/>.</summary>
public sealed record FundedPersonValue(string Key, string Name, string OrganisationId, string OrganisationName, string Country, string Role);

/// <summary>A broken rule; <see cref="LineId"/> is empty for the claim as a whole.</summary>
public sealed record ViolationValue(string Rule, string LineId, string Field, string Message);

/// <summary>A possible double claim of a line, found within the claim or against another claim.</summary>
public sealed record DuplicateFlagValue(DuplicateKind Kind, string LineId, Guid OtherClaimId, string OtherLineId, string Message);
