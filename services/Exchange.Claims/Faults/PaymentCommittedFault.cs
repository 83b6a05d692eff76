using Exchange.Claims.IntegrationEvents;
using MassTransit;

namespace Exchange.Claims.Faults;

/// <summary>Runs after the payment consumer committed and before MassTransit acknowledges the message: the after-commit fault point.</summary>
public sealed class PaymentCommittedFault(PaymentFaults faults) : IFilter<ConsumerConsumeContext<ClaimPaymentRequestedConsumer>>
{
    public async Task Send(ConsumerConsumeContext<ClaimPaymentRequestedConsumer> context, IPipe<ConsumerConsumeContext<ClaimPaymentRequestedConsumer>> next)
    {
        await next.Send(context);
        faults.Reach(PaymentFaults.AfterCommit);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("payment-committed-fault");
}
