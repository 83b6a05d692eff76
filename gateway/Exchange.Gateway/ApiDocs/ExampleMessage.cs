using System.Globalization;
using System.Text;
using Google.Protobuf.Reflection;

namespace Exchange.Gateway.ApiDocs;

/// <summary>
/// An example of a message with every field filled, written two ways: as proto3 JSON (what curl
/// sends to the Connect endpoint) and as the object literal @grpc/proto-loader takes (camelCase
/// fields, enums by name, 64-bit integers as strings, timestamps as seconds). Values are
/// placeholders named after their field, or plausible values for years, dates and countries.
/// </summary>
public static class ExampleMessage
{
    private const int MaxDepth = 4;

    public static string Json(MessageDescriptor message) => Render(message, json: true, depth: 0, indent: "");

    public static string JavaScript(MessageDescriptor message) => Render(message, json: false, depth: 0, indent: "");

    private static string Render(MessageDescriptor message, bool json, int depth, string indent)
    {
        if (message.FullName == "google.protobuf.Timestamp") return json ? "\"2007-10-01T00:00:00Z\"" : "{ seconds: 1191196800 }";
        if (message.FullName == "google.protobuf.Duration") return json ? "\"30s\"" : "{ seconds: 30 }";
        var fields = message.Fields.InFieldNumberOrder()
            // Of a oneof, one member: the first.
            .Where(f => f.RealContainingOneof is null || f.RealContainingOneof.Fields[0] == f)
            .Where(f => depth < MaxDepth || f.FieldType != FieldType.Message)
            .ToList();
        if (fields.Count == 0) return "{}";
        var inner = indent + "  ";
        var sb = new StringBuilder("{\n");
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            var value = Value(field, json, depth, inner);
            if (field.IsRepeated && !field.IsMap) value = $"[{value}]";
            var name = json ? $"\"{field.JsonName}\"" : field.JsonName;
            sb.Append(inner).Append(name).Append(": ").Append(value);
            sb.Append(i < fields.Count - 1 || !json ? ",\n" : "\n");
        }
        return sb.Append(indent).Append('}').ToString();
    }

    private static string Value(FieldDescriptor field, bool json, int depth, string indent)
    {
        if (field.IsMap) return "{}";
        return field.FieldType switch
        {
            FieldType.Message or FieldType.Group => Render(field.MessageType, json, depth + 1, indent),
            FieldType.Enum => Quote(FirstValue(field.EnumType), json),
            FieldType.Bool => "true",
            FieldType.String => Quote(Text(field), json),
            FieldType.Bytes => Quote("", json),
            FieldType.Double or FieldType.Float => "1.5",
            FieldType.Int64 or FieldType.UInt64 or FieldType.SInt64 or FieldType.Fixed64 or FieldType.SFixed64 =>
                Quote(Number(field).ToString(CultureInfo.InvariantCulture), json: true),
            _ => Number(field).ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string FirstValue(EnumDescriptor type) =>
        (type.Values.FirstOrDefault(v => v.Number != 0) ?? type.Values[0]).Name;

    private static string Text(FieldDescriptor field) => field.Name switch
    {
        "country" => "DE",
        _ when field.Name.EndsWith("country", StringComparison.Ordinal) => "DE",
        _ => $"<{field.Name}>",
    };

    private static long Number(FieldDescriptor field) => field.Name switch
    {
        var n when n.Contains("year", StringComparison.Ordinal) => 2007,
        "month" => 10,
        "day" => 1,
        "page_size" => 50,
        _ => 1,
    };

    private static string Quote(string text, bool json) => json ? $"\"{text}\"" : $"'{text}'";
}
