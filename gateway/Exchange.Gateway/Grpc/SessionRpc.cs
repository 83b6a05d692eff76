using Exchange.Gateway.Keys;
using Exchange.Gateway.V1;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Google.Protobuf.WellKnownTypes;

namespace Exchange.Gateway.Grpc;

/// <summary>
/// <c>exchange.gateway.v1.Session</c>, served by the gateway itself to every caller whose key it
/// has accepted, whatever the role: it answers from the caller the key gate resolved for this very
/// call, so it says exactly what the services are told, with no second look-up.
/// </summary>
public sealed class SessionRpc
{
    public Task<CallerIdentity> GetCaller(GetCallerRequest request, CallContext context)
    {
        // The key gate refuses calls without a valid key before they get here; this only guards
        // against a host that maps the service without the gate.
        var caller = context.GetHttpContext().Features.Get<GatewayCaller>()
            ?? throw new RpcException(StatusCode.Unauthenticated, "missing API key");
        var identity = new CallerIdentity
        {
            KeyId = caller.KeyId,
            KeyName = caller.KeyName,
            OrganisationId = caller.OrganisationId,
            OrganisationName = caller.OrganisationName,
            Role = KeyMapper.ToMessage(caller.Role),
            ExpiresAt = Timestamp.FromDateTimeOffset(caller.ExpiresAt),
        };
        if (caller.PreviousSecretValidUntil is { } until) identity.PreviousSecretValidUntil = Timestamp.FromDateTimeOffset(until);
        return Task.FromResult(identity);
    }
}
