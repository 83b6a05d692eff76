using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Exchange.Interop.V1;
using Exchange.Rpc.Client;
using Exchange.Rpc.Protocol;
using Exchange.Rpc.Server;
using Exchange.Rpc.Tests.Client;
using Google.Rpc;

namespace Exchange.Rpc.Tests.Server;

/// <summary>Machine-readable error details: the same problems reach gRPC and Connect callers.</summary>
public sealed class ErrorDetailsTests : IAsyncLifetime
{
    private CustomHost _host = null!;

    public async Task InitializeAsync() => _host = await CustomHost.StartAsync<RefusingInteropService>(InteropReflection.Descriptor.Services[0]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_grpc_caller_reads_every_field_violation_from_the_status_details()
    {
        using var channel = RpcChannel.ForAddress(_host.Address);
        var refusal = await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(InteropMethods.UnaryCall, new SimpleRequest { Text = "fields" }));

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Equal("lines[0].amount: must not be negative; currency: is not an ISO 4217 code", refusal.Status.Detail);
        var badRequest = refusal.Detail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Equal(["lines[0].amount", "currency"], badRequest.FieldViolations.Select(v => v.Field));
        Assert.Equal("is not an ISO 4217 code", badRequest.FieldViolations[1].Description);
        Assert.Null(refusal.Detail<PreconditionFailure>());
    }

    [Fact]
    public async Task A_connect_caller_gets_the_details_in_the_json_error_with_a_readable_debug_form()
    {
        using var http = RawHttp.H2Client();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.Address, "/exchange.interop.v1.InteropTest/UnaryCall"))
        {
            Content = new StringContent("""{"text":"rules"}"""),
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("trailer-" + ErrorDetails.TrailerName));
        using var json = JsonDocument.Parse(body);
        var detail = Assert.Single(json.RootElement.GetProperty("details").EnumerateArray());
        Assert.Equal("google.rpc.PreconditionFailure", detail.GetProperty("type").GetString());
        var violations = detail.GetProperty("debug").GetProperty("violations").EnumerateArray().ToArray();
        Assert.Equal(["max-two-coordinators", "closing-period"], violations.Select(v => v.GetProperty("subject").GetString()));

        // The binary value decodes to the same detail, as a Connect client library would read it.
        var status = ConnectProtocol.ParseError(body, 400, out var trailers);
        Assert.Equal(StatusCode.FailedPrecondition, status.Code);
        var failure = new RpcException(status, trailers).Detail<PreconditionFailure>();
        Assert.Equal("the project has ended its closing period", failure?.Violations[1].Description);
    }

    /// <summary>Refuses every call with details: field violations for "fields", broken rules otherwise.</summary>
    public sealed class RefusingInteropService
    {
        public Task<SimpleResponse> UnaryCall(SimpleRequest request, CallContext context) =>
            throw (request.Text == "fields"
                ? RpcException.InvalidArguments([("lines[0].amount", "must not be negative"), ("currency", "is not an ISO 4217 code")])
                : RpcException.FailedPreconditions([("max-two-coordinators", "the project has a Japan and an overseas coordinator"), ("closing-period", "the project has ended its closing period")]));
    }
}
