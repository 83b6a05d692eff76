using Exchange.Rpc.Protocol;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.Server;

/// <summary>A server-streaming RPC: one request, any number of responses, each flushed at once.</summary>
internal sealed class ServerStreamingServerMethod<TService, TRequest, TResponse>(
    MethodDescriptor descriptor,
    Func<CallContext, TService> serviceFactory,
    Func<TService, TRequest, IServerStreamWriter<TResponse>, CallContext, Task> handler,
    RpcServerOptions options,
    ILogger logger) : ServerMethod(descriptor, options, logger)
    where TRequest : class, IMessage<TRequest>, new()
    where TResponse : class, IMessage<TResponse>, new()
{
    protected override async Task HandleGrpcAsync(HttpContext http)
    {
        using var call = new GrpcServerCall(http, Path, Options, Logger);
        if (!call.TryStart(streamingResponse: true)) return;
        try
        {
            var request = await call.ReadSingleMessageAsync(MessageCodec<TRequest>.GrpcParse).ConfigureAwait(false);
            var writer = new Writer((message, _) => call.WriteMessageAsync(message, flush: true));
            var (done, _) = await call.RunHandlerAsync(Invoke(request, writer, call.Context)).ConfigureAwait(false);
            if (!done) return;
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
            var writer = new Writer(async (message, _) =>
            {
                await call.WriteMessageAsync(message).ConfigureAwait(false);
                await http.Response.BodyWriter.FlushAsync(call.Context.CancellationToken).ConfigureAwait(false);
            });
            var (done, _) = await call.RunHandlerAsync(Invoke(request, writer, call.Context)).ConfigureAwait(false);
            if (!done) return;
            await call.CompleteAsync(Status.Ok, null).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await call.FailAsync(ex).ConfigureAwait(false);
        }
    }

    private async Task<bool> Invoke(TRequest request, IServerStreamWriter<TResponse> writer, CallContext context)
    {
        await handler(serviceFactory(context), request, writer, context).ConfigureAwait(false);
        return true;
    }

    private sealed class Writer(Func<TResponse, CancellationToken, ValueTask> write) : IServerStreamWriter<TResponse>
    {
        public Task WriteAsync(TResponse message, CancellationToken cancellationToken = default) =>
            write(message, cancellationToken).AsTask();
    }
}
