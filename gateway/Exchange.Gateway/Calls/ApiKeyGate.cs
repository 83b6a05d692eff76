using Exchange.Gateway.Keys;
using Exchange.Rpc;
using Exchange.Rpc.Protocol;

namespace Exchange.Gateway.Calls;

/// <summary>
/// Lets a call through only with a valid API key, and swaps the key for the services' bearer
/// token: the key and any credentials the caller sent are removed, <c>authorization: Bearer</c>
/// carries the token the gateway issued. Deny by default: every endpoint but those marked
/// <see cref="OpenToAnyone"/>, unknown paths included. Refusals are UNAUTHENTICATED (HTTP 401).
/// </summary>
public sealed class ApiKeyGate(RequestDelegate next, ApiKeyValidator validator, ILogger<ApiKeyGate> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<OpenToAnyone>() is not null)
        {
            await next(http);
            return;
        }

        var headers = http.Request.Headers;
        var presented = PresentedKey.From(headers, out var wrongScheme);
        // Whatever happens next, no credential of the caller's travels on.
        headers.Remove(PresentedKey.Header);
        headers.Authorization = default;

        string? failure;
        if (presented is null)
        {
            failure = wrongScheme is null
                ? $"missing API key: send it in the {PresentedKey.Header} header (or authorization: {PresentedKey.Scheme} <key>)"
                : $"the gateway takes API keys, not '{wrongScheme}' credentials: send the key in the {PresentedKey.Header} header";
        }
        else
        {
            var check = await validator.CheckAsync(presented, http.RequestAborted);
            if (check.IsAccepted)
            {
                headers.Authorization = "Bearer " + check.Token;
                http.User = check.User!;
                http.Features.Set(check.Caller);
                await next(http);
                return;
            }
            failure = check.Failure!;
        }

        logger.LogDebug("Refused {Path}: {Reason}", http.Request.Path.Value, failure);
        var challenge = GrpcHeaders.IsGrpcContentType(http.Request.ContentType)
            ? null
            : new[] { KeyValuePair.Create("www-authenticate", PresentedKey.Scheme) };
        await CallRefusal.WriteAsync(http, new Status(StatusCode.Unauthenticated, failure), headers: challenge);
    }
}
