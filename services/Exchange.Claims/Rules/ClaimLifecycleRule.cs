using Exchange.Claims.Model;
using Exchange.Claims.V1;

namespace Exchange.Claims.Rules;

/// <summary>
/// The claim's state machine: the implementation body edits and submits drafts and returned
/// claims; coordinators review submitted and resubmitted ones, then return, approve or reject
/// them; approved claims are paid.
/// </summary>
public sealed class ClaimLifecycleRule(ClaimStatus status, ClaimAction action) : BusinessRule
{
    private static readonly Dictionary<ClaimAction, ClaimStatus[]> AllowedFrom = new()
    {
        [ClaimAction.Save] = [ClaimStatus.Draft, ClaimStatus.Returned],
        [ClaimAction.Submit] = [ClaimStatus.Draft, ClaimStatus.Returned],
        [ClaimAction.StartReview] = [ClaimStatus.Submitted, ClaimStatus.Resubmitted],
        [ClaimAction.Return] = [ClaimStatus.UnderReview],
        [ClaimAction.Approve] = [ClaimStatus.UnderReview],
        [ClaimAction.Reject] = [ClaimStatus.UnderReview],
        [ClaimAction.Pay] = [ClaimStatus.Approved],
    };

    public override string Name => "claim-lifecycle";

    public override bool IsBroken() => !AllowedFrom[action].Contains(status);

    public override string Explain() =>
        $"cannot {Verb(action)} a claim that is {Describe(status)}; allowed from: {string.Join(", ", AllowedFrom[action].Select(Describe))}";

    public static string Describe(ClaimStatus status) => status switch
    {
        ClaimStatus.UnderReview => "under review",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string Verb(ClaimAction action) => action switch
    {
        ClaimAction.StartReview => "start reviewing",
        _ => action.ToString().ToLowerInvariant(),
    };
}
