using MassTransit;
using Microsoft.Extensions.Logging;

namespace Exchange.Messaging.Correlation;

/// <summary>
/// Makes an incoming message's correlation id current while its consumer runs, so that logs and any
/// events the consumer writes to the outbox carry it on.
/// </summary>
public sealed class CorrelationConsumeFilter<TMessage>(ICorrelationContext correlation, ILogger<CorrelationConsumeFilter<TMessage>> logger)
    : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        var correlationId = context.Headers.Get<string>(CorrelationHeaders.Name);
        if (!CorrelationHeaders.IsValid(correlationId))
        {
            correlationId = context.CorrelationId?.ToString("N") ?? context.MessageId?.ToString("N") ?? CorrelationHeaders.NewId();
        }

        using (correlation.Begin(correlationId!))
        using (logger.BeginScope(CorrelationHeaders.LogScope(correlationId!)))
        {
            await next.Send(context);
        }
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("correlation");
}
