using Polly;
using Polly.Retry;

namespace Exchange.Rpc.Client;

/// <summary>Ready-made resilience pipelines for <see cref="RpcChannelOptions.Resilience"/>.</summary>
public static class RpcResilience
{
    /// <summary>
    /// Retries calls that failed with UNAVAILABLE (server down, connection refused or lost),
    /// with exponential backoff and jitter. Every other status is final: INVALID_ARGUMENT or
    /// FAILED_PRECONDITION would fail the same way again, and a DEADLINE_EXCEEDED call may
    /// already have taken effect.
    /// </summary>
    public static ResiliencePipeline RetryUnavailable(int maxRetryAttempts = 3, TimeSpan? baseDelay = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetryAttempts);
        if (maxRetryAttempts == 0) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<RpcException>(e => e.StatusCode == StatusCode.Unavailable),
                MaxRetryAttempts = maxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay ?? TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(10),
            })
            .Build();
    }
}
