using Exchange.Gateway.Keys;
using Exchange.Gateway.V1;
using Exchange.Identity;
using Exchange.Rpc.Server;

namespace Exchange.Gateway.Grpc;

/// <summary>
/// <c>exchange.gateway.v1.ApiKeys</c>, served by the gateway itself to callers whose key it has
/// accepted: admins and coordinators manage keys (see <see cref="KeyAdministrator"/>).
/// </summary>
public sealed class ApiKeysRpc(KeyAdministration administration)
{
    public Task<CreateKeyResponse> CreateKey(CreateKeyRequest request, CallContext context) =>
        administration.CreateAsync(Administrator(context), request, context.CancellationToken);

    public Task<ListKeysResponse> ListKeys(ListKeysRequest request, CallContext context) =>
        administration.ListAsync(Administrator(context), request, context.CancellationToken);

    public Task<RotateKeyResponse> RotateKey(RotateKeyRequest request, CallContext context) =>
        administration.RotateAsync(Administrator(context), request, context.CancellationToken);

    public Task<V1.ApiKey> RevokeKey(RevokeKeyRequest request, CallContext context) =>
        administration.RevokeAsync(Administrator(context), request, context.CancellationToken);

    private static KeyAdministrator Administrator(CallContext context) => KeyAdministrator.For(context.Caller());
}
