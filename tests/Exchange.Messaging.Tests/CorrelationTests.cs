using Exchange.Messaging.Correlation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Exchange.Messaging.Tests;

public sealed class CorrelationTests
{
    private readonly CorrelationContext _correlation = new();

    private async Task<string?> SeenByRequestAsync(string? header)
    {
        string? seen = null;
        var middleware = new CorrelationIdMiddleware(_ =>
        {
            seen = _correlation.CorrelationId;
            return Task.CompletedTask;
        }, _correlation, NullLogger<CorrelationIdMiddleware>.Instance);
        var context = new DefaultHttpContext();
        if (header is not null) context.Request.Headers[CorrelationHeaders.Name] = header;
        await middleware.InvokeAsync(context);
        return seen;
    }

    [Fact]
    public async Task A_request_runs_under_the_correlation_id_its_caller_sent()
    {
        Assert.Equal("claim-approval-7", await SeenByRequestAsync("claim-approval-7"));
        Assert.Null(_correlation.CorrelationId);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("line\nbreak")]
    public async Task A_request_without_a_usable_id_gets_a_new_one(string? header)
    {
        var seen = await SeenByRequestAsync(header);
        Assert.True(CorrelationHeaders.IsValid(seen));
        Assert.NotEqual(header, seen);
    }

    [Fact]
    public void An_overlong_id_is_not_accepted() =>
        Assert.False(CorrelationHeaders.IsValid(new string('a', 129)));

    [Fact]
    public async Task Outgoing_calls_carry_the_current_id_unless_they_set_their_own()
    {
        var captured = new List<string?>();
        using var client = new HttpClient(new CorrelationIdHandler(_correlation) { InnerHandler = new Capture(captured) });

        await client.GetAsync("http://localhost/none");
        using (_correlation.Begin("mission-2008"))
        {
            await client.GetAsync("http://localhost/current");
            using var own = new HttpRequestMessage(HttpMethod.Get, "http://localhost/own");
            own.Headers.Add(CorrelationHeaders.Name, "own");
            await client.SendAsync(own);
        }

        Assert.Equal([null, "mission-2008", "own"], captured);
    }

    [Fact]
    public async Task The_id_follows_awaits_and_is_restored_when_its_scope_ends()
    {
        using (_correlation.Begin("outer"))
        {
            using (_correlation.Begin("inner"))
            {
                await Task.Yield();
                Assert.Equal("inner", await Task.Run(() => _correlation.CorrelationId));
            }
            Assert.Equal("outer", _correlation.CorrelationId);
        }
        Assert.Null(_correlation.CorrelationId);
    }

    private sealed class Capture(List<string?> captured) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            captured.Add(request.Headers.TryGetValues(CorrelationHeaders.Name, out var values) ? values.Single() : null);
            return Task.FromResult(new HttpResponseMessage());
        }
    }
}
