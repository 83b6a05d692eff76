using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.Server;

/// <summary>
/// A method the service declares but does not serve: not written, or of a kind this layer does
/// not support (client and bidirectional streaming). Answers UNIMPLEMENTED at once.
/// </summary>
internal sealed class UnimplementedServerMethod(MethodDescriptor descriptor, string reason, RpcServerOptions options, ILogger logger)
    : ServerMethod(descriptor, options, logger)
{
    protected override Task HandleGrpcAsync(HttpContext http)
    {
        GrpcServerCall.Refuse(http, new Status(Rpc.StatusCode.Unimplemented, reason));
        return Task.CompletedTask;
    }

    protected override Task HandleConnectAsync(HttpContext http, bool json, bool streaming) =>
        ConnectServerCall.RefuseAsync(http, new Status(Rpc.StatusCode.Unimplemented, reason));
}
