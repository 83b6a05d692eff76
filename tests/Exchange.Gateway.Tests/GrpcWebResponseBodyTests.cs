using System.Text;
using Exchange.Gateway.Routing;
using Exchange.Rpc.Protocol;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The body under a gRPC-Web response: messages pass, the trailers frame becomes trailers,
/// however the service's bytes are cut into writes.
/// </summary>
public sealed class GrpcWebResponseBodyTests
{
    private static byte[] Frame(byte flags, byte[] payload)
    {
        var frame = new byte[MessageFrame.HeaderSize + payload.Length];
        MessageFrame.WriteHeader(frame, flags, payload.Length);
        payload.CopyTo(frame, MessageFrame.HeaderSize);
        return frame;
    }

    private static readonly byte[] Messages = [.. Frame(0, [1, 2, 3]), .. Frame(0, []), .. Frame(1, Enumerable.Range(0, 300).Select(i => (byte)i).ToArray())];

    private static readonly byte[] TrailersFrame = Frame(GrpcWebTrailers.Flag,
        Encoding.ASCII.GetBytes("grpc-status: 10\r\ngrpc-message: aborted%20here\r\nx-note: a\r\nx-note: b\r\n"));

    private static async Task<(byte[] Passed, List<KeyValuePair<string, string>>? Trailers)> Through(byte[] body, IEnumerable<int> cuts)
    {
        var passed = new MemoryStream();
        var stream = new GrpcWebResponseBody(passed);
        var start = 0;
        foreach (var cut in cuts.Where(c => c > 0 && c < body.Length).Distinct().Order().Append(body.Length))
        {
            await stream.WriteAsync(body.AsMemory(start, cut - start));
            start = cut;
        }
        return (passed.ToArray(), stream.Trailers);
    }

    [Fact]
    public async Task Messages_pass_and_the_trailers_frame_is_held_back_whatever_the_writes()
    {
        byte[] body = [.. Messages, .. TrailersFrame];
        var random = new Random(7);
        List<int[]> cuttings =
        [
            [],
            Enumerable.Range(1, body.Length).ToArray(),
            [Messages.Length],
            [Messages.Length + 2],
            [2, 7, 9, Messages.Length - 1, Messages.Length + 1],
        ];
        for (var i = 0; i < 50; i++) cuttings.Add(Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.Next(1, body.Length)).ToArray());

        foreach (var cuts in cuttings)
        {
            var (passed, trailers) = await Through(body, cuts);
            Assert.Equal(Messages, passed);
            Assert.NotNull(trailers);
            Assert.Equal(
                [new("grpc-status", "10"), new("grpc-message", "aborted%20here"), new("x-note", "a"), new("x-note", "b")],
                trailers);
        }
    }

    [Fact]
    public async Task A_body_without_a_trailers_frame_passes_whole_and_has_no_trailers()
    {
        var (passed, trailers) = await Through(Messages, [4, 11]);
        Assert.Equal(Messages, passed);
        Assert.Null(trailers);
    }

    [Fact]
    public async Task An_empty_trailers_frame_is_trailers_with_nothing_in_them()
    {
        var (passed, trailers) = await Through(Frame(GrpcWebTrailers.Flag, []), []);
        Assert.Empty(passed);
        Assert.Empty(trailers!);
    }
}
