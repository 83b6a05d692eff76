namespace Exchange.Messaging.Correlation;

/// <summary>Adds the current correlation id to outgoing HTTP (and so RPC) calls that do not carry one.</summary>
public sealed class CorrelationIdHandler(ICorrelationContext correlation) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var correlationId = correlation.CorrelationId;
        if (correlationId is not null && !request.Headers.Contains(CorrelationHeaders.Name))
        {
            request.Headers.TryAddWithoutValidation(CorrelationHeaders.Name, correlationId);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
