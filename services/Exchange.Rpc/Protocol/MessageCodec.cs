using System.Buffers;
using System.Reflection;
using System.Text;
using Google.Protobuf;

namespace Exchange.Rpc.Protocol;

/// <summary>
/// Binary and JSON (de)serialisation of one message type, with parse failures turned into the
/// status each protocol expects: INTERNAL on gRPC, INVALID_ARGUMENT for Connect callers.
/// </summary>
public static class MessageCodec<T> where T : class, IMessage<T>, new()
{
    public static readonly MessageParser<T> Parser =
        (MessageParser<T>)(typeof(T).GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"{typeof(T)} is not a generated protobuf message"));

    private static readonly JsonParser JsonReader = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static readonly FrameReader.Parse<T> GrpcParse = payload => ParseBinary(payload, StatusCode.Internal);

    public static readonly FrameReader.Parse<T> ConnectProtoParse = payload => ParseBinary(payload, StatusCode.InvalidArgument);

    public static readonly FrameReader.Parse<T> ConnectJsonParse = ParseJson;

    public static FrameReader.Parse<T> ConnectParse(bool json) => json ? ConnectJsonParse : ConnectProtoParse;

    private static T ParseBinary(ReadOnlySequence<byte> payload, StatusCode failure)
    {
        try
        {
            return Parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new RpcException(failure, $"The {typeof(T).Name} message could not be parsed: {ex.Message}");
        }
    }

    private static T ParseJson(ReadOnlySequence<byte> payload)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            throw new RpcException(StatusCode.InvalidArgument, "The request body is not valid UTF-8");
        }
        if (string.IsNullOrWhiteSpace(text)) return new T();
        try
        {
            return JsonReader.Parse<T>(text);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or InvalidJsonException or FormatException or ArgumentException or InvalidOperationException)
        {
            throw new RpcException(StatusCode.InvalidArgument, $"The {typeof(T).Name} JSON could not be parsed: {ex.Message}");
        }
    }
}

/// <summary>Writes messages as protobuf JSON (lowerCamelCase names, defaults omitted).</summary>
public static class MessageJson
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default);

    public static byte[] ToUtf8(IMessage message) => Encoding.UTF8.GetBytes(Formatter.Format(message));
}
