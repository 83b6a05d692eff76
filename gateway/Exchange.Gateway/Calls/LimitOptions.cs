namespace Exchange.Gateway.Calls;

/// <summary>The section <c>Gateway:Limits</c>: what one call may send and how long it may take.</summary>
public sealed class LimitOptions
{
    public const string Section = "Gateway:Limits";

    /// <summary>Largest request body, in bytes: gRPC's default message limit (4 MiB) and its prefix.</summary>
    public long MaxRequestBodySize { get; set; } = 4 * 1024 * 1024 + 5;

    /// <summary>
    /// Longest a unary call may take through the gateway. A shorter deadline of the caller's own
    /// wins; the services are told the deadline, so they stop working on calls nobody waits for.
    /// Server streams are not bounded.
    /// </summary>
    public TimeSpan UnaryTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
