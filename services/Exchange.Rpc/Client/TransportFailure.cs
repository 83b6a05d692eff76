using System.Net.Http;
using System.Net.Sockets;

namespace Exchange.Rpc.Client;

/// <summary>
/// The status of a call that failed below gRPC: connection refused or lost, a stream reset by
/// the peer. Reset codes follow the table of the gRPC-over-HTTP/2 specification.
/// </summary>
internal static class TransportFailure
{
    public static Status ToStatus(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpProtocolException protocol) return FromResetCode(protocol.ErrorCode, protocol.Message);
        }
        return exception switch
        {
            HttpRequestException or IOException or SocketException =>
                new Status(StatusCode.Unavailable, $"Error reaching the server: {exception.Message}"),
            // Not our token: the handler gave up on its own, e.g. its connect timeout.
            OperationCanceledException => new Status(StatusCode.Unavailable, $"The transport gave up: {exception.Message}"),
            _ => new Status(StatusCode.Internal, $"Error starting the call: {exception.GetType().Name}: {exception.Message}"),
        };
    }

    private static Status FromResetCode(long code, string message)
    {
        var status = code switch
        {
            0x7 => StatusCode.Unavailable,       // REFUSED_STREAM: not processed, safe to retry
            0x8 => StatusCode.Cancelled,         // CANCEL
            0xB => StatusCode.ResourceExhausted, // ENHANCE_YOUR_CALM
            0xC => StatusCode.PermissionDenied,  // INADEQUATE_SECURITY
            _ => StatusCode.Internal,
        };
        return new Status(status, $"HTTP/2 error 0x{code:X}: {message}");
    }
}
