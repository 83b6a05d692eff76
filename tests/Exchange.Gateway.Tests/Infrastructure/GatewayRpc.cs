using System.Collections.Concurrent;
using System.Reflection;
using Exchange.Rpc;
using Exchange.Rpc.Client;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Exchange.Gateway.Tests.Infrastructure;

/// <summary>A gRPC client of the gateway (our RPC client over h2c), calling with one API key, or none.</summary>
public sealed class GatewayRpc(Uri address, string? apiKey) : IDisposable
{
    private static readonly ConcurrentDictionary<MethodDescriptor, MethodInfo> Typed = new();
    private readonly RpcChannel _channel = RpcChannel.ForAddress(address);

    public Task<TResponse> Call<TRequest, TResponse>(ServiceDescriptor service, string method, TRequest request, Metadata? headers = null, TimeSpan? timeout = null)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        _channel.UnaryAsync(RpcMethod<TRequest, TResponse>.From(service, method), request, Options(headers, timeout));

    public Task<UnaryResult<TResponse>> CallWithMetadata<TRequest, TResponse>(ServiceDescriptor service, string method, TRequest request, Metadata? headers = null)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        _channel.UnaryCallAsync(RpcMethod<TRequest, TResponse>.From(service, method), request, Options(headers));

    public ServerStreamingCall<TResponse> Stream<TRequest, TResponse>(ServiceDescriptor service, string method, TRequest request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        _channel.ServerStreaming(RpcMethod<TRequest, TResponse>.From(service, method), request, Options(null));

    /// <summary>Any unary RPC, by its descriptor: for tests that walk every method of a service.</summary>
    public async Task<IMessage> Call(MethodDescriptor method, IMessage request)
    {
        var typed = Typed.GetOrAdd(method, static m => typeof(GatewayRpc).GetMethod(nameof(CallTyped), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(m.InputType.ClrType, m.OutputType.ClrType));
        return await (Task<IMessage>)typed.Invoke(this, [method, request])!;
    }

    private async Task<IMessage> CallTyped<TRequest, TResponse>(MethodDescriptor method, IMessage request)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        await Call<TRequest, TResponse>(method.Service, method.Name, (TRequest)request);

    private CallOptions Options(Metadata? extra, TimeSpan? timeout = null)
    {
        var headers = new Metadata();
        if (apiKey is not null) headers.Add("x-api-key", apiKey);
        foreach (var entry in extra ?? []) headers.Add(entry);
        return new CallOptions { Headers = headers, Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    public void Dispose() => _channel.Dispose();
}
