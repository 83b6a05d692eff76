using Exchange.Interop.V1;
using Exchange.Rpc.Client;

namespace Exchange.Rpc.Tests.Client;

/// <summary><see cref="RpcResilience.RetryUnavailable"/> through a channel, counting attempts at a stub handler.</summary>
public sealed class RetryTests
{
    private static RpcChannel Channel(StubHandler handler, int maxRetries = 3) =>
        RpcChannel.ForAddress(new Uri("http://stub.test"), new RpcChannelOptions
        {
            Handler = handler,
            Resilience = RpcResilience.RetryUnavailable(maxRetries, TimeSpan.FromMilliseconds(1)),
        });

    [Fact]
    public async Task Unavailable_is_retried_until_the_call_succeeds()
    {
        var handler = new StubHandler((_, attempt) => attempt < 3
            ? StubHandler.TrailersOnly("14", "server restarting")
            : StubHandler.Ok(new SimpleResponse { Text = "third time" }));
        using var channel = Channel(handler);

        var response = await channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest());

        Assert.Equal("third time", response.Text);
        Assert.Equal(3, handler.Attempts);
    }

    [Fact]
    public async Task Retries_stop_after_the_maximum_and_the_last_status_is_thrown()
    {
        var handler = new StubHandler((_, _) => StubHandler.TrailersOnly("14", "still down"));
        using var channel = Channel(handler, maxRetries: 2);

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest()));

        Assert.Equal(StatusCode.Unavailable, ex.StatusCode);
        Assert.Equal(3, handler.Attempts);
    }

    [Fact]
    public async Task A_refused_connection_is_retried()
    {
        var handler = new StubHandler((_, attempt) => attempt == 1
            ? throw new HttpRequestException("Connection refused")
            : StubHandler.Ok(new SimpleResponse { Text = "reconnected" }));
        using var channel = Channel(handler);

        var response = await channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest());

        Assert.Equal("reconnected", response.Text);
        Assert.Equal(2, handler.Attempts);
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument)]
    [InlineData(StatusCode.FailedPrecondition)]
    [InlineData(StatusCode.DeadlineExceeded)]
    [InlineData(StatusCode.Internal)]
    [InlineData(StatusCode.Unknown)]
    public async Task Other_statuses_are_not_retried(StatusCode code)
    {
        var handler = new StubHandler((_, _) => StubHandler.TrailersOnly(((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture), "final"));
        using var channel = Channel(handler);

        var ex = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest()));

        Assert.Equal(code, ex.StatusCode);
        Assert.Equal(1, handler.Attempts);
    }

    [Fact]
    public async Task A_cancelled_call_is_not_retried()
    {
        using var cts = new CancellationTokenSource();
        var handler = new StubHandler((_, _) =>
        {
            cts.Cancel();
            return StubHandler.TrailersOnly("14", "down");
        });
        using var channel = Channel(handler);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest(), new CallOptions { CancellationToken = cts.Token }));

        Assert.Equal(1, handler.Attempts);
    }
}
