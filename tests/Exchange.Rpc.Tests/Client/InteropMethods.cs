using Exchange.Interop.V1;
using Exchange.Rpc.Client;

namespace Exchange.Rpc.Tests.Client;

/// <summary>The interop service's methods as the client declares them.</summary>
public static class InteropMethods
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = InteropReflection.Descriptor.Services[0];

    public static readonly RpcMethod<Empty, Empty> EmptyCall = RpcMethod<Empty, Empty>.From(Service, "EmptyCall");

    public static readonly RpcMethod<SimpleRequest, SimpleResponse> UnaryCall = RpcMethod<SimpleRequest, SimpleResponse>.From(Service, "UnaryCall");

    public static readonly RpcMethod<StreamingRequest, StreamingResponse> StreamingOutputCall =
        RpcMethod<StreamingRequest, StreamingResponse>.From(Service, "StreamingOutputCall");

    public static readonly RpcMethod<Empty, Empty> UnimplementedCall = RpcMethod<Empty, Empty>.From(Service, "UnimplementedCall");
}
