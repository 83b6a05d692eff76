using Exchange.Claims.IntegrationEvents;
using Exchange.Claims.Model;
using Exchange.Claims.Rules;
using Exchange.Claims.V1;
using Exchange.Identity;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Microsoft.EntityFrameworkCore;
using Claim = Exchange.Claims.Model.Claim;

namespace Exchange.Claims.Grpc;

/// <summary>Claims: saved and submitted by the project's implementation body, reviewed, approved and paid by coordinators.</summary>
public sealed partial class ClaimsRpc
{
    public async Task<V1.Claim> GetClaim(GetClaimRequest request, CallContext context)
    {
        var caller = Caller(context);
        var claim = await LoadClaimAsync(request.ClaimId, tracked: false, context);
        await ReadableProjectAsync(caller, claim, context);
        return await Views().OneAsync(claim, context.CancellationToken);
    }

    public Task<ListClaimsResponse> ListClaims(ListClaimsRequest request, CallContext context) =>
        new ClaimSearch(db, projects, duplicates, Views()).ListAsync(request, Caller(context), context.CancellationToken);

    /// <summary>
    /// Replaces the lines and runs every check. The claim is kept as given, whatever it breaks:
    /// the answer carries every violation, so users fix it while they type it.
    /// </summary>
    public async Task<V1.Claim> SaveClaim(SaveClaimRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        var claimId = ClaimsRequests.Id(errors, "claim_id", request.ClaimId, "a claim");
        var lines = ClaimsRequests.Lines(errors, request.Lines);
        errors.ThrowIfAny();

        var claim = await LoadClaimAsync(claimId, tracked: true, context);
        ClaimsAuthorization.DemandChange(caller, claim.ProjectId, await ReadableProjectAsync(caller, claim, context));
        DemandVersion(request.ExpectedVersion, claim.Version, $"claim {claim.Id}");
        claim.ReplaceLines(lines, Now);
        claim.Record(await checker.CheckAsync(claim, context.CancellationToken));
        await duplicates.ReindexAsync(claim, context.CancellationToken);
        audit.Claim(claim, "saved", claim.Status, ClaimsAuthorization.ActorOf(caller), $"{claim.Lines.Count} lines, {claim.Violations.Count} violations", Now);
        await SaveAsync($"claim {claim.Id}", context);
        logger.LogInformation("Claim {ClaimId} saved by {Organisation}: {Lines} lines, {Amount} JPY, {Violations} violations",
            claim.Id, caller.OrganisationId, claim.Lines.Count, claim.ClaimedJpy, claim.Violations.Count);
        return await Views().OneAsync(claim, context.CancellationToken);
    }

    /// <summary>
    /// Submits after running every check: any violation refuses the submission with all of them
    /// listed, and nothing changes. The same request id again answers the claim as it is.
    /// </summary>
    public async Task<V1.Claim> SubmitClaim(SubmitClaimRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        var claimId = ClaimsRequests.Id(errors, "claim_id", request.ClaimId, "a claim");
        errors.Required("request_id", request.RequestId, ClaimsRequests.MaxRequestId);
        errors.ThrowIfAny();
        var requestId = request.RequestId.Trim();

        var claim = await LoadClaimAsync(claimId, tracked: true, context);
        ClaimsAuthorization.DemandChange(caller, claim.ProjectId, await ReadableProjectAsync(caller, claim, context));
        if (claim.SubmitRequestId == requestId && claim.Status is not (ClaimStatus.Draft or ClaimStatus.Returned))
            return await Views().OneAsync(claim, context.CancellationToken);
        DemandVersion(request.ExpectedVersion, claim.Version, $"claim {claim.Id}");
        BusinessRule.Enforce(new ClaimLifecycleRule(claim.Status, ClaimAction.Submit));

        var result = await checker.CheckAsync(claim, context.CancellationToken);
        if (result.Violations.Count > 0)
            throw new RpcException(StatusCode.FailedPrecondition, string.Join("; ", result.Violations.Select(v => v.Message)));
        claim.Record(result);
        var from = claim.Status;
        claim.Submit(requestId, Now);
        audit.Claim(claim, from == ClaimStatus.Returned ? "resubmitted" : "submitted", from, ClaimsAuthorization.ActorOf(caller), "", Now);
        await PublishAsync(claim.Id.ToString(), ClaimEvents.Submitted(claim, caller.OrganisationId), context);
        await SaveAsync($"claim {claim.Id}", context);
        logger.LogInformation("Claim {ClaimId} {Status} by {Organisation} for {Amount} JPY", claim.Id, claim.Status, caller.OrganisationId, claim.ClaimedJpy);
        return await Views().OneAsync(claim, context.CancellationToken);
    }

    public Task<V1.Claim> StartReview(StartReviewRequest request, CallContext context) =>
        DecideAsync(request.ClaimId, request.ExpectedVersion, "review claims", context, (claim, caller) =>
        {
            claim.StartReview(Now);
            return ("review-started", "", ClaimEvents.ReviewStarted(claim, caller.OrganisationId));
        });

    public Task<V1.Claim> ReturnClaim(ReturnClaimRequest request, CallContext context)
    {
        ClaimsRequests.RequireReason(request.Reason);
        return DecideAsync(request.ClaimId, request.ExpectedVersion, "return claims", context, (claim, caller) =>
        {
            claim.Return(request.Reason.Trim(), Now);
            return ("returned", claim.StatusReason, ClaimEvents.Returned(claim, caller.OrganisationId));
        });
    }

    public Task<V1.Claim> RejectClaim(RejectClaimRequest request, CallContext context)
    {
        ClaimsRequests.RequireReason(request.Reason);
        return DecideAsync(request.ClaimId, request.ExpectedVersion, "reject claims", context, (claim, caller) =>
        {
            claim.Reject(request.Reason.Trim(), Now);
            return ("rejected", claim.StatusReason, ClaimEvents.Rejected(claim, caller.OrganisationId));
        });
    }

    /// <summary>Approves with a sanctioned amount per line (lower ones with a reason), within the tool's budget.</summary>
    public async Task<V1.Claim> ApproveClaim(ApproveClaimRequest request, CallContext context)
    {
        var errors = new FieldErrors();
        ClaimsRequests.Id(errors, "claim_id", request.ClaimId, "a claim");
        errors.MaxLength("note", request.Note, ClaimsRequests.MaxText);
        errors.ThrowIfAny();
        var claim = await LoadClaimAsync(request.ClaimId, tracked: true, context);
        var caller = Caller(context);
        ClaimsAuthorization.DemandCoordinator(caller, claim.ProjectId, await ReadableProjectAsync(caller, claim, context),
            ClaimsAuthorization.ReviewRule, "approve claims");
        DemandVersion(request.ExpectedVersion, claim.Version, $"claim {claim.Id}");
        BusinessRule.Enforce(new ClaimLifecycleRule(claim.Status, ClaimAction.Approve));
        var sanctions = Sanctions(request, claim);
        var sanctioned = claim.Lines.Sum(l => sanctions.TryGetValue(l.Id, out var s) ? s.Yen : l.AmountJpy ?? 0);
        var (share, approvedBefore) = await checker.ApprovalPositionAsync(claim, context.CancellationToken);
        BusinessRule.Enforce(new ApprovalWithinBudgetRule(claim.SupportTool, claim.FiscalYear, approvedBefore, sanctioned, share));

        var from = claim.Status;
        claim.Approve(sanctions, request.Note.Trim(), Now);
        var reduced = string.Join("; ", claim.Lines.Where(l => l.SanctionedJpy < l.AmountJpy).Select(l => $"{l.Id}: {l.SanctionedJpy} of {l.AmountJpy} JPY, {l.SanctionReason}"));
        audit.Claim(claim, "approved", from, ClaimsAuthorization.ActorOf(caller),
            $"{claim.SanctionedJpy} of {claim.ClaimedJpy} JPY" + (reduced.Length > 0 ? $" ({reduced})" : "") + (claim.StatusReason.Length > 0 ? $"; {claim.StatusReason}" : ""), Now);
        await PublishAsync(claim.Id.ToString(), ClaimEvents.Approved(claim, caller.OrganisationId), context);
        await SaveAsync($"claim {claim.Id}", context);
        logger.LogInformation("Claim {ClaimId} approved for {Sanctioned} of {Claimed} JPY by {Organisation}", claim.Id, claim.SanctionedJpy, claim.ClaimedJpy, caller.OrganisationId);
        return await Views().OneAsync(claim, context.CancellationToken);
    }

    /// <summary>Pays the sanctioned total once; the same payment id again answers the paid claim.</summary>
    public async Task<V1.Claim> PayClaim(PayClaimRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        var claimId = ClaimsRequests.Id(errors, "claim_id", request.ClaimId, "a claim");
        errors.Required("payment_id", request.PaymentId, ClaimsRequests.MaxRequestId);
        var paidOn = ClaimsRequests.Date(errors, "paid_on", request.PaidOn);
        errors.MaxLength("reference", request.Reference, 200);
        errors.ThrowIfAny();
        var paymentId = request.PaymentId.Trim();

        var claim = await LoadClaimAsync(claimId, tracked: true, context);
        ClaimsAuthorization.DemandCoordinator(caller, claim.ProjectId, await ReadableProjectAsync(caller, claim, context),
            ClaimsAuthorization.PaymentRule, "pay claims");
        if (!await payments.PayAsync(claim, paymentId, paidOn!.Value, request.Reference.Trim(), ClaimsAuthorization.ActorOf(caller), ClaimPayment.FromRpc, context.CancellationToken))
        {
            // Paid with this id already, possibly by a retry that committed after this claim was
            // loaded: answer the claim as it is now, paid.
            db.ChangeTracker.Clear();
            return await Views().OneAsync(await LoadClaimAsync(claimId, tracked: false, context), context.CancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Paid concurrently (a retry racing itself, or the payment message): the stored payment decides.
            db.ChangeTracker.Clear();
            logger.LogInformation(ex, "Claim {ClaimId} was paid concurrently", claimId);
            if (!await payments.IsPaidWithAsync(claimId, paymentId, context.CancellationToken))
                throw RpcException.FailedPrecondition("claim-paid-once", $"claim {claimId} was paid concurrently by another payment; payment '{paymentId}' is refused");
            return await Views().OneAsync(await LoadClaimAsync(claimId, tracked: false, context), context.CancellationToken);
        }
        logger.LogInformation("Claim {ClaimId} paid {Amount} JPY by payment {PaymentId}", claim.Id, claim.SanctionedJpy, paymentId);
        return await Views().OneAsync(claim, context.CancellationToken);
    }

    private async Task<V1.Claim> DecideAsync(string claimId, long expectedVersion, string what, CallContext context,
        Func<Claim, ExchangePrincipal, (string Action, string Reason, object Event)> decide)
    {
        var caller = Caller(context);
        var claim = await LoadClaimAsync(claimId, tracked: true, context);
        ClaimsAuthorization.DemandCoordinator(caller, claim.ProjectId, await ReadableProjectAsync(caller, claim, context), ClaimsAuthorization.ReviewRule, what);
        DemandVersion(expectedVersion, claim.Version, $"claim {claim.Id}");
        var from = claim.Status;
        var (action, reason, @event) = decide(claim, caller);
        audit.Claim(claim, action, from, ClaimsAuthorization.ActorOf(caller), reason, Now);
        await PublishAsync(claim.Id.ToString(), @event, context);
        await SaveAsync($"claim {claim.Id}", context);
        logger.LogInformation("Claim {ClaimId} is {Status} after {Action} by {Organisation}", claim.Id, claim.Status, action, caller.OrganisationId);
        return await Views().OneAsync(claim, context.CancellationToken);
    }

    /// <summary>The sanctions by line id; every bad one listed (unknown line, above the claimed yen, lower without a reason).</summary>
    private static Dictionary<string, (long Yen, string Reason)> Sanctions(ApproveClaimRequest request, Claim claim)
    {
        var errors = new FieldErrors();
        var sanctions = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        for (var i = 0; i < request.Sanctions.Count; i++)
        {
            var sanction = request.Sanctions[i];
            var field = $"sanctions[{i}]";
            var yen = ClaimsRequests.Yen(errors, $"{field}.sanctioned", sanction.Sanctioned, required: true);
            errors.MaxLength($"{field}.reason", sanction.Reason, ClaimsRequests.MaxText);
            var line = claim.Lines.FirstOrDefault(l => l.Id == sanction.LineId);
            if (line is null)
            {
                errors.Add($"{field}.line_id", $"'{ClaimsRequests.Truncate(sanction.LineId)}' is not a line of claim {claim.Id}");
                continue;
            }
            if (!sanctions.TryAdd(line.Id, (yen, sanction.Reason.Trim()))) errors.Add($"{field}.line_id", $"line {line.Id} is sanctioned twice");
            var claimed = line.AmountJpy ?? 0;
            if (yen > claimed) errors.Add($"{field}.sanctioned", $"{yen} JPY is more than the {claimed} JPY claimed for line {line.Id}");
            else if (yen < claimed && string.IsNullOrWhiteSpace(sanction.Reason)) errors.Add($"{field}.reason", $"is required: {yen} JPY is less than the {claimed} JPY claimed for line {line.Id}");
        }
        errors.ThrowIfAny();
        return sanctions;
    }

    private async Task<Claim> LoadClaimAsync(string claimId, bool tracked, CallContext context) =>
        await LoadClaimAsync(ParseId(claimId, "claim_id", "a claim"), tracked, context);

    private async Task<Claim> LoadClaimAsync(Guid claimId, bool tracked, CallContext context)
    {
        var query = tracked ? db.Claims : db.Claims.AsNoTracking();
        return await query.FirstOrDefaultAsync(c => c.Id == claimId, context.CancellationToken)
            ?? throw new RpcException(StatusCode.NotFound, $"claim {claimId} not found");
    }

    /// <summary>
    /// The claim's project, for the caller to act on. A claim of a project the caller takes no
    /// part in does not exist for it: NOT_FOUND naming the claim only, not its project.
    /// </summary>
    private async Task<ProjectView?> ReadableProjectAsync(ExchangePrincipal caller, Claim claim, CallContext context)
    {
        var project = await projects.FindAsync(claim.ProjectId, context.CancellationToken);
        if (ClaimsAuthorization.SeesAll(caller)) return project;
        if (project is null || !ProjectAccess.CanRead(caller, project.Parties)) throw new RpcException(StatusCode.NotFound, $"claim {claim.Id} not found");
        return project;
    }

    private ClaimViews Views() => new(db, duplicates);
}
