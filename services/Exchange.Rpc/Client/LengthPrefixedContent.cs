using System.Buffers;
using System.Net;
using Exchange.Rpc.Protocol;
using Google.Protobuf;

namespace Exchange.Rpc.Client;

/// <summary>
/// A request body of one length-prefixed message. The message is serialised straight into a
/// pooled buffer behind its prefix and written once, so no intermediate byte array is made.
/// Serialising on demand also lets the handler resend the body when it retries a refused stream.
/// </summary>
internal sealed class LengthPrefixedContent : HttpContent
{
    private readonly IMessage _message;
    private readonly int _size;

    public LengthPrefixedContent(IMessage message)
    {
        _message = message;
        _size = message.CalculateSize();
        Headers.TryAddWithoutValidation("content-type", GrpcHeaders.ContentType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var length = MessageFrame.HeaderSize + _size;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            MessageFrame.WriteHeader(buffer, 0, _size);
            _message.WriteTo(buffer.AsSpan(MessageFrame.HeaderSize, _size));
            await stream.WriteAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = MessageFrame.HeaderSize + _size;
        return true;
    }
}
