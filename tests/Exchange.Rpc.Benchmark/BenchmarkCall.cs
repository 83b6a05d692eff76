using Exchange.Interop.V1;
using Exchange.Rpc.Protocol;
using Google.Protobuf;

namespace Exchange.Rpc.Benchmark;

/// <summary>
/// The one unary call every target serves: the same request bytes and the same expected
/// response bytes, so that the three targets move identical payloads.
/// </summary>
public static class BenchmarkCall
{
    public const string Path = "/exchange.interop.v1.InteropTest/UnaryCall";
    public const int ResponseSize = 64;
    public const string Text = "benchmark";

    public static SimpleRequest Request => new() { ResponseSize = ResponseSize, Text = Text };

    public static SimpleResponse Response => new()
    {
        Payload = new Payload { Body = ByteString.CopyFrom(new byte[ResponseSize]) },
        Text = Text,
    };

    /// <summary>The request body: one length-prefixed <see cref="SimpleRequest"/>.</summary>
    public static byte[] RequestFrame { get; } = Frame(Request);

    /// <summary>The response body a correct server sends back: one length-prefixed <see cref="SimpleResponse"/>.</summary>
    public static byte[] ResponseFrame { get; } = Frame(Response);

    private static byte[] Frame(IMessage message)
    {
        var payload = message.ToByteArray();
        var bytes = new byte[MessageFrame.HeaderSize + payload.Length];
        MessageFrame.WriteHeader(bytes, 0, payload.Length);
        payload.CopyTo(bytes, MessageFrame.HeaderSize);
        return bytes;
    }
}
