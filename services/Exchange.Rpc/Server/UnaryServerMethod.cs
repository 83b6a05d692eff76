using Exchange.Rpc.Protocol;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.Server;

/// <summary>A unary RPC: one request, one response, served over gRPC and Connect.</summary>
internal sealed class UnaryServerMethod<TService, TRequest, TResponse>(
    MethodDescriptor descriptor,
    Func<CallContext, TService> serviceFactory,
    Func<TService, TRequest, CallContext, Task<TResponse>> handler,
    RpcServerOptions options,
    ILogger logger) : ServerMethod(descriptor, options, logger)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    protected override async Task HandleGrpcAsync(HttpContext http)
    {
        using var call = new GrpcServerCall(http, Path, Options, Logger);
        if (!call.TryStart(streamingResponse: false)) return;
        try
        {
            var request = await call.ReadSingleMessageAsync(MessageCodec<TRequest>.GrpcParse).ConfigureAwait(false);
            var (done, response) = await call.RunHandlerAsync(Invoke(request, call.Context)).ConfigureAwait(false);
            if (!done) return;
            await call.WriteMessageAsync(response, flush: false).ConfigureAwait(false);
            await call.CompleteAsync(Status.Ok, null).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await call.FailAsync(ex).ConfigureAwait(false);
        }
    }

    protected override async Task HandleConnectAsync(HttpContext http, bool json, bool streaming)
    {
        using var call = new ConnectServerCall(http, Path, json, streaming, Options, Logger);
        if (!await call.TryStartAsync().ConfigureAwait(false)) return;
        try
        {
            var request = await call.ReadRequestAsync(MessageCodec<TRequest>.ConnectParse(json)).ConfigureAwait(false);
            var (done, response) = await call.RunHandlerAsync(Invoke(request, call.Context)).ConfigureAwait(false);
            if (!done) return;
            await call.WriteMessageAsync(response).ConfigureAwait(false);
            await call.CompleteAsync(Status.Ok, null).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await call.FailAsync(ex).ConfigureAwait(false);
        }
    }

    private Task<TResponse> Invoke(TRequest request, CallContext context)
    {
        try
        {
            return handler(serviceFactory(context), request, context);
        }
        catch (Exception ex)
        {
            // A handler that throws before its first await.
            return Task.FromException<TResponse>(ex);
        }
    }
}
