using Exchange.Interop.V1;
using Exchange.Rpc.Server;
using Google.Protobuf;

namespace Exchange.Rpc.TestHost;

/// <summary>
/// The server side of the interop cases. Echoes request metadata back: text keys starting with
/// "x-echo-" go to the response headers, "x-echo-trailer-*" (and -bin variants) to the trailers.
/// </summary>
public sealed class InteropTestService
{
    public Task<Empty> EmptyCall(Empty request, CallContext context)
    {
        EchoMetadata(context);
        return Task.FromResult(new Empty());
    }

    public async Task<SimpleResponse> UnaryCall(SimpleRequest request, CallContext context)
    {
        EchoMetadata(context);
        if (request.SleepMs > 0) await Task.Delay(request.SleepMs, context.CancellationToken);
        ThrowIfStatusRequested(request.ResponseStatus);
        return new SimpleResponse
        {
            Payload = new Payload { Body = ByteString.CopyFrom(new byte[request.ResponseSize]) },
            Text = request.Text,
        };
    }

    public async Task StreamingOutputCall(StreamingRequest request, IServerStreamWriter<StreamingResponse> stream, CallContext context)
    {
        EchoMetadata(context);
        for (var i = 0; i < request.ResponseSizes.Count; i++)
        {
            if (i > 0 && request.IntervalMs > 0) await Task.Delay(request.IntervalMs, context.CancellationToken);
            await stream.WriteAsync(new StreamingResponse
            {
                Index = i,
                Payload = new Payload { Body = ByteString.CopyFrom(new byte[request.ResponseSizes[i]]) },
            }, context.CancellationToken);
        }
        ThrowIfStatusRequested(request.ResponseStatus);
    }

    private static void ThrowIfStatusRequested(EchoStatus? status)
    {
        if (status is { Code: not 0 }) throw new RpcException((StatusCode)status.Code, status.Message);
    }

    private static void EchoMetadata(CallContext context)
    {
        foreach (var entry in context.RequestHeaders)
        {
            if (entry.Key.StartsWith("x-echo-trailer-", StringComparison.Ordinal)) context.ResponseTrailers.Add(entry);
            else if (entry.Key.StartsWith("x-echo-", StringComparison.Ordinal)) context.ResponseHeaders.Add(entry);
        }
    }
}
