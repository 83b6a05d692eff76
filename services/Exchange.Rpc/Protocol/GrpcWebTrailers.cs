using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Exchange.Rpc.Protocol;

/// <summary>
/// gRPC-Web's trailers frame: the last frame of a response body, flags <see cref="Flag"/>, whose
/// payload is the trailers as HTTP/1 header lines (<c>name: value\r\n</c>, names in lower case).
/// Header values are ASCII: grpc-message is percent-encoded and binary metadata base64.
/// </summary>
public static class GrpcWebTrailers
{
    public const byte Flag = 0x80;

    public static void Write(IBufferWriter<byte> writer, IHeaderDictionary trailers)
    {
        var text = new StringBuilder();
        foreach (var (name, values) in trailers)
        {
            foreach (var value in values) text.Append(name.ToLowerInvariant()).Append(": ").Append(value).Append("\r\n");
        }
        var lines = text.ToString();
        var length = Encoding.ASCII.GetByteCount(lines);
        var span = writer.GetSpan(MessageFrame.HeaderSize + length);
        MessageFrame.WriteHeader(span, Flag, length);
        Encoding.ASCII.GetBytes(lines, span.Slice(MessageFrame.HeaderSize, length));
        writer.Advance(MessageFrame.HeaderSize + length);
    }

    /// <summary>The trailers of a frame's payload; lines without a colon are skipped.</summary>
    public static List<KeyValuePair<string, string>> Parse(ReadOnlySpan<byte> payload)
    {
        var trailers = new List<KeyValuePair<string, string>>();
        foreach (var line in Encoding.ASCII.GetString(payload).Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) continue;
            trailers.Add(KeyValuePair.Create(line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim()));
        }
        return trailers;
    }
}
