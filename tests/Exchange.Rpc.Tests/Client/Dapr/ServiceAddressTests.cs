using Exchange.Interop.V1;
using Exchange.Rpc.Client;

namespace Exchange.Rpc.Tests.Client.Dapr;

/// <summary>How configuration names a service: directly, or by its Dapr app id through the local sidecar.</summary>
public sealed class ServiceAddressTests
{
    private static Func<string, string?> Environment(string? daprGrpcPort = null) =>
        name => name == ServiceAddress.DaprGrpcPortVariable ? daprGrpcPort : null;

    [Theory]
    [InlineData("http://projects:7101", "http://projects:7101/")]
    [InlineData("https://projects.exchange.svc:443", "https://projects.exchange.svc/")]
    [InlineData(" http://127.0.0.1:7101/ ", "http://127.0.0.1:7101/")]
    public void An_http_address_is_the_service_itself_with_no_extra_metadata(string text, string channel)
    {
        var address = ServiceAddress.Parse(text, Environment("50007"));

        Assert.Equal(new Uri(channel), address.ChannelAddress);
        Assert.Null(address.DaprAppId);
    }

    [Fact]
    public void A_dapr_address_goes_to_the_local_sidecar_on_the_default_grpc_port()
    {
        var address = ServiceAddress.Parse("dapr://projects", Environment());

        Assert.Equal(new Uri("http://127.0.0.1:50001/"), address.ChannelAddress);
        Assert.Equal("projects", address.DaprAppId);
        Assert.Equal("dapr://projects", address.ToString());
    }

    [Theory]
    [InlineData("dapr://projects", "50007", "projects", 50007)]
    [InlineData("DAPR://projects/", "3500", "projects", 3500)]
    [InlineData("dapr://projects.exchange", "", "projects.exchange", 50001)]
    [InlineData("dapr://claims-v2", null, "claims-v2", 50001)]
    public void The_sidecar_port_comes_from_DAPR_GRPC_PORT_and_the_app_id_may_name_its_namespace(string text, string? port, string appId, int channelPort)
    {
        var address = ServiceAddress.Parse(text, Environment(port));

        Assert.Equal(appId, address.DaprAppId);
        Assert.Equal(("127.0.0.1", channelPort), (address.ChannelAddress.Host, address.ChannelAddress.Port));
    }

    [Theory]
    [InlineData("dapr://", "does not name a Dapr app id")]
    [InlineData("dapr://projects:7101", "does not name a Dapr app id")]
    [InlineData("dapr://projects/exchange.projects.v1.Projects", "does not name a Dapr app id")]
    [InlineData("dapr://-projects", "does not name a Dapr app id")]
    [InlineData("dapr://projects.exchange.cluster", "does not name a Dapr app id")]
    [InlineData("dapr://pro jects", "does not name a Dapr app id")]
    [InlineData("projects:7101", "neither an http(s) address")]
    [InlineData("grpc://projects:7101", "neither an http(s) address")]
    [InlineData("/projects", "neither an http(s) address")]
    public void Anything_else_is_refused_with_the_reason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => ServiceAddress.Parse(text, Environment()));
        Assert.Contains(reason, error.Message);

        Assert.False(ServiceAddress.TryParse(text, out var address, out var message, Environment()));
        Assert.Null(address);
        Assert.Contains(reason, message);
    }

    [Theory]
    [InlineData("fifty")]
    [InlineData("0")]
    [InlineData("70000")]
    [InlineData("-1")]
    public void A_sidecar_port_that_is_not_a_port_is_refused(string port)
    {
        var error = Assert.Throws<FormatException>(() => ServiceAddress.Parse("dapr://projects", Environment(port)));

        Assert.Contains("DAPR_GRPC_PORT", error.Message);
    }

    [Fact]
    public void An_empty_address_is_refused()
    {
        Assert.False(ServiceAddress.TryParse("  ", out _, out var error));
        Assert.Equal("the address is empty", error);
    }

    [Fact]
    public async Task A_dapr_channel_sends_the_app_id_before_the_default_headers_and_leaves_the_options_unchanged()
    {
        var handler = new StubHandler((_, _) => StubHandler.Ok(new SimpleResponse()));
        var options = new RpcChannelOptions { Handler = handler, DefaultHeaders = new Metadata().Add("authorization", "Bearer t0k3n") };
        using var channel = ServiceAddress.Parse("dapr://interop", Environment("50009")).CreateChannel(options);

        await channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest());

        var request = handler.LastRequest!;
        Assert.Equal("http://127.0.0.1:50009/exchange.interop.v1.InteropTest/UnaryCall", request.RequestUri!.ToString());
        Assert.Equal(["dapr-app-id", "authorization"], request.Headers.NonValidated.Select(h => h.Key.ToLowerInvariant()).Where(k => k is "dapr-app-id" or "authorization"));
        Assert.Equal("interop", request.Headers.NonValidated["dapr-app-id"].ToString());
        Assert.Single(options.DefaultHeaders);
    }

    [Fact]
    public async Task A_direct_channel_sends_no_app_id()
    {
        var handler = new StubHandler((_, _) => StubHandler.Ok(new SimpleResponse()));
        using var channel = ServiceAddress.Parse("http://interop:7101", Environment("50009")).CreateChannel(new RpcChannelOptions { Handler = handler });

        await channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest());

        Assert.Equal("http://interop:7101/exchange.interop.v1.InteropTest/UnaryCall", handler.LastRequest!.RequestUri!.ToString());
        Assert.False(handler.LastRequest.Headers.Contains("dapr-app-id"));
    }
}
