using System.Buffers;
using System.Buffers.Binary;

namespace Exchange.Rpc.Protocol;

/// <summary>
/// The length-prefixed message of gRPC (and the envelope of Connect streaming): one flags byte,
/// a four-byte big-endian length, then the message. Bit 0x01 of the flags marks a compressed
/// message; Connect uses 0x02 for its end-of-stream envelope.
/// </summary>
public static class MessageFrame
{
    public const int HeaderSize = 5;
    public const byte CompressedFlag = 0x01;
    public const byte EndStreamFlag = 0x02;

    public enum ReadResult
    {
        /// <summary>A whole frame was read and removed from the buffer.</summary>
        Complete,
        /// <summary>The buffer holds only part of a frame: read more.</summary>
        Incomplete,
        /// <summary>The length prefix announces more than the size limit.</summary>
        TooLarge,
    }

    /// <summary>
    /// Takes one frame from the start of <paramref name="buffer"/> when it is all there. The
    /// payload is a slice of the buffer, valid until the buffer's memory is released.
    /// </summary>
    public static ReadResult TryRead(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out byte flags, out ReadOnlySequence<byte> payload, out long announcedLength)
    {
        flags = 0;
        payload = default;
        announcedLength = 0;
        if (buffer.Length < HeaderSize) return ReadResult.Incomplete;

        Span<byte> header = stackalloc byte[HeaderSize];
        buffer.Slice(0, HeaderSize).CopyTo(header);
        flags = header[0];
        announcedLength = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (announcedLength > maxMessageSize) return ReadResult.TooLarge;
        if (buffer.Length < HeaderSize + announcedLength) return ReadResult.Incomplete;

        payload = buffer.Slice(HeaderSize, announcedLength);
        buffer = buffer.Slice(payload.End);
        return ReadResult.Complete;
    }

    public static void WriteHeader(Span<byte> destination, byte flags, int length)
    {
        destination[0] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }
}
