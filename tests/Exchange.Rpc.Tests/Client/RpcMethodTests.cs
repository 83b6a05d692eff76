using Exchange.Interop.V1;
using Exchange.Rpc.Client;

namespace Exchange.Rpc.Tests.Client;

public sealed class RpcMethodTests
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Service = InteropReflection.Descriptor.Services[0];

    [Fact]
    public void From_takes_path_and_kind_from_the_descriptor()
    {
        var unary = RpcMethod<SimpleRequest, SimpleResponse>.From(Service, "UnaryCall");
        var streaming = RpcMethod<StreamingRequest, StreamingResponse>.From(Service, "StreamingOutputCall");

        Assert.Equal("/exchange.interop.v1.InteropTest/UnaryCall", unary.Path);
        Assert.False(unary.IsServerStreaming);
        Assert.Equal("UnaryCall", unary.Descriptor.Name);
        Assert.Equal("/exchange.interop.v1.InteropTest/StreamingOutputCall", streaming.Path);
        Assert.True(streaming.IsServerStreaming);
    }

    [Fact]
    public void From_refuses_a_missing_method()
    {
        var ex = Assert.Throws<ArgumentException>(() => RpcMethod<Empty, Empty>.From(Service, "NoSuchCall"));
        Assert.Contains("NoSuchCall", ex.Message);
    }

    [Fact]
    public void From_refuses_a_wrong_request_type() =>
        Assert.Throws<ArgumentException>(() => RpcMethod<Empty, SimpleResponse>.From(Service, "UnaryCall"));

    [Fact]
    public void From_refuses_a_wrong_response_type() =>
        Assert.Throws<ArgumentException>(() => RpcMethod<SimpleRequest, Empty>.From(Service, "UnaryCall"));

    [Fact]
    public void A_channel_refuses_a_method_of_the_other_kind()
    {
        using var channel = RpcChannel.ForAddress(new Uri("http://127.0.0.1:1"));
        Assert.Throws<ArgumentException>(() => { _ = channel.UnaryCallAsync(InteropMethods.StreamingOutputCall, new StreamingRequest()); });
        Assert.Throws<ArgumentException>(() => { _ = channel.ServerStreaming(InteropMethods.UnaryCall, new SimpleRequest()); });
    }
}
