using Microsoft.Extensions.Logging;

namespace Exchange.Rpc.Server;

/// <summary>
/// How a handler's exception becomes the call's status, the same for gRPC and Connect callers:
/// an <see cref="RpcException"/> keeps its status; cancellation by the deadline is
/// DEADLINE_EXCEEDED and by the caller CANCELLED; <see cref="RpcServerOptions.ExceptionStatus"/>
/// may name a status for other exceptions (a database that is down: UNAVAILABLE); anything else
/// is UNKNOWN, logged with its exception and sent without detail.
/// </summary>
internal static class HandlerFailure
{
    public static (Status Status, Metadata? Trailers) ToStatus(
        Exception exception, bool deadlineExpired, bool callerGone, RpcServerOptions options, ILogger logger, string method)
    {
        switch (exception)
        {
            case RpcException rpc:
                return (rpc.Status, rpc.Trailers);
            case OperationCanceledException when deadlineExpired:
                return (new Status(StatusCode.DeadlineExceeded, "Deadline Exceeded"), null);
            case OperationCanceledException or IOException when callerGone:
                logger.LogDebug("Call {Method} cancelled by the caller", method);
                return (new Status(StatusCode.Cancelled, "Cancelled by the caller"), null);
        }
        if (options.ExceptionStatus?.Invoke(exception) is { } mapped)
        {
            logger.LogWarning("Handler of {Method} failed with {Code}: {Reason}", method, mapped.Code, exception.Message);
            return (mapped, null);
        }
        logger.LogError(exception, "Handler of {Method} threw an exception", method);
        var detail = options.EnableDetailedErrors
            ? $"Exception was thrown by handler. {exception.GetType().Name}: {exception.Message}"
            : "Exception was thrown by handler.";
        return (new Status(StatusCode.Unknown, detail), null);
    }
}
