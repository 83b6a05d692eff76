using Microsoft.Extensions.Configuration;

namespace Exchange.Gateway.Routing;

/// <summary>
/// The services the gateway routes to, from <c>Gateway:Services</c>: one entry per service,
/// <c>Gateway:Services:&lt;name&gt;:Address</c> (h2c, or a plain value in place of the section),
/// <c>:Http</c> (HTTP/1.1 port for health), <c>:Package</c> (default <c>exchange.&lt;name&gt;.v1</c>),
/// <c>:Enabled</c>. When the section is absent, the platform's four services on their default
/// loopback ports; when present, it is the complete list.
/// </summary>
public static class BackendServices
{
    public const string Section = "Gateway:Services";

    private static readonly (string Name, int RpcPort, int HttpPort)[] Defaults =
    [
        ("projects", 7101, 7111),
        ("missions", 7102, 7112),
        ("claims", 7103, 7113),
        ("surveys", 7104, 7114),
    ];

    public static IReadOnlyList<BackendService> From(IConfiguration configuration)
    {
        var entries = configuration.GetSection(Section).GetChildren().ToList();
        if (entries.Count == 0)
        {
            return Defaults.Select(d => new BackendService(d.Name, PackageOf(d.Name),
                new Uri($"http://127.0.0.1:{d.RpcPort}"), new Uri($"http://127.0.0.1:{d.HttpPort}"))).ToList();
        }

        var services = new List<BackendService>();
        foreach (var entry in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (string.Equals(entry["Enabled"], "false", StringComparison.OrdinalIgnoreCase)) continue;
            var name = entry.Key.ToLowerInvariant();
            var address = entry.Value ?? entry["Address"]
                ?? throw new InvalidOperationException($"{Section}:{entry.Key}:Address is not set: give the service's h2c address, e.g. http://127.0.0.1:7101");
            var http = entry["Http"];
            services.Add(new BackendService(name, entry["Package"] ?? PackageOf(name),
                Absolute(address, $"{Section}:{entry.Key}:Address"),
                string.IsNullOrWhiteSpace(http) ? null : Absolute(http, $"{Section}:{entry.Key}:Http")));
        }
        var clash = services.GroupBy(s => s.Package, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
            throw new InvalidOperationException($"{Section}: the services {string.Join(" and ", clash.Select(s => s.Name))} both claim the package {clash.Key}");
        return services;
    }

    private static string PackageOf(string name) => $"exchange.{name}.v1";

    private static Uri Absolute(string text, string setting) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"{setting} must be an absolute http:// or https:// address, not '{text}'");
}
