namespace Exchange.Gateway.Calls;

/// <summary>Endpoint metadata: answered without an API key (health probes).</summary>
public sealed class OpenToAnyone
{
    public static readonly OpenToAnyone Instance = new();
}
