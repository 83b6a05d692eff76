using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.IO.Pipelines;

namespace Exchange.Rpc.Protocol;

/// <summary>
/// Reads length-prefixed messages from a pipe, however the bytes were split across reads.
/// Protocol errors surface as <see cref="RpcException"/> with the status the spec asks for.
/// </summary>
public sealed class FrameReader(PipeReader reader, int maxMessageSize, string? encoding)
{
    public delegate T Parse<out T>(ReadOnlySequence<byte> payload);

    /// <summary>
    /// The next message, or <c>default</c> with <c>HasValue = false</c> when the stream ended cleanly
    /// between two frames.
    /// </summary>
    public async ValueTask<Frame<T>> ReadAsync<T>(Parse<T> parse, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var consumed = buffer.Start;
            try
            {
                switch (MessageFrame.TryRead(ref buffer, maxMessageSize, out var flags, out var payload, out var length))
                {
                    case MessageFrame.ReadResult.Complete:
                        consumed = buffer.Start;
                        return new Frame<T>(true, flags, Decode(flags, payload, parse));
                    case MessageFrame.ReadResult.TooLarge:
                        throw new RpcException(StatusCode.ResourceExhausted,
                            $"Received message larger than max ({length} vs. {maxMessageSize})");
                }
                if (result.IsCompleted)
                {
                    if (buffer.IsEmpty) return default;
                    throw new RpcException(StatusCode.Internal, "Incomplete message: the stream ended inside a length-prefixed message");
                }
                if (result.IsCanceled) throw new OperationCanceledException(cancellationToken);
            }
            finally
            {
                reader.AdvanceTo(consumed, buffer.End);
            }
        }
    }

    /// <summary>
    /// Takes the stream's only message when the whole stream has already arrived: the usual case
    /// of a small unary request, answered without awaiting. In any other case (more to come, a
    /// second message, a partial or oversized frame) it consumes nothing and returns false, and
    /// <see cref="ReadAsync"/> reads as usual and reports what is wrong.
    /// </summary>
    public bool TryReadOnlyMessage<T>(Parse<T> parse, [MaybeNullWhen(false)] out T message)
    {
        message = default;
        if (!reader.TryRead(out var result)) return false;
        var buffer = result.Buffer;
        if (!result.IsCompleted || result.IsCanceled
            || MessageFrame.TryRead(ref buffer, maxMessageSize, out var flags, out var payload, out _) != MessageFrame.ReadResult.Complete
            || !buffer.IsEmpty)
        {
            reader.AdvanceTo(result.Buffer.Start);
            return false;
        }
        try
        {
            message = Decode(flags, payload, parse);
            return true;
        }
        finally
        {
            reader.AdvanceTo(result.Buffer.End);
        }
    }

    private T Decode<T>(byte flags, ReadOnlySequence<byte> payload, Parse<T> parse)
    {
        if ((flags & MessageFrame.CompressedFlag) == 0) return parse(payload);
        if (encoding is null or GrpcHeaders.Identity)
            throw new RpcException(StatusCode.Internal, "A compressed message arrived but no message encoding was given");
        var plain = MessageCompression.Decompress(payload, maxMessageSize)
            ?? throw new RpcException(StatusCode.ResourceExhausted, $"Decompressed message larger than max ({maxMessageSize})");
        return parse(new ReadOnlySequence<byte>(plain));
    }
}

/// <summary>One message read from a stream, with the flags of its prefix.</summary>
public readonly record struct Frame<T>(bool HasValue, byte Flags, T Value);
