using Exchange.Claims.V1;
using Exchange.Cli.Hosting;
using Exchange.Common.V1;

namespace Exchange.Cli.Gateway;

/// <summary>
/// The steps of a claim as the client takes them: save the lines and submit, review and approve,
/// pay. Each step looks at the claim's state first, so that a step already taken is not repeated.
/// </summary>
public static class ClaimWorkflow
{
    /// <summary>Saves <paramref name="lines"/> (when given) and submits; a claim that breaks rules is kept as saved and not submitted.</summary>
    public static async Task<Claim> SubmitAsync(GatewayClient gateway, string claimId, IReadOnlyList<ClaimLine>? lines, string requestId, CancellationToken cancellationToken)
    {
        var claim = await gateway.Call(Api.Claims.Get, new GetClaimRequest { ClaimId = claimId }, cancellationToken);
        if (claim.Status is not (ClaimStatus.Draft or ClaimStatus.Returned)) return claim;
        if (lines is not null)
        {
            var save = new SaveClaimRequest { ClaimId = claimId, ExpectedVersion = claim.Version };
            save.Lines.Add(lines);
            claim = await gateway.Call(Api.Claims.Save, save, cancellationToken);
        }
        // Violations found when the lines were saved just now; stored ones may be stale (a budget set
        // since), so without new lines the service's own check at submission decides.
        if (lines is not null && claim.Violations.Count > 0)
        {
            throw new CliFailure($"claim {claim.Id} was saved but breaks {claim.Violations.Count} rule{(claim.Violations.Count > 1 ? "s" : "")}, so it was not submitted; fix the lines and submit again",
                ExitCodes.Refused, [.. claim.Violations.Select(v => (v.Field.Length > 0 ? $"{v.Field}: " : "") + v.Message)]);
        }
        return await gateway.Call(Api.Claims.Submit, new SubmitClaimRequest { ClaimId = claimId, RequestId = requestId, ExpectedVersion = claim.Version }, cancellationToken);
    }

    /// <summary>Starts the review when the claim waits for one, then approves with the sanctions given (the rest in full).</summary>
    public static async Task<Claim> ApproveAsync(GatewayClient gateway, string claimId, IEnumerable<LineSanction> sanctions, string note, CancellationToken cancellationToken)
    {
        var claim = await gateway.Call(Api.Claims.Get, new GetClaimRequest { ClaimId = claimId }, cancellationToken);
        if (claim.Status is ClaimStatus.Approved or ClaimStatus.Paid) return claim;
        if (claim.Status is ClaimStatus.Submitted or ClaimStatus.Resubmitted)
            claim = await gateway.Call(Api.Claims.StartReview, new StartReviewRequest { ClaimId = claimId, ExpectedVersion = claim.Version }, cancellationToken);
        var approve = new ApproveClaimRequest { ClaimId = claimId, Note = note, ExpectedVersion = claim.Version };
        approve.Sanctions.Add(sanctions);
        return await gateway.Call(Api.Claims.Approve, approve, cancellationToken);
    }

    public static Task<Claim> PayAsync(GatewayClient gateway, string claimId, string paymentId, Date paidOn, string reference, CancellationToken cancellationToken) =>
        gateway.Call(Api.Claims.Pay, new PayClaimRequest { ClaimId = claimId, PaymentId = paymentId, PaidOn = paidOn, Reference = reference }, cancellationToken);

    /// <summary>Starts the review of a submitted claim (for claims that are to wait under review).</summary>
    public static async Task<Claim> StartReviewAsync(GatewayClient gateway, Claim claim, CancellationToken cancellationToken) =>
        claim.Status is ClaimStatus.Submitted or ClaimStatus.Resubmitted
            ? await gateway.Call(Api.Claims.StartReview, new StartReviewRequest { ClaimId = claim.Id, ExpectedVersion = claim.Version }, cancellationToken)
            : claim;
}
