using System.Globalization;

namespace Exchange.Rpc.Client;

/// <summary>
/// Where a client reaches a service, as configuration writes it:
/// <list type="bullet">
/// <item><c>http://projects:7101</c> (h2c) or <c>https://...</c>: the service itself;</item>
/// <item><c>dapr://projects</c>: through Dapr's gRPC service invocation. The call goes to the
/// caller's own sidecar, 127.0.0.1 on the port in <c>DAPR_GRPC_PORT</c> (which the sidecar
/// injector sets; 50001 by default), with the metadata <c>dapr-app-id: projects</c>; the sidecar
/// finds the target app by that id and forwards the call with its path unchanged. An app in
/// another namespace is <c>dapr://projects.exchange</c>.</item>
/// </list>
/// Services need no Dapr library for this: the sidecar speaks plain gRPC.
/// </summary>
public sealed class ServiceAddress
{
    public const string DaprScheme = "dapr";
    public const string DaprAppIdHeader = "dapr-app-id";
    public const string DaprGrpcPortVariable = "DAPR_GRPC_PORT";
    public const int DefaultDaprGrpcPort = 50001;

    private const string DaprPrefix = DaprScheme + "://";

    private readonly string _text;

    private ServiceAddress(string text, Uri channelAddress, string? daprAppId)
    {
        _text = text;
        ChannelAddress = channelAddress;
        DaprAppId = daprAppId;
    }

    /// <summary>What the channel connects to: the service, or the local Dapr sidecar.</summary>
    public Uri ChannelAddress { get; }

    /// <summary>The app id the sidecar forwards to; null for a direct address.</summary>
    public string? DaprAppId { get; }

    /// <summary>
    /// Reads <paramref name="text"/>; a Dapr address takes the sidecar's port from
    /// <paramref name="environment"/> (the process environment when null).
    /// </summary>
    /// <exception cref="FormatException">The text is neither an http(s) address nor <c>dapr://app-id</c>.</exception>
    public static ServiceAddress Parse(string text, Func<string, string?>? environment = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.StartsWith(DaprPrefix, StringComparison.OrdinalIgnoreCase)
            ? ForDapr(trimmed, environment ?? Environment.GetEnvironmentVariable)
            : Direct(trimmed);
    }

    /// <summary>Like <see cref="Parse"/>, with the reason in <paramref name="error"/> instead of an exception.</summary>
    public static bool TryParse(string? text, out ServiceAddress? address, out string? error, Func<string, string?>? environment = null)
    {
        address = null;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "the address is empty";
            return false;
        }
        try
        {
            address = Parse(text, environment);
            return true;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    /// <summary>
    /// A channel to this address. For Dapr, every call carries <c>dapr-app-id</c> ahead of
    /// <paramref name="options"/>' own default headers; <paramref name="options"/> is not changed.
    /// </summary>
    public RpcChannel CreateChannel(RpcChannelOptions? options = null)
    {
        if (DaprAppId is null) return RpcChannel.ForAddress(ChannelAddress, options);
        var withAppId = options?.Copy() ?? new RpcChannelOptions();
        var headers = new Metadata().Add(DaprAppIdHeader, DaprAppId);
        if (options?.DefaultHeaders is { } defaults)
        {
            foreach (var entry in defaults) headers.Add(entry);
        }
        withAppId.DefaultHeaders = headers;
        return RpcChannel.ForAddress(ChannelAddress, withAppId);
    }

    public override string ToString() => _text;

    private static ServiceAddress Direct(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new FormatException($"'{text}' is neither an http(s) address (http://projects:7101) nor a Dapr app id (dapr://projects)");
        return new ServiceAddress(text, uri, null);
    }

    private static ServiceAddress ForDapr(string text, Func<string, string?> environment)
    {
        var appId = text[DaprPrefix.Length..].TrimEnd('/');
        if (!IsAppId(appId))
            throw new FormatException(
                $"'{text}' does not name a Dapr app id: expected dapr://app-id or dapr://app-id.namespace (letters, digits and '-'; no port or path)");

        var portText = environment(DaprGrpcPortVariable);
        var port = DefaultDaprGrpcPort;
        if (!string.IsNullOrWhiteSpace(portText)
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
            throw new FormatException($"{DaprGrpcPortVariable} is '{portText}', not a port number");
        return new ServiceAddress(text, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"), appId);
    }

    /// <summary>An app id, optionally followed by its namespace: DNS labels, as Kubernetes names them.</summary>
    private static bool IsAppId(string text)
    {
        var labels = text.Split('.');
        return labels.Length is 1 or 2 && labels.All(IsLabel);
    }

    private static bool IsLabel(string label) =>
        label.Length is > 0 and <= 63
        && label[0] != '-' && label[^1] != '-'
        && label.All(c => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-');
}
