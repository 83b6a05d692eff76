using Exchange.Gateway.ApiDocs;
using Exchange.Gateway.Routing;
using Exchange.Gateway.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The partners' API document is generated from the proto descriptors and committed; it must be
/// exactly what the generator writes now, so it cannot drift from the protos.
/// </summary>
public sealed class ApiDocumentTests
{
    private static readonly string Committed = Path.Combine(NodeScripts.RepositoryRoot, "docs", "api.md");

    [Fact]
    public void The_committed_document_is_what_the_generator_writes_from_the_protos()
    {
        var generated = ApiDocument.Render();
        var committed = File.ReadAllText(Committed);
        if (committed == generated) return;
        var lines = (Committed: committed.Split('\n'), Generated: generated.Split('\n'));
        var first = Enumerable.Range(0, Math.Min(lines.Committed.Length, lines.Generated.Length)).FirstOrDefault(i => lines.Committed[i] != lines.Generated[i]);
        Assert.Fail($"""
            docs/api.md differs from what the protos give (first at line {first + 1}):
              committed: {lines.Committed.ElementAtOrDefault(first)}
              generated: {lines.Generated.ElementAtOrDefault(first)}
            Regenerate it: dotnet gateway/Exchange.Gateway/bin/Debug/net10.0/Exchange.Gateway.dll --generate-api-docs docs/api.md
            """);
    }

    public static TheoryData<string> Methods() =>
        [.. RpcCatalog.Platform.Services.SelectMany(s => s.Methods).Select(m => $"{m.Service.FullName}/{m.Name}")];

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_rpc_has_a_curl_and_a_grpc_js_example_whose_request_parses(string rpc)
    {
        var method = RpcCatalog.Platform.Find($"/{rpc}")!;
        var document = ApiDocument.Render();
        var section = document.Split("\n### ").Single(s => s.StartsWith($"{method.Name}\n\n`/{rpc}`", StringComparison.Ordinal));
        Assert.Contains($"client.{char.ToLowerInvariant(method.Name[0])}{method.Name[1..]}(", section);

        // The example body is a valid request: proto3 JSON of exactly the request message.
        var json = ExampleMessage.Json(method.InputType);
        var parsed = JsonParser.Default.Parse(json, method.InputType);
        Assert.Equal(JsonParser.Default.Parse(JsonFormatter.Default.Format(parsed), method.InputType), parsed);
        if (method.IsServerStreaming)
        {
            // Connect streams send one enveloped JSON message.
            Assert.Contains("-H 'content-type: application/connect+json'", section);
            Assert.Contains($"http://127.0.0.1:8080/{rpc}", section);
        }
        else
        {
            Assert.Contains($"curl -s -X POST http://127.0.0.1:8080/{rpc}", section);
            Assert.Contains($"-d '{json}'", section);
        }
    }

    [Fact]
    public void Every_message_and_enum_of_the_platform_is_described()
    {
        var document = ApiDocument.Render();
        foreach (var file in RpcCatalog.Platform.Files)
        {
            foreach (var message in file.MessageTypes) Assert.Contains($"\n### {message.FullName}\n", document);
            foreach (var type in file.EnumTypes) Assert.Contains($"\n### {type.FullName}\n", document);
        }
    }
}
