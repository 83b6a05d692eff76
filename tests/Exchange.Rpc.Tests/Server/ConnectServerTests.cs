using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Exchange.Interop.V1;
using Exchange.Rpc.Protocol;
using Google.Protobuf;

namespace Exchange.Rpc.Tests.Server;

/// <summary>The Connect protocol on the same handlers: plain POSTs with JSON or binary bodies.</summary>
public sealed class ConnectServerTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    private const string Unary = "/exchange.interop.v1.InteropTest/UnaryCall";

    private static HttpRequestMessage Post(Uri server, string path, HttpContent content, string contentType, bool http2 = false)
    {
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server, path)) { Content = content };
        if (http2)
        {
            request.Version = HttpVersion.Version20;
            request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
        }
        return request;
    }

    private async Task<(HttpResponseMessage Response, string Body)> PostJson(string json, string path = Unary, params (string, string)[] headers)
    {
        using var http = RawHttp.Http1Client();
        var request = Post(fixture.Server.Http1Address, path, new StringContent(json), "application/json");
        foreach (var (name, value) in headers) request.Headers.TryAddWithoutValidation(name, value);
        var response = await http.SendAsync(request);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_json_call_over_http1_answers_json_in_camel_case()
    {
        var (response, body) = await PostJson("""{"responseSize": 2, "text": "浜松 Hamamatsu"}""", headers: ("connect-protocol-version", "1"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("浜松 Hamamatsu", json.RootElement.GetProperty("text").GetString());
        Assert.Equal("AAA=", json.RootElement.GetProperty("payload").GetProperty("body").GetString());
    }

    [Fact]
    public async Task Snake_case_field_names_and_unknown_fields_are_accepted()
    {
        var (response, body) = await PostJson("""{"response_size": 1, "text": "x", "futureField": true}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"text\": \"x\"", body);
    }

    [Fact]
    public async Task A_binary_call_over_http2_answers_binary()
    {
        using var http = RawHttp.H2Client();
        var request = Post(fixture.Server.H2Address, Unary, new ByteArrayContent(new SimpleRequest { Text = "proto" }.ToByteArray()), "application/proto", http2: true);
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(2, 0), response.Version);
        Assert.Equal("application/proto", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("proto", SimpleResponse.Parser.ParseFrom(await response.Content.ReadAsByteArrayAsync()).Text);
    }

    [Theory]
    [InlineData(3, 400, "invalid_argument")]
    [InlineData(5, 404, "not_found")]
    [InlineData(7, 403, "permission_denied")]
    [InlineData(9, 400, "failed_precondition")]
    [InlineData(12, 501, "unimplemented")]
    [InlineData(14, 503, "unavailable")]
    [InlineData(16, 401, "unauthenticated")]
    public async Task Errors_are_a_json_body_with_the_code_name_and_the_mapped_http_status(int code, int httpStatus, string name)
    {
        var (response, body) = await PostJson("{\"responseStatus\": {\"code\": " + code + ", \"message\": \"rule: 規則 100%\"}}");
        Assert.Equal(httpStatus, (int)response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(name, json.RootElement.GetProperty("code").GetString());
        Assert.Equal("rule: 規則 100%", json.RootElement.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("""{"responseSize": "many"}""")]
    [InlineData("""{"text": 5}""")]
    public async Task Malformed_json_is_invalid_argument_naming_the_problem(string json)
    {
        var (response, body) = await PostJson(json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal("invalid_argument", doc.RootElement.GetProperty("code").GetString());
        Assert.Contains("SimpleRequest", doc.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_empty_body_is_the_default_request()
    {
        var (response, _) = await PostJson("", "/exchange.interop.v1.InteropTest/EmptyCall");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Metadata_travels_as_headers_and_trailers_as_prefixed_headers()
    {
        var (response, _) = await PostJson("{}", "/exchange.interop.v1.InteropTest/EmptyCall",
            ("x-echo-city", "Toyama"), ("x-echo-trailer-id-bin", "AQI="));
        Assert.Equal("Toyama", response.Headers.GetValues("x-echo-city").Single());
        Assert.Equal("AQI", response.Headers.GetValues("trailer-x-echo-trailer-id-bin").Single());
    }

    [Fact]
    public async Task A_connect_timeout_answers_deadline_exceeded()
    {
        var (response, body) = await PostJson("""{"sleepMs": 10000}""", headers: ("connect-timeout-ms", "150"));
        Assert.Equal(504, (int)response.StatusCode);
        Assert.Contains("deadline_exceeded", body);
    }

    [Fact]
    public async Task A_wrong_protocol_version_is_invalid_argument()
    {
        var (response, body) = await PostJson("{}", headers: ("connect-protocol-version", "2"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("connect-protocol-version", body);
    }

    [Fact]
    public async Task A_gzip_body_is_accepted_and_another_encoding_is_unimplemented()
    {
        using var http = RawHttp.Http1Client();
        var gzip = Post(fixture.Server.Http1Address, Unary, new ByteArrayContent(MessageCompression.Compress(Encoding.UTF8.GetBytes("""{"text":"zipped"}"""))), "application/json");
        gzip.Content!.Headers.ContentEncoding.Add("gzip");
        using var ok = await http.SendAsync(gzip);
        Assert.Contains("zipped", await ok.Content.ReadAsStringAsync());

        var br = Post(fixture.Server.Http1Address, Unary, new ByteArrayContent([1, 2, 3]), "application/json");
        br.Content!.Headers.ContentEncoding.Add("br");
        using var refused = await http.SendAsync(br);
        Assert.Equal(501, (int)refused.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_resource_exhausted()
    {
        using var http = RawHttp.Http1Client();
        var request = Post(fixture.Server.Http1Address, Unary, new ByteArrayContent(new byte[4 * 1024 * 1024 + 10]), "application/proto");
        using var response = await http.SendAsync(request);
        Assert.Equal(429, (int)response.StatusCode);
        Assert.Contains("resource_exhausted", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_methods_are_404_with_a_connect_error()
    {
        var (response, body) = await PostJson("{}", "/exchange.interop.v1.InteropTest/Nope");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("unimplemented", body);
    }

    [Fact]
    public async Task A_streaming_method_called_as_unary_is_415()
    {
        var (response, body) = await PostJson("{}", "/exchange.interop.v1.InteropTest/StreamingOutputCall");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/connect+json", body);
    }

    [Fact]
    public async Task Server_streaming_uses_envelopes_and_ends_with_an_end_stream_message()
    {
        using var http = RawHttp.Http1Client();
        var request = new StreamingRequest { ResponseSizes = { 1, 2 }, ResponseStatus = new EchoStatus { Code = 5, Message = "gone" } };
        var json = Encoding.UTF8.GetBytes(JsonFormatter.Default.Format(request));
        using var response = await http.SendAsync(Post(fixture.Server.Http1Address, "/exchange.interop.v1.InteropTest/StreamingOutputCall",
            new ByteArrayContent(RawHttp.Frame(json)), "application/connect+json"));
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var envelopes = new List<(byte Flags, string Text)>();
        for (var offset = 0; offset < body.Length;)
        {
            var length = (body[offset + 1] << 24) | (body[offset + 2] << 16) | (body[offset + 3] << 8) | body[offset + 4];
            envelopes.Add((body[offset], Encoding.UTF8.GetString(body, offset + 5, length)));
            offset += 5 + length;
        }
        Assert.Equal(3, envelopes.Count);
        Assert.Equal(0, envelopes[0].Flags);
        Assert.Contains("\"index\": 1", envelopes[1].Text);
        Assert.Equal(MessageFrame.EndStreamFlag, envelopes[2].Flags);
        using var end = JsonDocument.Parse(envelopes[2].Text);
        Assert.Equal("not_found", end.RootElement.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("gone", end.RootElement.GetProperty("error").GetProperty("message").GetString());
    }
}
