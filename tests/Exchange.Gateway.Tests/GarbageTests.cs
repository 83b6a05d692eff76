using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Exchange.Gateway.Tests.Infrastructure;
using Exchange.Projects.V1;

namespace Exchange.Gateway.Tests;

/// <summary>
/// What a careless or hostile client sends, with a valid key: malformed gRPC frames, invalid JSON,
/// wrong content types, huge bodies, unknown paths, gRPC over HTTP/1.1. Each gets a clear error
/// in its own protocol, and the gateway goes on serving.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class GarbageTests(Platform platform)
{
    private const string GetProject = "/exchange.projects.v1.Projects/GetProject";

    public static TheoryData<string, byte[], string, string> MalformedFrames => new()
    {
        { "a frame that ends before its announced length", [0, 0, 0, 0, 10, 1, 2], "13", "Incomplete message" },
        { "bytes that are no protobuf message", Frame([0xFF, 0xFF, 0xFF, 0xFF, 0xFF]), "13", "could not be parsed" },
        { "a frame announcing 2 GiB", [0, 0x7F, 0xFF, 0xFF, 0xFF, 1], "8", "larger than max" },
        { "a compressed frame without an encoding", Frame([1, 2, 3], compressed: true), "13", "no message encoding" },
        { "two messages for a unary method", [.. Frame([]), .. Frame([])], "13", "more than one message" },
    };

    [Theory]
    [MemberData(nameof(MalformedFrames))]
    public async Task Malformed_grpc_frames_get_a_grpc_error(string what, byte[] body, string status, string message)
    {
        using var h2 = RawGrpc.H2Client();
        var answer = await RawGrpc.Send(h2, RawGrpc.Request(platform.Gateway.RpcAddress, GetProject, new ByteArrayContent(body), Key));
        Assert.True(answer.GrpcStatus == status, $"{what}: {answer}");
        Assert.Contains(message, answer.GrpcMessage);
        await AssertStillServing();
    }

    [Theory]
    [InlineData("""{"projectId": """, "application/json", HttpStatusCode.BadRequest, "invalid_argument")]
    [InlineData("""{"projectId": 42, "nonsense": [}""", "application/json", HttpStatusCode.BadRequest, "invalid_argument")]
    [InlineData("\u00ff\u00fe not even text", "application/json; charset=latin1", HttpStatusCode.BadRequest, "invalid_argument")]
    [InlineData("{}", "application/proto", HttpStatusCode.BadRequest, "invalid_argument")]
    public async Task Bad_json_gets_a_connect_error(string body, string contentType, HttpStatusCode status, string code)
    {
        using var json = platform.Json();
        var answer = await json.Post("/exchange.projects.v1.Projects/ListProjects", body, Key, contentType);
        Assert.True(answer.Status == status, answer.ToString());
        Assert.Equal(code, answer.ErrorCode);
        Assert.Contains("could not be parsed", answer.ErrorMessage);
        await AssertStillServing();
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("multipart/form-data; boundary=x")]
    public async Task Wrong_content_types_are_told_what_to_use(string contentType)
    {
        using var json = platform.Json();
        var answer = await json.Post(GetProject, "{}", Key, contentType);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, answer.Status);
        Assert.Contains("application/json", answer.Body);
        await AssertStillServing();
    }

    [Fact]
    public async Task A_huge_body_is_refused_before_it_reaches_a_service()
    {
        using var json = platform.Json();
        var huge = $$"""{"text":"{{new string('x', 5 * 1024 * 1024)}}"}""";
        // As curl does for large bodies: the client waits for the go-ahead, and gets the refusal instead.
        var answer = await json.Post("/exchange.projects.v1.Projects/ListProjects", huge, Key, headers: [("expect", "100-continue")]);
        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "resource_exhausted"), (answer.Status, answer.ErrorCode));
        Assert.Contains("larger than the gateway's limit of 4194309 bytes", answer.ErrorMessage);

        using var h2 = RawGrpc.H2Client();
        var streamed = await RawGrpc.Send(h2, RawGrpc.Request(platform.Gateway.RpcAddress, GetProject, new UnannouncedContent(RawGrpc.Frame(new byte[5 * 1024 * 1024])), Key));
        Assert.Equal("8", streamed.GrpcStatus);
        Assert.Contains("larger than", streamed.GrpcMessage);
        await AssertStillServing();
    }

    [Fact]
    public async Task Unknown_paths_and_methods_get_unimplemented_naming_what_was_asked()
    {
        using var json = platform.Json();
        var unknownService = await json.Post("/exchange.nothing.v1.Nothing/Do", "{}", Key);
        Assert.Equal((HttpStatusCode.NotFound, "unimplemented"), (unknownService.Status, unknownService.ErrorCode));
        Assert.Contains("exchange.nothing.v1.Nothing", unknownService.ErrorMessage);
        var unknownMethod = await json.Post("/exchange.projects.v1.Projects/Delete", "{}", Key);
        Assert.True(unknownMethod.Status == HttpStatusCode.NotFound, unknownMethod.ToString());
        Assert.Equal("unimplemented", unknownMethod.ErrorCode);
        var nowhere = await json.Post("/wp-login.php", "{}", Key);
        Assert.True(nowhere.Status == HttpStatusCode.NotFound, nowhere.ToString());
        Assert.Equal("unimplemented", nowhere.ErrorCode);
        Assert.Contains("exchange.projects.v1", nowhere.ErrorMessage);

        using var get = new HttpRequestMessage(HttpMethod.Get, GetProject);
        get.Headers.Add("x-api-key", Key);
        var wrongMethod = await json.Send(get);
        Assert.True(wrongMethod.Status == HttpStatusCode.MethodNotAllowed, wrongMethod.ToString());
        Assert.Contains("POST", wrongMethod.ErrorMessage);

        using var h2 = RawGrpc.H2Client();
        var grpc = await RawGrpc.Send(h2, RawGrpc.Request(platform.Gateway.RpcAddress, "/exchange.projects.v1.Projects/Delete", new ByteArrayContent(RawGrpc.Frame([])), Key));
        Assert.Equal("12", grpc.GrpcStatus);
        await AssertStillServing();
    }

    [Fact]
    public async Task Grpc_over_http_1_1_is_told_to_use_http_2()
    {
        using var json = platform.Json();
        using var request = new HttpRequestMessage(HttpMethod.Post, GetProject) { Content = new ByteArrayContent(RawGrpc.Frame(new GetProjectRequest())) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        request.Headers.Add("x-api-key", Key);
        var answer = await json.Send(request);
        Assert.Equal(HttpStatusCode.UpgradeRequired, answer.Status);
        Assert.Equal("13", answer.Header("grpc-status"));
        Assert.Contains("gRPC requires HTTP/2", Exchange.Rpc.Protocol.StatusMessageEncoding.Decode(answer.Header("grpc-message")));
        await AssertStillServing();
    }

    [Fact]
    public async Task Malformed_deadlines_are_answered_as_the_protocol_says()
    {
        using var json = platform.Json();
        var answer = await json.Post("/exchange.projects.v1.Projects/ListProjects", "{}", Key, headers: [("connect-timeout-ms", "soon")]);
        Assert.Equal((HttpStatusCode.BadRequest, "invalid_argument"), (answer.Status, answer.ErrorCode));
        Assert.Contains("connect-timeout-ms", answer.ErrorMessage);

        using var h2 = RawGrpc.H2Client();
        var grpc = await RawGrpc.Send(h2, RawGrpc.Request(platform.Gateway.RpcAddress, "/exchange.projects.v1.Projects/ListProjects",
            new ByteArrayContent(RawGrpc.Frame([])), Key, ("grpc-timeout", "forever")));
        Assert.Equal("13", grpc.GrpcStatus);
        Assert.Contains("grpc-timeout", grpc.GrpcMessage);
        await AssertStillServing();
    }

    private string Key => platform.KeyOf(TieUps.HamamatsuBody);

    private async Task AssertStillServing()
    {
        using var rpc = platform.Rpc(TieUps.HamamatsuBody);
        await rpc.Call<ListProjectsRequest, ListProjectsResponse>(Infrastructure.TieUp.ProjectsService, "ListProjects", new ListProjectsRequest());
        using var json = platform.Json();
        Assert.Equal(HttpStatusCode.OK, (await json.Post("/exchange.projects.v1.Projects/ListProjects", "{}", Key)).Status);
    }

    private static byte[] Frame(byte[] payload, bool compressed = false) => RawGrpc.Frame(payload, compressed ? (byte)1 : (byte)0);
}
