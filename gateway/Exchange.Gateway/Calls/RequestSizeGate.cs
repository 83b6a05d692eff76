using System.Globalization;
using Exchange.Rpc;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Calls;

/// <summary>
/// Refuses request bodies larger than <see cref="LimitOptions.MaxRequestBodySize"/>: at once when
/// the caller announced the length, else while the body streams through (gRPC clients send no
/// length; YARP lifts Kestrel's own limit for gRPC calls, so the gateway counts itself). gRPC
/// callers get RESOURCE_EXHAUSTED, others HTTP 413, both saying the limit.
/// </summary>
public sealed class RequestSizeGate(RequestDelegate next, IOptions<LimitOptions> options)
{
    private readonly long _limit = options.Value.MaxRequestBodySize;

    public Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (request.ContentLength is { } length)
        {
            if (length > _limit) return CallRefusal.WriteAsync(http, TooLarge(_limit, length), StatusCodes.Status413PayloadTooLarge);
        }
        else if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false)
        {
            request.Body = new BoundedRequestBody(request.Body, _limit);
            // The gateway counts, and refuses in its own words: Kestrel's count of the same limit stands down.
            if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } kestrelLimit)
                kestrelLimit.MaxRequestBodySize = null;
        }
        return next(http);
    }

    public static Status TooLarge(long limit, long? length = null) => new(StatusCode.ResourceExhausted,
        length is { } size
            ? $"request body of {size.ToString(CultureInfo.InvariantCulture)} bytes is larger than the gateway's limit of {limit.ToString(CultureInfo.InvariantCulture)} bytes"
            : $"request body is larger than the gateway's limit of {limit.ToString(CultureInfo.InvariantCulture)} bytes");
}
