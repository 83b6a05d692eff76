using System.Net;
using Exchange.Gateway.Tests.Infrastructure;

namespace Exchange.Gateway.Tests;

/// <summary>
/// The gateway serves the web portal's files next to the API: pages routed in the browser answer
/// index.html, a missing asset is a 404, the API keeps needing keys, and the respondents' survey
/// calls, whose credential is the invitation token in the request, pass without one.
/// </summary>
public sealed class PortalTests : IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"exchange-portal-{Guid.NewGuid():N}");
    private GatewayHost _gateway = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_root, "assets"));
        await File.WriteAllTextAsync(Path.Combine(_root, "index.html"), "<!doctype html><title>portal</title>");
        await File.WriteAllTextAsync(Path.Combine(_root, "assets", "index-1a2b.js"), "console.log('portal')");
        // Nothing listens at the services' addresses: a call the gateway lets through answers UNAVAILABLE.
        var nowhere = new Uri($"http://127.0.0.1:{Loopback.FreePort()}");
        _gateway = await GatewayHost.StartAsync(
            [("projects", nowhere, null), ("surveys", nowhere, null)],
            new Dictionary<string, string?> { ["Gateway:Portal:Root"] = _root });
        _http = new HttpClient { BaseAddress = _gateway.HttpAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _gateway.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/index.html")]
    [InlineData("/survey/Qx7-token_43chars")]
    [InlineData("/projects/1f0c")]
    public async Task Pages_answer_the_portal_s_index_without_a_key(string path)
    {
        var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>portal</title>", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Assets_are_served_and_a_missing_one_is_not_found()
    {
        var asset = await _http.GetAsync("/assets/index-1a2b.js");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal("console.log('portal')", await asset.Content.ReadAsStringAsync());
        Assert.Contains("immutable", asset.Headers.CacheControl?.ToString());

        var missing = await _http.GetAsync("/assets/index-0000.js");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Health_and_the_api_are_not_taken_by_the_portal()
    {
        var health = await _http.GetAsync("/healthz");
        Assert.Equal("application/json", health.Content.Headers.ContentType?.MediaType);

        var apiByGet = await _http.GetAsync("/exchange.projects.v1.Projects/GetProject");
        Assert.NotEqual("text/html", apiByGet.Content.Headers.ContentType?.MediaType);

        using var json = new ConnectJson(_gateway.HttpAddress);
        var refused = await json.Post("/exchange.projects.v1.Projects/GetProject", """{"projectId":"x"}""", apiKey: null);
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthenticated"), (refused.Status, refused.ErrorCode));
        var coordinators = await json.Post("/exchange.surveys.v1.Surveys/ListSurveyRounds", "{}", apiKey: null);
        Assert.Equal((HttpStatusCode.Unauthorized, "unauthenticated"), (coordinators.Status, coordinators.ErrorCode));
    }

    [Fact]
    public async Task Respondents_survey_calls_pass_without_a_key()
    {
        using var json = new ConnectJson(_gateway.HttpAddress);

        var answer = await json.Post("/exchange.surveys.v1.SurveyResponses/GetInvitation", """{"token":"abc"}""", apiKey: null);

        // Past the key gate, to a surveys service that is down.
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "unavailable"), (answer.Status, answer.ErrorCode));
    }
}
