using Exchange.Claims.Data;
using Exchange.Claims.Faults;
using Exchange.Claims.Model;
using Exchange.Contracts.Claims;
using Exchange.Messaging;
using Exchange.Messaging.Inbox;
using Exchange.Rpc;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.IntegrationEvents;

/// <summary>
/// Pays a claim on the programme accounting's request, exactly once: a redelivered copy is
/// dropped by the inbox, a copy sent again (a new message id, the same payment id) finds the
/// claim paid with it and does nothing, and a concurrent payment loses on the unique payment
/// index and, retried, finds the claim paid. A request that can never succeed (unknown claim,
/// a claim not approved, another payment id for a paid claim) goes to the error queue.
/// </summary>
public sealed class ClaimPaymentRequestedConsumer(ClaimsDb db, ClaimPayments payments, PaymentFaults faults, ILogger<ClaimPaymentRequestedConsumer> logger)
    : IdempotentConsumer<ClaimPaymentRequested, ClaimsDb>(db)
{
    protected override async Task HandleAsync(ConsumeContext<ClaimPaymentRequested> context)
    {
        var message = context.Message;
        if (string.IsNullOrWhiteSpace(message.PaymentId)) throw new MessageRejectedException($"the payment request for claim {message.ClaimId} has no payment id");
        var claim = await Db.Claims.FirstOrDefaultAsync(c => c.Id == message.ClaimId, context.CancellationToken)
            ?? throw new MessageRejectedException($"claim {message.ClaimId} does not exist");
        var by = string.IsNullOrWhiteSpace(message.RequestedBy) ? AuditEntry.System : message.RequestedBy.Trim();
        try
        {
            var paid = await payments.PayAsync(claim, message.PaymentId.Trim(), DateOnly.FromDateTime(message.PaidOn), message.Reference ?? "",
                new Actor(by, AuditEntry.System, nameof(ClaimPaymentRequested)), ClaimPayment.FromMessage, context.CancellationToken);
            if (paid) logger.LogInformation("Claim {ClaimId} paid {Amount} JPY by payment {PaymentId} on request", claim.Id, claim.SanctionedJpy, message.PaymentId);
            if (paid) faults.Reach(PaymentFaults.BeforeCommit);
            else logger.LogInformation("Claim {ClaimId} was paid by payment {PaymentId} already; the request is a duplicate", claim.Id, message.PaymentId);
        }
        catch (RpcException refused) when (refused.StatusCode == StatusCode.FailedPrecondition)
        {
            throw new MessageRejectedException($"payment {message.PaymentId} of claim {message.ClaimId} refused: {refused.Status.Detail}");
        }
    }
}
