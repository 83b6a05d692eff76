using Exchange.Identity.Testing;
using Exchange.Rpc;
using Exchange.Rpc.Client;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Exchange.Testing;

/// <summary>Calls one service through the RPC client as a given organisation and role.</summary>
public class ServiceClient(Uri address, ServiceDescriptor service) : IDisposable
{
    private readonly RpcChannel _channel = RpcChannel.ForAddress(address);

    public Task<TResponse> Call<TRequest, TResponse>(string method, TRequest request, Caller caller)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        _channel.UnaryAsync(RpcMethod<TRequest, TResponse>.From(service, method), request, Options(caller));

    /// <summary>The response with its headers, for what the service says about how it decided.</summary>
    public Task<UnaryResult<TResponse>> CallWithHeaders<TRequest, TResponse>(string method, TRequest request, Caller caller)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        _channel.UnaryCallAsync(RpcMethod<TRequest, TResponse>.From(service, method), request, Options(caller));

    private static CallOptions Options(Caller caller) => new()
    {
        Headers = caller.Headers(),
        Timeout = TimeSpan.FromSeconds(30),
    };

    public void Dispose()
    {
        _channel.Dispose();
        GC.SuppressFinalize(this);
    }
}
