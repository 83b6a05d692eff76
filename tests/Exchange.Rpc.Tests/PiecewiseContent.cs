using System.Net;

namespace Exchange.Rpc.Tests;

/// <summary>A request body sent in small pieces with pauses, so that the server sees it arrive over several reads.</summary>
public sealed class PiecewiseContent(byte[] body, int pieceSize, TimeSpan pause) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        for (var offset = 0; offset < body.Length; offset += pieceSize)
        {
            if (offset > 0) await Task.Delay(pause);
            await stream.WriteAsync(body.AsMemory(offset, Math.Min(pieceSize, body.Length - offset)));
            await stream.FlushAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }
}
