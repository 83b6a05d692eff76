using Exchange.Interop.V1;
using Exchange.Rpc.Server;

namespace Exchange.Rpc.Tests.Server;

/// <summary>
/// Serves the interop contract badly on purpose: a handler that throws, one that throws before
/// its first await, one that ignores cancellation; StreamingOutputCall is left out.
/// </summary>
public sealed class FaultyInteropService
{
    public Task<Empty> EmptyCall(Empty request, CallContext context) =>
        throw new InvalidOperationException("connection string Password=hunter2 leaked");

    public async Task<SimpleResponse> UnaryCall(SimpleRequest request, CallContext context)
    {
        if (request.Text == "ignore-cancellation")
        {
            await Task.Delay(request.SleepMs, CancellationToken.None);
            return new SimpleResponse { Text = "too late" };
        }
        await Task.Yield();
        throw new KeyNotFoundException("project 42 not in dictionary");
    }
}

/// <summary>A method whose signature does not match its RPC: binding must fail at start-up.</summary>
public sealed class MisshapenInteropService
{
    public Task<string> EmptyCall(Empty request) => Task.FromResult("wrong");
}
