using System.Globalization;
using Exchange.Gateway.Calls;
using Exchange.Rpc;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Exchange.Gateway.Routing;

/// <summary>
/// Turns YARP's forwarding failures, which it leaves as a bare 502 or 504, into answers callers
/// understand: a service that is down or drops the call is UNAVAILABLE (HTTP 503), which gRPC
/// clients may retry; the gateway's unary deadline is DEADLINE_EXCEEDED; a body over the limit is
/// RESOURCE_EXHAUSTED (HTTP 413). Once a response has started it can only be cut, which YARP does.
/// </summary>
public sealed class BackendFailures(RequestDelegate next, ILogger<BackendFailures> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        await next(http);
        if (http.Features.Get<IForwarderErrorFeature>() is not { } failure || http.Response.HasStarted) return;

        var service = http.Features.Get<IReverseProxyFeature>()?.Cluster.Config.ClusterId ?? "the service";
        var deadline = http.Features.Get<CallDeadline>();
        var callerGone = http.RequestAborted.IsCancellationRequested && deadline?.Passed != true;
        if (callerGone) return;

        var (status, httpStatus) = failure.Error switch
        {
            _ when deadline?.Passed == true => (new Status(StatusCode.DeadlineExceeded,
                $"{service} did not answer within the gateway's deadline of {deadline.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s"), (int?)null),
            ForwarderError.RequestBodyClient when TooLarge(failure.Exception) is { } tooLarge =>
                (new Status(StatusCode.ResourceExhausted, tooLarge.Message), StatusCodes.Status413PayloadTooLarge),
            ForwarderError.RequestBodyClient => (new Status(StatusCode.InvalidArgument, "the request body could not be read to its end"), (int?)null),
            _ => (new Status(StatusCode.Unavailable, Unavailable(service, failure.Error)), (int?)null),
        };
        logger.LogWarning("Call {Path} to {Service} failed in forwarding ({Error}): answered {Code}; {Reason}",
            http.Request.Path.Value, service, failure.Error, status.Code, failure.Exception?.Message);
        await CallRefusal.WriteAsync(http, status, httpStatus);
    }

    /// <summary>The body limit's own exception, wherever YARP wrapped it.</summary>
    private static BadHttpRequestException? TooLarge(Exception? exception) => exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge => tooLarge,
        AggregateException aggregate => aggregate.InnerExceptions.Select(TooLarge).FirstOrDefault(e => e is not null),
        { InnerException: { } inner } => TooLarge(inner),
        _ => null,
    };

    // The detail stays in the gateway's log: callers learn which service, not its address.
    private static string Unavailable(string service, ForwarderError error) => error switch
    {
        ForwarderError.Request or ForwarderError.RequestCreation or ForwarderError.NoAvailableDestinations =>
            $"the {service} service is unavailable: it could not be reached; try again shortly",
        ForwarderError.RequestTimedOut => $"the {service} service is unavailable: it did not accept the call in time; try again shortly",
        _ => $"the {service} service is unavailable: the call broke off ({error}); try again shortly",
    };
}
