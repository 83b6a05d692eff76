using Exchange.Rpc;
using Exchange.Rpc.Client;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Exchange.EndToEnd.Tests.Infrastructure;

/// <summary>A partner's gRPC client of the gateway (our RPC client over h2c), calling with one API key.</summary>
public sealed class GatewayClient(Uri address, string apiKey) : IDisposable
{
    private readonly RpcChannel _channel = RpcChannel.ForAddress(address);

    public Task<TResponse> Call<TRequest, TResponse>(ServiceDescriptor service, string method, TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        _channel.UnaryAsync(RpcMethod<TRequest, TResponse>.From(service, method), request,
            new CallOptions { Headers = new Metadata { { "x-api-key", apiKey } }, Timeout = TimeSpan.FromSeconds(30) });

    public void Dispose() => _channel.Dispose();
}
