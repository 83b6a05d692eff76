using System.Buffers.Binary;
using Exchange.Rpc.Protocol;

namespace Exchange.Gateway.Routing;

/// <summary>
/// The caller's response body under a gRPC-Web response from a service: message frames pass
/// through as they come, in the same writes; the trailers frame (flag 0x80) is held back and read
/// into <see cref="Trailers"/>, which the gateway sends as HTTP/2 trailers. A frame header split
/// across writes is held until it is whole.
/// </summary>
internal sealed class GrpcWebResponseBody(Stream inner) : Stream
{
    private readonly byte[] _header = new byte[MessageFrame.HeaderSize];
    private int _headerLength;
    private long _remaining;
    private MemoryStream? _trailersFrame;

    /// <summary>The trailers, once their frame has arrived whole.</summary>
    public List<KeyValuePair<string, string>>? Trailers { get; private set; }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Message bytes are a run from the start of the buffer: the trailers frame comes last.
        var (held, run) = Split(buffer.Span);
        if (held.Length > 0) await inner.WriteAsync(held, cancellationToken);
        if (run > 0) await inner.WriteAsync(buffer[..run], cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>
    /// Reads <paramref name="data"/> frame by frame. Returns the header bytes held from earlier
    /// writes that turned out to start a message, and how many bytes from the start of
    /// <paramref name="data"/> belong to messages.
    /// </summary>
    private (byte[] Held, int Run) Split(ReadOnlySpan<byte> data)
    {
        var held = Array.Empty<byte>();
        var run = 0;
        var position = 0;
        // Nothing follows the trailers frame; anything that does is dropped.
        while (position < data.Length && Trailers is null)
        {
            if (_trailersFrame is null && _remaining > 0)
            {
                var take = (int)Math.Min(_remaining, data.Length - position);
                position += take;
                _remaining -= take;
                run = position;
                continue;
            }
            if (_trailersFrame is not null)
            {
                var take = (int)Math.Min(_remaining, data.Length - position);
                _trailersFrame.Write(data.Slice(position, take));
                position += take;
                _remaining -= take;
                if (_remaining == 0) EndTrailersFrame();
                continue;
            }

            // A frame header, perhaps begun in an earlier write.
            var headerStart = position;
            var need = MessageFrame.HeaderSize - _headerLength;
            var got = Math.Min(need, data.Length - position);
            data.Slice(position, got).CopyTo(_header.AsSpan(_headerLength));
            _headerLength += got;
            position += got;
            if (_headerLength < MessageFrame.HeaderSize) break;

            var earlier = _headerLength - (position - headerStart);
            _headerLength = 0;
            _remaining = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(1));
            if ((_header[0] & GrpcWebTrailers.Flag) != 0)
            {
                _trailersFrame = new MemoryStream();
                if (_remaining == 0) EndTrailersFrame();
                continue;
            }
            // A message: its header bytes from earlier writes go out first.
            if (earlier > 0) held = _header[..earlier];
            run = position;
        }
        return (held, run);
    }

    private void EndTrailersFrame()
    {
        Trailers = GrpcWebTrailers.Parse(_trailersFrame!.ToArray());
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
