using System.Diagnostics;
using System.Globalization;
using System.Net;
using Exchange.Gateway.Calls;
using Exchange.Gateway.Keys;
using Exchange.Gateway.Tests.Infrastructure;
using Exchange.Identity;
using Exchange.Interop.V1;
using Exchange.Rpc;
using Exchange.Rpc.Protocol;
using Google.Protobuf;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The edge gateway's limits, in front of the interop backend: 3 calls at once and 1 per second
/// per key, 64 KiB bodies, 2-second unary calls. Each test has keys of its own.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class LimitTests(Platform platform)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Interop = InteropReflection.Descriptor.Services[0];

    [Fact]
    public async Task A_key_over_its_rate_limit_gets_resource_exhausted_with_retry_after_and_other_keys_go_on()
    {
        var key = await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner);
        ApiKeyText.TryParse(key, out var keyId);
        using var rpc = new GatewayRpc(platform.Edge.RpcAddress, key);
        var (passed, refused) = await UntilRefused(() => rpc.Call<Empty, Empty>(Interop, "EmptyCall", new Empty()));
        Assert.True(passed >= 3, $"only {passed} calls passed before the refusal; the burst is 3");
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.StartsWith($"rate limit of API key {keyId} reached", refused.Status.Detail);
        Assert.InRange(int.Parse(refused.Trailers.GetValue("retry-after")!, CultureInfo.InvariantCulture), 1, 5);

        using var h2 = RawGrpc.H2Client();
        var raw = await RawGrpc.Send(h2, RawGrpc.Request(platform.Edge.RpcAddress, "/exchange.interop.v1.InteropTest/EmptyCall", new ByteArrayContent(RawGrpc.Frame(new Empty())), key));
        Assert.Equal("8", raw.GrpcStatus);
        Assert.InRange(long.Parse(raw.Headers["grpc-retry-pushback-ms"], CultureInfo.InvariantCulture), 1, 5000);

        // Another key of the same organisation has a bucket of its own.
        using var other = new GatewayRpc(platform.Edge.RpcAddress, await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner));
        await other.Call<Empty, Empty>(Interop, "EmptyCall", new Empty());
    }

    /// <summary>
    /// Every call that does not stream requests goes on over HTTP/1.1 to the service's HTTP/1.1
    /// port: Connect JSON as it came, gRPC as gRPC-Web, whose trailers frame the gateway turns
    /// back into HTTP/2 trailers (metadata, status and message intact), unary and streamed alike.
    /// </summary>
    [Fact]
    public async Task Calls_go_on_over_http1_grpc_as_grpc_web_with_its_trailers_restored()
    {
        var key = await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner);
        var (jsonCall, grpcCall, streamCall) = ($"json-{Guid.NewGuid():N}", $"grpc-{Guid.NewGuid():N}", $"stream-{Guid.NewGuid():N}");

        using var json = new ConnectJson(platform.Edge.HttpAddress);
        var answer = await json.Post("/exchange.interop.v1.InteropTest/EmptyCall", "{}", key, headers: ("x-correlation-id", jsonCall));
        using var rpc = new GatewayRpc(platform.Edge.RpcAddress, key);
        var unary = await rpc.CallWithMetadata<SimpleRequest, SimpleResponse>(Interop, "UnaryCall", new SimpleRequest { Text = "Basel", ResponseSize = 3 },
            new Metadata().Add("x-correlation-id", grpcCall).Add("x-echo-trailer-note", "kept").Add("x-echo-trailer-raw-bin", new byte[] { 0, 1, 255 }));

        using var h2 = RawGrpc.H2Client();
        var streamed = await RawGrpc.Send(h2, RawGrpc.Request(platform.Edge.RpcAddress, "/exchange.interop.v1.InteropTest/StreamingOutputCall",
            new ByteArrayContent(RawGrpc.Frame(new StreamingRequest { ResponseSizes = { 1, 2 }, ResponseStatus = new EchoStatus { Code = 10, Message = "aborted 中止" } })),
            key, ("x-correlation-id", streamCall)));

        Assert.Equal(HttpStatusCode.OK, answer.Status);
        Assert.Equal(("HTTP/1.1", platform.Backend.HttpAddress.Port), platform.Backend.Arrivals[jsonCall]);
        Assert.Equal(("HTTP/1.1", platform.Backend.HttpAddress.Port), platform.Backend.Arrivals[grpcCall]);
        Assert.Equal("application/grpc-web+proto", platform.Backend.Received[grpcCall]["content-type"]);
        Assert.Equal("Basel", unary.Response.Text);
        Assert.Equal("kept", unary.Trailers.GetValue("x-echo-trailer-note"));
        Assert.Equal(new byte[] { 0, 1, 255 }, unary.Trailers.GetBytes("x-echo-trailer-raw-bin"));

        Assert.Equal(("HTTP/1.1", platform.Backend.HttpAddress.Port), platform.Backend.Arrivals[streamCall]);
        Assert.Equal("application/grpc", streamed.Headers["content-type"]);
        // Two messages, each in its frame, and nothing of the trailers frame.
        Assert.Equal(2 * 5 + StreamingMessageSizes(1, 2), streamed.Body.Length);
        Assert.Equal(("10", "aborted 中止"), (streamed.GrpcStatus, streamed.GrpcMessage));
    }

    /// <summary>The encoded sizes of the interop stream's messages with payloads of <paramref name="sizes"/> bytes.</summary>
    private static int StreamingMessageSizes(params int[] sizes) =>
        sizes.Select((size, index) => new StreamingResponse { Index = index, Payload = new Payload { Body = ByteString.CopyFrom(new byte[size]) } }.CalculateSize()).Sum();

    [Fact]
    public async Task With_grpc_web_upstream_off_grpc_goes_on_over_h2c()
    {
        await using var gateway = await GatewayHost.StartAsync([("interop", platform.Backend.Address, platform.Backend.HttpAddress)],
            new Dictionary<string, string?> { ["Gateway:Forwarding:GrpcWebUpstream"] = "false" },
            builder => builder.Services.AddSingleton(Routing.RpcCatalog.Platform.With(InteropReflection.Descriptor)));
        var key = await gateway.CreateKey(TieUps.Jena, Role.OverseasPartner);
        var call = $"grpc-{Guid.NewGuid():N}";
        using var rpc = new GatewayRpc(gateway.RpcAddress, key);
        await rpc.Call<Empty, Empty>(Interop, "EmptyCall", new Empty(), new Metadata().Add("x-correlation-id", call));
        Assert.Equal(("HTTP/2", platform.Backend.Address.Port), platform.Backend.Arrivals[call]);
    }

    [Fact]
    public async Task A_json_caller_over_its_rate_limit_gets_http_429_with_retry_after()
    {
        var key = await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner);
        using var json = new ConnectJson(platform.Edge.HttpAddress);
        ConnectAnswer answer;
        var passed = 0;
        while ((answer = await json.Post("/exchange.interop.v1.InteropTest/EmptyCall", "{}", key)).Status == HttpStatusCode.OK && passed < 20) passed++;

        Assert.True(passed >= 3, $"only {passed} calls passed before the refusal; the burst is 3");
        Assert.Equal((HttpStatusCode.TooManyRequests, "resource_exhausted"), (answer.Status, answer.ErrorCode));
        Assert.InRange(int.Parse(answer.Header("retry-after")!, CultureInfo.InvariantCulture), 1, 5);
    }

    [Fact]
    public async Task Bodies_over_the_limit_are_refused_whether_announced_or_streamed()
    {
        var key = await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner);
        var big = new SimpleRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[Platform.EdgeMaxBody + 1]) } };

        using var json = new ConnectJson(platform.Edge.HttpAddress);
        var announced = await json.Post("/exchange.interop.v1.InteropTest/UnaryCall", MessageJsonText(big), key);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "resource_exhausted"), (announced.Status, announced.ErrorCode));
        Assert.Matches("^request body of [0-9]+ bytes is larger than the gateway's limit of 65536 bytes$", announced.ErrorMessage);

        using var rpc = new GatewayRpc(platform.Edge.RpcAddress, key);
        var refused = await Assert.ThrowsAsync<RpcException>(() => rpc.Call<SimpleRequest, SimpleResponse>(Interop, "UnaryCall", big));
        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.Contains("larger than the gateway's limit of 65536 bytes", refused.Status.Detail);

        using var h2 = RawGrpc.H2Client();
        var streamed = await RawGrpc.Send(h2, RawGrpc.Request(platform.Edge.RpcAddress, "/exchange.interop.v1.InteropTest/UnaryCall",
            new UnannouncedContent(RawGrpc.Frame(big)), await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner)));
        Assert.Equal("8", streamed.GrpcStatus);
        Assert.Equal("request body is larger than the gateway's limit of 65536 bytes", streamed.GrpcMessage);

        // Just under the limit passes, streamed too.
        var fits = new SimpleRequest { ResponseSize = 3, Payload = new Payload { Body = ByteString.CopyFrom(new byte[Platform.EdgeMaxBody - 100]) } };
        var ok = await RawGrpc.Send(h2, RawGrpc.Request(platform.Edge.RpcAddress, "/exchange.interop.v1.InteropTest/UnaryCall",
            new UnannouncedContent(RawGrpc.Frame(fits)), await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner)));
        Assert.Equal("0", ok.GrpcStatus);
    }

    [Fact]
    public async Task Unary_calls_end_at_the_gateways_deadline_which_the_service_is_told()
    {
        var key = await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner);
        using var rpc = new GatewayRpc(platform.Edge.RpcAddress, key);
        var correlation = Guid.NewGuid().ToString("N");
        var clock = Stopwatch.StartNew();
        var slow = await Assert.ThrowsAsync<RpcException>(() => rpc.Call<SimpleRequest, SimpleResponse>(Interop, "UnaryCall",
            new SimpleRequest { SleepMs = 20_000 }, new Metadata().Add("x-correlation-id", correlation)));
        Assert.Equal(StatusCode.DeadlineExceeded, slow.StatusCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
        Assert.True(GrpcTimeout.TryParse(platform.Backend.Received[correlation]["grpc-timeout"], out var told));
        Assert.InRange(told, TimeSpan.FromSeconds(1), Platform.EdgeUnaryTimeout);

        // A caller's shorter deadline stands.
        var shorter = Guid.NewGuid().ToString("N");
        await Assert.ThrowsAsync<RpcException>(() => rpc.Call<SimpleRequest, SimpleResponse>(Interop, "UnaryCall",
            new SimpleRequest { SleepMs = 20_000 }, new Metadata().Add("x-correlation-id", shorter), TimeSpan.FromMilliseconds(500)));
        Assert.True(GrpcTimeout.TryParse(platform.Backend.Received[shorter]["grpc-timeout"], out told));
        Assert.True(told <= TimeSpan.FromMilliseconds(500), $"the service was told {told}");

        // A service that ignores its deadline is cut off by the gateway.
        using var h2 = RawGrpc.H2Client();
        clock.Restart();
        var hung = await RawGrpc.Send(h2, RawGrpc.Request(platform.Edge.RpcAddress, InteropBackend.HungPath,
            new ByteArrayContent(RawGrpc.Frame(new Empty())), await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner)));
        Assert.Equal("4", hung.GrpcStatus);
        Assert.Equal("the interop service did not answer within the gateway's deadline of 2 s", hung.GrpcMessage);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));

        using var json = new ConnectJson(platform.Edge.HttpAddress);
        var connect = await json.Post("/exchange.interop.v1.InteropTest/UnaryCall", """{"sleepMs":20000}""", await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner));
        Assert.Equal((HttpStatusCode.GatewayTimeout, "deadline_exceeded"), (connect.Status, connect.ErrorCode));
    }

    [Fact]
    public async Task Server_streams_outlive_the_unary_deadline()
    {
        var key = await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner);
        using var rpc = new GatewayRpc(platform.Edge.RpcAddress, key);
        var clock = Stopwatch.StartNew();
        using var call = rpc.Stream<StreamingRequest, StreamingResponse>(Interop, "StreamingOutputCall",
            new StreamingRequest { ResponseSizes = { 1, 1, 1, 1 }, IntervalMs = 1_000 });
        var received = new List<int>();
        await foreach (var message in call.ReadAllAsync()) received.Add(message.Index);

        Assert.Equal([0, 1, 2, 3], received);
        Assert.True(clock.Elapsed > Platform.EdgeUnaryTimeout, $"the stream took {clock.Elapsed}, no longer than the unary deadline");
        Assert.Equal(StatusCode.OK, call.GetStatus().Code);
    }

    [Fact]
    public async Task Every_call_has_a_correlation_id_forwarded_and_returned()
    {
        var key = await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner);
        using var rpc = new GatewayRpc(platform.Edge.RpcAddress, key);
        var given = $"partner-{Guid.NewGuid():N}";
        var answered = await rpc.CallWithMetadata<Empty, Empty>(Interop, "EmptyCall", new Empty(), new Metadata().Add("x-correlation-id", given));
        Assert.Equal(given, answered.Headers.GetValue("x-correlation-id"));
        Assert.True(platform.Backend.Received.ContainsKey(given));

        var made = (await rpc.CallWithMetadata<Empty, Empty>(Interop, "EmptyCall", new Empty())).Headers.GetValue("x-correlation-id");
        Assert.False(string.IsNullOrEmpty(made));
        Assert.True(platform.Backend.Received.ContainsKey(made!), "the id the gateway made is forwarded");

        // An id that could smuggle anything into logs is replaced.
        var replaced = (await rpc.CallWithMetadata<Empty, Empty>(Interop, "EmptyCall", new Empty(), new Metadata().Add("x-correlation-id", new string('x', 300)))).Headers.GetValue("x-correlation-id");
        Assert.NotEqual(new string('x', 300), replaced);
    }

    [Fact]
    public async Task Each_call_is_logged_once_with_who_called_and_never_the_key_or_the_token()
    {
        var key = await platform.Edge.CreateKey(TieUps.Jena, Role.OverseasPartner);
        ApiKeyText.TryParse(key, out var keyId);
        using var rpc = new GatewayRpc(platform.Edge.RpcAddress, key);
        var correlation = Guid.NewGuid().ToString("N");
        await rpc.Call<Empty, Empty>(Interop, "EmptyCall", new Empty(), new Metadata().Add("x-correlation-id", correlation));
        using var json = new ConnectJson(platform.Edge.HttpAddress);
        var refusedCorrelation = Guid.NewGuid().ToString("N");
        await json.Post("/exchange.interop.v1.InteropTest/EmptyCall", "{}", "exk_notakey", headers: ("x-correlation-id", refusedCorrelation));

        var line = Assert.Single(platform.Edge.Logs.Of(AccessLog.Category), l => l.Message.Contains(correlation, StringComparison.Ordinal));
        Assert.Contains("POST /exchange.interop.v1.InteropTest/EmptyCall grpc grpc-status=0", line.Message);
        Assert.Matches(" in [0-9.]+ ms ", line.Message);
        Assert.Contains($"key={keyId} org={TieUps.Jena} role=overseas-partner correlation={correlation}", line.Message);
        var refusal = Assert.Single(platform.Edge.Logs.Of(AccessLog.Category), l => l.Message.Contains(refusedCorrelation, StringComparison.Ordinal));
        Assert.Contains("connect http=401", refusal.Message);
        Assert.Contains("key=- org=- role=-", refusal.Message);

        var token = platform.Backend.Received[correlation]["authorization"]["Bearer ".Length..];
        var secret = key[(ApiKeyText.Prefix.Length + ApiKeyText.IdLength + 1)..];
        foreach (var logged in platform.Edge.Logs.Lines.Concat(platform.Gateway.Logs.Lines))
        {
            Assert.DoesNotContain(secret, logged.Everything);
            Assert.DoesNotContain(token, logged.Everything);
        }
    }

    private static async Task<(int Passed, RpcException Refused)> UntilRefused(Func<Task> call)
    {
        for (var passed = 0; passed < 20; passed++)
        {
            try
            {
                await call();
            }
            catch (RpcException ex)
            {
                return (passed, ex);
            }
        }
        throw new Xunit.Sdk.XunitException("20 calls in a row passed; the rate limit never applied");
    }

    private static string MessageJsonText(IMessage message) => new JsonFormatter(JsonFormatter.Settings.Default).Format(message);
}
