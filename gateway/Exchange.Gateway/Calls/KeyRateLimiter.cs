using System.Globalization;
using System.Threading.RateLimiting;
using Exchange.Gateway.Keys;
using Exchange.Rpc;
using Microsoft.Extensions.Options;

namespace Exchange.Gateway.Calls;

/// <summary>
/// A token bucket per API key (<see cref="RateLimitOptions"/>): a key that has used its burst
/// waits for the bucket to refill. Refused calls are RESOURCE_EXHAUSTED (HTTP 429) with
/// <c>retry-after</c> in seconds, and <c>grpc-retry-pushback-ms</c> for gRPC clients with a retry
/// policy. One key's calls never slow another key.
/// </summary>
public sealed class KeyRateLimiter : IDisposable
{
    private readonly RateLimitOptions _options;
    private readonly PartitionedRateLimiter<string> _buckets;

    public KeyRateLimiter(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        var bucket = new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, _options.BurstLimit),
            TokensPerPeriod = Math.Max(1, _options.PermitsPerSecond),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        };
        _buckets = PartitionedRateLimiter.Create<string, string>(keyId => RateLimitPartition.GetTokenBucketLimiter(keyId, _ => bucket));
    }

    /// <summary>Null when the call may go on; else how long the key should wait.</summary>
    public TimeSpan? TryAcquire(string keyId)
    {
        if (!_options.Enabled) return null;
        using var lease = _buckets.AttemptAcquire(keyId);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _buckets.Dispose();

    /// <summary>The middleware: after the key gate, so that the caller's key is known.</summary>
    public sealed class Gate(RequestDelegate next, KeyRateLimiter limiter)
    {
        public Task InvokeAsync(HttpContext http)
        {
            if (http.Features.Get<GatewayCaller>() is not { } caller || limiter.TryAcquire(caller.KeyId) is not { } wait)
                return next(http);
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            var headers = new[]
            {
                KeyValuePair.Create("retry-after", seconds.ToString(CultureInfo.InvariantCulture)),
                KeyValuePair.Create("grpc-retry-pushback-ms", ((long)Math.Ceiling(wait.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture)),
            };
            var status = new Status(StatusCode.ResourceExhausted,
                $"rate limit of API key {caller.KeyId} reached ({limiter._options.PermitsPerSecond} calls per second, bursts of {limiter._options.BurstLimit}); retry after {seconds} s");
            return CallRefusal.WriteAsync(http, status, StatusCodes.Status429TooManyRequests, headers);
        }
    }
}
