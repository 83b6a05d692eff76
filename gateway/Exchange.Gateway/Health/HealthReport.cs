using System.Text.Json.Serialization;

namespace Exchange.Gateway.Health;

/// <summary>
/// What <c>GET /healthz</c> answers: <c>ok</c> (HTTP 200) when every service is ready and the
/// broker and key store answer, else <c>degraded</c> (HTTP 503) with each part's own state.
/// </summary>
public sealed record HealthReport(
    [property: JsonPropertyName("checkedAt")] DateTimeOffset CheckedAt,
    [property: JsonPropertyName("services")] IReadOnlyList<ComponentHealth> Services,
    [property: JsonPropertyName("broker")] ComponentHealth Broker,
    [property: JsonPropertyName("keyStore")] ComponentHealth KeyStore)
{
    public const string Ready = "ready";
    public const string NotReady = "not-ready";
    public const string Reachable = "reachable";
    public const string Unreachable = "unreachable";

    [JsonPropertyName("status")]
    [JsonPropertyOrder(-1)]
    public string Status => IsHealthy ? "ok" : "degraded";

    [JsonIgnore]
    public bool IsHealthy =>
        Services.All(s => s.Status == Ready) && Broker.Status == Reachable && KeyStore.Status == Ready;
}

/// <summary>One part of the platform: its state, why it is not well, and what it reported itself.</summary>
public sealed record ComponentHealth(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("detail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail,
    [property: JsonPropertyName("checks"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Checks);
