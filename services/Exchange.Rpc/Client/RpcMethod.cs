using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Exchange.Rpc.Client;

/// <summary>
/// One RPC as the client calls it: its HTTP path and message types, taken from the generated
/// descriptor so that a typo or a wrong message type fails when the method is declared, not on
/// the wire.
/// </summary>
public sealed class RpcMethod<TRequest, TResponse>
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    private RpcMethod(MethodDescriptor descriptor)
    {
        Descriptor = descriptor;
        Path = $"/{descriptor.Service.FullName}/{descriptor.Name}";
    }

    /// <summary>The HTTP path, <c>/package.Service/Method</c>.</summary>
    public string Path { get; }

    public MethodDescriptor Descriptor { get; }

    public bool IsServerStreaming => Descriptor.IsServerStreaming;

    public bool IsClientStreaming => Descriptor.IsClientStreaming;

    public static RpcMethod<TRequest, TResponse> From(ServiceDescriptor service, string methodName)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        var descriptor = service.FindMethodByName(methodName)
            ?? throw new ArgumentException($"Service {service.FullName} has no method {methodName}", nameof(methodName));
        if (descriptor.InputType.ClrType != typeof(TRequest))
            throw new ArgumentException(
                $"{descriptor.FullName} takes {descriptor.InputType.ClrType?.FullName ?? descriptor.InputType.FullName}, not {typeof(TRequest).FullName}",
                nameof(methodName));
        if (descriptor.OutputType.ClrType != typeof(TResponse))
            throw new ArgumentException(
                $"{descriptor.FullName} returns {descriptor.OutputType.ClrType?.FullName ?? descriptor.OutputType.FullName}, not {typeof(TResponse).FullName}",
                nameof(methodName));
        return new RpcMethod<TRequest, TResponse>(descriptor);
    }

    public override string ToString() => Path;
}
