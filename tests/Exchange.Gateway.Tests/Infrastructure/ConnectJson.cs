using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Exchange.Gateway.Tests.Infrastructure;

/// <summary>A partner's plain HTTP/JSON client: Connect unary calls posted with HttpClient over HTTP/1.1.</summary>
public sealed class ConnectJson(Uri address) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

    public async Task<ConnectAnswer> Post(string path, string json, string? apiKey, string contentType = "application/json", params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (apiKey is not null) request.Headers.TryAddWithoutValidation("x-api-key", apiKey);
        foreach (var (name, value) in headers)
        {
            if (name == "expect") request.Headers.ExpectContinue = true;
            else request.Headers.TryAddWithoutValidation(name, value);
        }
        return await Send(request);
    }

    public async Task<ConnectAnswer> Send(HttpRequestMessage request)
    {
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value));
        return new ConnectAnswer(response.StatusCode, body, headers);
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>What a Connect call answered: the HTTP status, the body, and the headers (lower-case names).</summary>
public sealed record ConnectAnswer(HttpStatusCode Status, string Body, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    /// <summary>The Connect error code, or null for a successful call.</summary>
    public string? ErrorCode => Status == HttpStatusCode.OK ? null : Json.GetProperty("code").GetString();

    public string ErrorMessage => Json.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";

    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public override string ToString() => $"HTTP {(int)Status} {Body}";
}
