using Exchange.Rpc;
using Exchange.Rpc.Server;

namespace Exchange.Identity;

public static class CallContextExtensions
{
    /// <summary>
    /// The authenticated caller of this RPC. Throws UNAUTHENTICATED when there is none, which
    /// only happens on a host that does not use <c>UseExchangeIdentity</c>: a handler can rely on it.
    /// </summary>
    public static ExchangePrincipal Caller(this CallContext context) =>
        ExchangePrincipal.From(context.User)
        ?? throw new RpcException(StatusCode.Unauthenticated, "no authenticated caller: the call carried no valid bearer token");
}
