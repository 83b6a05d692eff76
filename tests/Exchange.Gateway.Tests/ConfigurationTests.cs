using System.Net;
using Exchange.Gateway.Keys;
using Exchange.Gateway.Routing;
using Microsoft.Extensions.Configuration;

namespace Exchange.Gateway.Tests;

/// <summary>How the gateway reads its services and builds YARP's routes and clusters, and the shape of its keys.</summary>
public sealed class ConfigurationTests
{
    [Fact]
    public void Without_configuration_the_four_platform_services_on_their_default_ports()
    {
        var services = BackendServices.From(Configuration());
        Assert.Equal(
            ["projects http://127.0.0.1:7101/ http://127.0.0.1:7111/ /exchange.projects.v1.", "missions http://127.0.0.1:7102/ http://127.0.0.1:7112/ /exchange.missions.v1.",
             "claims http://127.0.0.1:7103/ http://127.0.0.1:7113/ /exchange.claims.v1.", "surveys http://127.0.0.1:7104/ http://127.0.0.1:7114/ /exchange.surveys.v1."],
            services.Select(s => $"{s.Name} {s.Address} {s.Http} {s.PathPrefix}"));
    }

    [Fact]
    public void Configured_services_are_the_complete_list()
    {
        var services = BackendServices.From(Configuration(
            ("Gateway:Services:claims:Address", "http://10.0.0.7:7103"),
            ("Gateway:Services:claims:Http", "http://10.0.0.7:7113"),
            ("Gateway:Services:reports", "http://10.0.0.8:7200"),
            ("Gateway:Services:legacy:Address", "http://10.0.0.9:7300"),
            ("Gateway:Services:legacy:Package", "exchange.claims.v0"),
            ("Gateway:Services:surveys:Address", "http://10.0.0.7:7104"),
            ("Gateway:Services:surveys:Enabled", "false")));
        Assert.Equal(
            ["claims exchange.claims.v1 http://10.0.0.7:7103/ http://10.0.0.7:7113/", "legacy exchange.claims.v0 http://10.0.0.9:7300/ ", "reports exchange.reports.v1 http://10.0.0.8:7200/ "],
            services.Select(s => $"{s.Name} {s.Package} {s.Address} {s.Http}"));
    }

    [Theory]
    [InlineData("Gateway:Services:claims:Http", "http://x", "Address is not set")]
    [InlineData("Gateway:Services:claims:Address", "127.0.0.1:7103", "absolute http:// or https://")]
    public void Bad_service_settings_stop_the_gateway_saying_which(string key, string value, string message)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => BackendServices.From(Configuration((key, value))));
        Assert.Contains(message, failure.Message);
    }

    [Fact]
    public void Two_services_cannot_claim_one_package()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => BackendServices.From(Configuration(
            ("Gateway:Services:a:Address", "http://h:1"), ("Gateway:Services:a:Package", "exchange.x.v1"),
            ("Gateway:Services:b:Address", "http://h:2"), ("Gateway:Services:b:Package", "exchange.x.v1"))));
        Assert.Contains("both claim the package exchange.x.v1", failure.Message);
    }

    [Fact]
    public void Clusters_speak_http_2_only_and_let_quiet_streams_live()
    {
        var services = BackendServices.From(Configuration());
        var route = Assert.Single(ProxyRoutes.Routes(services), r => r.RouteId == "projects");
        Assert.Equal("/exchange.projects.v1.{service}/{method}", route.Match.Path);
        Assert.Equal(["POST"], route.Match.Methods);

        var cluster = Assert.Single(ProxyRoutes.Clusters(services, new ForwardingOptions()), c => c.ClusterId == "projects");
        Assert.Equal("http://127.0.0.1:7101/", Assert.Single(cluster.Destinations!.Values).Address);
        Assert.Equal(HttpVersion.Version20, cluster.HttpRequest!.Version);
        Assert.Equal(HttpVersionPolicy.RequestVersionExact, cluster.HttpRequest.VersionPolicy);
        Assert.Equal(TimeSpan.FromDays(1), cluster.HttpRequest.ActivityTimeout);
        Assert.True(cluster.HttpClient!.EnableMultipleHttp2Connections);
        Assert.Null(cluster.SessionAffinity);
    }

    [Fact]
    public void Keys_have_an_id_and_256_random_bits_and_only_that_shape_parses()
    {
        var id = ApiKeyText.NewId();
        var key = ApiKeyText.Compose(id);
        Assert.Matches("^exk_[a-z2-7]{16}_[A-Za-z0-9_-]{43}$", key);
        Assert.True(ApiKeyText.TryParse(key, out var parsed));
        Assert.Equal(id, parsed);
        Assert.NotEqual(key, ApiKeyText.Compose(id));
        Assert.Equal(32, ApiKeyText.Hash(key).Length);

        foreach (var bad in new[] { "", key[..^1], key + "A", key.Replace("exk_", "exq_"), key.Replace('_', '-'), key[..10] + "!" + key[11..], key.ToUpperInvariant() })
            Assert.False(ApiKeyText.TryParse(bad, out _), bad);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build();
}
