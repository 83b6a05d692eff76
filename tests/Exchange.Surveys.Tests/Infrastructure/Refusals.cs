using Exchange.Rpc;

namespace Exchange.Surveys.Tests.Infrastructure;

public static class Refusals
{
    /// <summary>
    /// Asserts that <paramref name="call"/> is refused with <paramref name="code"/> and a message
    /// starting with <paramref name="start"/>, and that nothing was stored or published.
    /// </summary>
    public static async Task<RpcException> Refused(this SurveysHost surveys, StatusCode code, string start, Func<Task> call)
    {
        var before = await surveys.Stored();
        var refusal = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(refusal.StatusCode == code, $"expected {code}, got {refusal.StatusCode}: {refusal.Status.Detail}");
        Assert.StartsWith(start, refusal.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await surveys.Stored());
        return refusal;
    }
}
