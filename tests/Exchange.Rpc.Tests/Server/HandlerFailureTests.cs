using System.Diagnostics;
using Exchange.Interop.V1;
using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.Tests.Server;

public sealed class HandlerFailureTests : IAsyncLifetime
{
    private CustomHost _host = null!;
    private readonly HttpClient _http = RawHttp.H2Client();

    public async Task InitializeAsync() => _host = await CustomHost.StartAsync<FaultyInteropService>(InteropReflection.Descriptor.Services[0]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<HttpResponseMessage> Send(string method, byte[] body, params (string, string)[] headers) =>
        _http.SendAsync(RawHttp.GrpcRequest(_host.Address, $"/exchange.interop.v1.InteropTest/{method}", body, headers));

    [Theory]
    [InlineData("EmptyCall", "hunter2")]
    [InlineData("UnaryCall", "project 42")]
    public async Task A_throwing_handler_answers_unknown_without_details_and_is_logged(string method, string secret)
    {
        using var response = await Send(method, RawHttp.Frame([]));
        var message = RawHttp.GrpcMessage(response) ?? "";

        Assert.Equal("2", RawHttp.GrpcStatus(response));
        Assert.Equal("Exception was thrown by handler.", message);
        Assert.DoesNotContain(secret, message);
        Assert.DoesNotContain(" at ", message);
        Assert.Contains(_host.Logs.All, r => r.Level == LogLevel.Error && r.Exception?.Message.Contains(secret) == true);
    }

    [Fact]
    public async Task Detailed_errors_show_the_message_but_never_the_stack_trace()
    {
        await using var host = await CustomHost.StartAsync<FaultyInteropService>(InteropReflection.Descriptor.Services[0], o => o.EnableDetailedErrors = true);
        using var response = await _http.SendAsync(RawHttp.GrpcRequest(host.Address, "/exchange.interop.v1.InteropTest/UnaryCall", RawHttp.Frame([])));
        var message = RawHttp.GrpcMessage(response) ?? "";
        Assert.Contains("KeyNotFoundException: project 42 not in dictionary", message);
        Assert.DoesNotContain("FaultyInteropService.cs", message);
    }

    [Fact]
    public async Task The_service_can_name_the_status_of_an_exception_it_did_not_map_itself()
    {
        await using var host = await CustomHost.StartAsync<FaultyInteropService>(InteropReflection.Descriptor.Services[0],
            o => o.ExceptionStatus = ex => ex is KeyNotFoundException ? new Status(StatusCode.Unavailable, "store offline") : null);
        using var mapped = await _http.SendAsync(RawHttp.GrpcRequest(host.Address, "/exchange.interop.v1.InteropTest/UnaryCall", RawHttp.Frame([])));
        using var unmapped = await _http.SendAsync(RawHttp.GrpcRequest(host.Address, "/exchange.interop.v1.InteropTest/EmptyCall", RawHttp.Frame([])));

        Assert.Equal("14", RawHttp.GrpcStatus(mapped));
        Assert.Equal("store offline", RawHttp.GrpcMessage(mapped));
        Assert.Equal("2", RawHttp.GrpcStatus(unmapped));
    }

    [Fact]
    public async Task A_handler_that_ignores_cancellation_still_gets_a_timely_deadline_exceeded()
    {
        var watch = Stopwatch.StartNew();
        var request = new SimpleRequest { Text = "ignore-cancellation", SleepMs = 3_000 };
        using var response = await _http.SendAsync(
            RawHttp.GrpcRequest(_host.Address, "/exchange.interop.v1.InteropTest/UnaryCall", RawHttp.Frame(request), ("grpc-timeout", "100m")),
            HttpCompletionOption.ResponseHeadersRead);
        var headersAfter = watch.Elapsed;
        await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("4", RawHttp.GrpcStatus(response));
        Assert.True(headersAfter < TimeSpan.FromMilliseconds(2_500), $"the status waited for the handler ({headersAfter})");
    }

    [Fact]
    public async Task A_method_the_class_does_not_have_is_unimplemented()
    {
        using var response = await Send("StreamingOutputCall", RawHttp.Frame(new StreamingRequest()));
        Assert.Equal("12", RawHttp.GrpcStatus(response));
        Assert.Contains("StreamingOutputCall", RawHttp.GrpcMessage(response));
    }

    [Fact]
    public async Task A_method_of_the_wrong_shape_fails_at_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            CustomHost.StartAsync<MisshapenInteropService>(InteropReflection.Descriptor.Services[0]));
        Assert.Contains("EmptyCall", error.Message);
        Assert.Contains("expected", error.Message);
    }
}
