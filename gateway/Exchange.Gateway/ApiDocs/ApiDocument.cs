using System.Text;
using Exchange.Gateway.Routing;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Exchange.Gateway.ApiDocs;

/// <summary>
/// The partners' API document (<c>docs/api.md</c>), generated from the proto descriptors of every
/// <c>exchange.*</c> package: each service and RPC with a curl (Connect JSON) and a grpc-js
/// example, then every message and enum. A test compares the committed file with this output,
/// so the document cannot drift from the protos: regenerate it with
/// <c>dotnet Exchange.Gateway.dll --generate-api-docs docs/api.md</c>.
/// </summary>
public static class ApiDocument
{
    public static string Render() => Render(RpcCatalog.Platform);

    public static string Render(RpcCatalog catalog)
    {
        var doc = new StringBuilder();
        ApiIntroduction.Write(doc, catalog);
        foreach (var service in catalog.Services) WriteService(doc, service);
        WriteTypes(doc, catalog);
        return doc.ToString().Replace("\r\n", "\n");
    }

    private static void WriteService(StringBuilder doc, ServiceDescriptor service)
    {
        var package = service.File.Package;
        doc.Append($"## {service.FullName}\n\n");
        doc.Append($"Proto: `protos/{service.File.Name}`. grpc-js client:\n\n");
        doc.Append("```js\n");
        doc.Append($"const definition = protoLoader.loadSync('{service.File.Name}', {{ includeDirs: ['protos'] }});\n");
        doc.Append($"const {{ {service.Name} }} = grpc.loadPackageDefinition(definition).{package};\n");
        doc.Append($"const client = new {service.Name}('127.0.0.1:8081', grpc.credentials.createInsecure());\n");
        doc.Append("```\n\n");
        foreach (var method in service.Methods) WriteMethod(doc, method);
    }

    private static void WriteMethod(StringBuilder doc, MethodDescriptor method)
    {
        var path = $"/{method.Service.FullName}/{method.Name}";
        var kind = method.IsClientStreaming ? "client streaming (not served)" : method.IsServerStreaming ? "server streaming" : "unary";
        doc.Append($"### {method.Name}\n\n");
        doc.Append($"`{path}`: {kind}; takes {Link(method.InputType.FullName, method.InputType.File.Package)}, returns {Link(method.OutputType.FullName, method.OutputType.File.Package)}.\n\n");

        var json = ExampleMessage.Json(method.InputType);
        var contentType = method.IsServerStreaming ? "application/connect+json" : "application/json";
        doc.Append("```sh\n");
        if (method.IsServerStreaming)
        {
            doc.Append("# Server streaming over Connect: the body is enveloped (a flag byte and a 4-byte length before the JSON).\n");
            doc.Append($"printf '\\x00\\x00\\x00\\x00\\x02{{}}' | curl -s --data-binary @- -H 'content-type: {contentType}' \\\n");
            doc.Append("  -H \"x-api-key: $EXCHANGE_API_KEY\" http://127.0.0.1:8080" + path + "\n");
        }
        else
        {
            doc.Append($"curl -s -X POST http://127.0.0.1:8080{path} \\\n");
            doc.Append($"  -H 'content-type: {contentType}' -H \"x-api-key: $EXCHANGE_API_KEY\" \\\n");
            doc.Append($"  -d '{json.Replace("'", "'\\''")}'\n");
        }
        doc.Append("```\n\n");

        var request = ExampleMessage.JavaScript(method.InputType);
        var call = Lower(method.Name);
        doc.Append("```js\n");
        if (method.IsServerStreaming)
        {
            doc.Append($"const stream = client.{call}({request}, metadata);\n");
            doc.Append("stream.on('data', (message) => console.log(message));\n");
            doc.Append("stream.on('error', (error) => console.error(error.code, error.details));\n");
        }
        else
        {
            doc.Append($"client.{call}({request}, metadata, (error, response) => {{\n");
            doc.Append("  if (error) return console.error(error.code, error.details);\n");
            doc.Append("  console.log(response);\n");
            doc.Append("});\n");
        }
        doc.Append("```\n\n");
    }

    private static void WriteTypes(StringBuilder doc, RpcCatalog catalog)
    {
        doc.Append("## Messages and enums\n\n");
        doc.Append("Field names are as in the protos; JSON uses the lowerCamelCase name shown. 64-bit integers are JSON strings, ");
        doc.Append("timestamps RFC 3339 strings, enums their value names. Fields left out take their zero value.\n\n");
        foreach (var file in catalog.Files)
        {
            foreach (var message in file.MessageTypes.SelectMany(Nested)) WriteMessage(doc, message);
            foreach (var type in file.EnumTypes.Concat(file.MessageTypes.SelectMany(Nested).SelectMany(m => m.EnumTypes))) WriteEnum(doc, type);
        }
    }

    private static IEnumerable<MessageDescriptor> Nested(MessageDescriptor message) =>
        message.GetOptions()?.MapEntry == true ? [] : message.NestedTypes.SelectMany(Nested).Prepend(message);

    private static void WriteMessage(StringBuilder doc, MessageDescriptor message)
    {
        doc.Append($"### {message.FullName}\n\n");
        if (message.Fields.InFieldNumberOrder().Count == 0)
        {
            doc.Append("No fields.\n\n");
            return;
        }
        doc.Append("| # | field | JSON | type |\n|---:|---|---|---|\n");
        foreach (var field in message.Fields.InFieldNumberOrder())
            doc.Append($"| {field.FieldNumber} | `{field.Name}` | `{field.JsonName}` | {TypeOf(field)} |\n");
        doc.Append('\n');
    }

    private static void WriteEnum(StringBuilder doc, EnumDescriptor type)
    {
        doc.Append($"### {type.FullName}\n\n");
        doc.Append(string.Join(", ", type.Values.Select(v => $"`{v.Name}` ({v.Number})"))).Append("\n\n");
    }

    private static string TypeOf(FieldDescriptor field)
    {
        var type = field.FieldType switch
        {
            FieldType.Message or FieldType.Group => Link(field.MessageType.FullName, field.MessageType.File.Package),
            FieldType.Enum => Link(field.EnumType.FullName, field.EnumType.File.Package),
            _ => field.FieldType.ToString().ToLowerInvariant(),
        };
        if (field.IsMap) return "map";
        if (field.IsRepeated) return $"repeated {type}";
        return field.HasPresence && field.RealContainingOneof is null && field.FieldType != FieldType.Message ? $"optional {type}" : type;
    }

    private static string Link(string fullName, string package) =>
        package.StartsWith("exchange.", StringComparison.Ordinal) ? $"[`{fullName}`](#{AnchorOf(fullName)})" : $"`{fullName}`";

    // GitHub's heading anchors: lower case, dots dropped.
    private static string AnchorOf(string fullName) => fullName.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant();

    private static string Lower(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
