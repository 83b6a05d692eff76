using Exchange.Claims.Data;
using Exchange.Claims.IntegrationEvents;
using Exchange.Claims.Rules;
using Exchange.Messaging.Outbox;
using Exchange.Rpc;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Model;

/// <summary>
/// Pays approved claims, exactly once, for the PayClaim RPC and for ClaimPaymentRequested
/// messages alike. Three layers make "once" hold: the same payment id again answers the payment
/// made (retries, redeliveries); a paid claim refuses any other payment id (claim-paid-once); and
/// the unique indexes on the payment's claim and payment id stop a concurrent second payment
/// from being stored at all.
/// </summary>
public sealed class ClaimPayments(ClaimsDb db, IEventOutbox outbox, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The claim's payment, if it has one.</summary>
    public Task<ClaimPayment?> OfAsync(Guid claimId, CancellationToken cancellationToken) =>
        db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.ClaimId == claimId, cancellationToken);

    /// <summary>
    /// Adds the payment of <paramref name="claim"/> (tracked) to the unit of work; the caller saves.
    /// False when the claim was paid already with this payment id: nothing to do.
    /// </summary>
    public async Task<bool> PayAsync(Claim claim, string paymentId, DateOnly paidOn, string reference, Actor actor, string source, CancellationToken cancellationToken)
    {
        var existing = await OfAsync(claim.Id, cancellationToken);
        if (existing is not null && existing.PaymentId == paymentId) return false;
        BusinessRule.Enforce(new PaidOnceRule("claim", claim.Id.ToString(), existing?.PaymentId ?? "", paymentId));
        var elsewhere = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.PaymentId == paymentId, cancellationToken);
        // This very claim, paid by this payment since the first look: a retry that lost the race.
        if (elsewhere?.ClaimId == claim.Id) return false;
        if (elsewhere is not null)
            throw RpcException.FailedPrecondition("payment-id-unique", $"payment '{paymentId}' paid claim {elsewhere.ClaimId} already; one payment pays one claim");

        var from = claim.Status;
        claim.MarkPaid(clock.GetUtcNow());
        var payment = ClaimPayment.Record(claim.Id, paymentId, claim.SanctionedJpy, paidOn, reference, actor.Organisation, source, clock.GetUtcNow());
        db.Payments.Add(payment);
        audit.Claim(claim, "paid", from, actor, reference.Length > 0 ? $"payment {paymentId} ({reference})" : $"payment {paymentId}", claim.UpdatedAt);
        await outbox.AddAsync(db, claim.Id.ToString(), ClaimEvents.Paid(claim, payment), cancellationToken: cancellationToken);
        return true;
    }

    /// <summary>Whether the claim is paid with <paramref name="paymentId"/> now: after a lost race, the winner may have been the same payment.</summary>
    public async Task<bool> IsPaidWithAsync(Guid claimId, string paymentId, CancellationToken cancellationToken) =>
        (await OfAsync(claimId, cancellationToken))?.PaymentId == paymentId;
}
