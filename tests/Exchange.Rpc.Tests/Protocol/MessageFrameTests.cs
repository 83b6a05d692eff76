using System.Buffers;
using System.IO.Pipelines;
using Exchange.Interop.V1;
using Exchange.Rpc.Protocol;
using Google.Protobuf;

namespace Exchange.Rpc.Tests.Protocol;

public sealed class MessageFrameTests
{
    private static readonly FrameReader.Parse<SimpleRequest> Parse = MessageCodec<SimpleRequest>.GrpcParse;

    // A broken reader must fail the test, not hang it.
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token;

    private static byte[] TwoFrames()
    {
        var first = RawHttp.Frame(new SimpleRequest { Text = "first", ResponseSize = 7 });
        var second = RawHttp.Frame(new SimpleRequest { Text = "second, somewhat longer", Payload = new Payload { Body = ByteString.CopyFrom(new byte[300]) } });
        return [.. first, .. second];
    }

    [Fact]
    public async Task Reads_messages_split_at_every_possible_byte()
    {
        var bytes = TwoFrames();
        for (var split = 1; split < bytes.Length; split++)
        {
            var pipe = new Pipe();
            var reader = new FrameReader(pipe.Reader, 1024, null);
            await pipe.Writer.WriteAsync(bytes.AsMemory(0, split));
            var pending = reader.ReadAsync(Parse, Timeout).AsTask();
            await pipe.Writer.WriteAsync(bytes.AsMemory(split));
            await pipe.Writer.CompleteAsync();

            var first = await pending;
            var second = await reader.ReadAsync(Parse, Timeout);
            var end = await reader.ReadAsync(Parse, Timeout);
            Assert.Equal("first", first.Value.Text);
            Assert.Equal("second, somewhat longer", second.Value.Text);
            Assert.False(end.HasValue);
        }
    }

    [Fact]
    public async Task Reads_messages_delivered_one_byte_at_a_time()
    {
        var bytes = TwoFrames();
        var pipe = new Pipe();
        var reader = new FrameReader(pipe.Reader, 1024, null);
        var reading = Task.Run(async () =>
        {
            var a = await reader.ReadAsync(Parse, Timeout);
            var b = await reader.ReadAsync(Parse, Timeout);
            return (a.Value.Text, b.Value.Text);
        });
        foreach (var b in bytes)
        {
            await pipe.Writer.WriteAsync(new[] { b });
        }
        await pipe.Writer.CompleteAsync();
        Assert.Equal(("first", "second, somewhat longer"), await reading);
    }

    [Fact]
    public async Task A_zero_length_message_is_the_default_message()
    {
        var reader = await ReaderOver(new byte[] { 0, 0, 0, 0, 0 });
        var frame = await reader.ReadAsync(Parse, Timeout);
        Assert.True(frame.HasValue);
        Assert.Equal(new SimpleRequest(), frame.Value);
        Assert.False((await reader.ReadAsync(Parse, Timeout)).HasValue);
    }

    [Fact]
    public async Task An_empty_stream_has_no_message()
    {
        var reader = await ReaderOver([]);
        Assert.False((await reader.ReadAsync(Parse, Timeout)).HasValue);
    }

    [Fact]
    public async Task A_message_over_the_limit_is_resource_exhausted_before_its_bytes_arrive()
    {
        // Only the prefix is sent: the announced length alone must trigger the refusal.
        var reader = await ReaderOver([0, 0, 0, 4, 1], complete: false);
        var error = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(Parse, Timeout).AsTask());
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("1025 vs. 1024", error.Status.Detail);
    }

    [Fact]
    public async Task A_message_exactly_at_the_limit_is_accepted()
    {
        var payload = new SimpleRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[1000]) } };
        var size = payload.CalculateSize();
        var reader = new FrameReader(await PipeOver(RawHttp.Frame(payload)), size, null);
        Assert.True((await reader.ReadAsync(Parse, Timeout)).HasValue);
    }

    [Theory]
    [InlineData(new byte[] { 0 })]
    [InlineData(new byte[] { 0, 0, 0 })]
    [InlineData(new byte[] { 0, 0, 0, 0, 9, 1, 2 })]
    public async Task A_stream_ending_inside_a_frame_is_internal(byte[] truncated)
    {
        var reader = await ReaderOver(truncated);
        var error = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(Parse, Timeout).AsTask());
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task A_payload_that_is_not_protobuf_is_internal_on_grpc()
    {
        var reader = await ReaderOver(RawHttp.Frame([0xFF, 0xFF, 0xFF]));
        var error = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(Parse, Timeout).AsTask());
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task A_compressed_flag_without_an_encoding_is_internal()
    {
        var reader = await ReaderOver(RawHttp.Frame(new SimpleRequest { Text = "x" }, flags: MessageFrame.CompressedFlag));
        var error = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(Parse, Timeout).AsTask());
        Assert.Equal(StatusCode.Internal, error.StatusCode);
    }

    [Fact]
    public async Task A_gzip_message_is_decompressed()
    {
        var plain = new SimpleRequest { Text = "compressed ü" }.ToByteArray();
        var reader = new FrameReader(await PipeOver(RawHttp.Frame(MessageCompression.Compress(plain), MessageFrame.CompressedFlag)), 1024, "gzip");
        Assert.Equal("compressed ü", (await reader.ReadAsync(Parse, Timeout)).Value.Text);
    }

    [Fact]
    public async Task A_gzip_bomb_is_stopped_at_the_limit()
    {
        var plain = new SimpleRequest { Payload = new Payload { Body = ByteString.CopyFrom(new byte[100_000]) } }.ToByteArray();
        var compressed = MessageCompression.Compress(plain);
        Assert.True(compressed.Length < 1024);
        var reader = new FrameReader(await PipeOver(RawHttp.Frame(compressed, MessageFrame.CompressedFlag)), 1024, "gzip");
        var error = await Assert.ThrowsAsync<RpcException>(() => reader.ReadAsync(Parse, Timeout).AsTask());
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
    }

    [Fact]
    public void The_prefix_is_flags_then_big_endian_length()
    {
        var header = new byte[5];
        MessageFrame.WriteHeader(header, 1, 0x01020304);
        Assert.Equal(new byte[] { 1, 1, 2, 3, 4 }, header);
        var sequence = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0, 0, 2, 8, 1, 99 });
        Assert.Equal(MessageFrame.ReadResult.Complete, MessageFrame.TryRead(ref sequence, 10, out var flags, out var payload, out var length));
        Assert.Equal(0, flags);
        Assert.Equal(2, length);
        Assert.Equal(new byte[] { 8, 1 }, payload.ToArray());
        Assert.Equal(new byte[] { 99 }, sequence.ToArray());
    }

    private static async Task<FrameReader> ReaderOver(byte[] bytes, bool complete = true) =>
        new(await PipeOver(bytes, complete), 1024, null);

    private static async Task<PipeReader> PipeOver(byte[] bytes, bool complete = true)
    {
        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(bytes);
        if (complete) await pipe.Writer.CompleteAsync();
        return pipe.Reader;
    }
}
