using Exchange.Rpc;

namespace Exchange.Claims.Tests.Infrastructure;

public static class Refusals
{
    /// <summary>
    /// Asserts that <paramref name="call"/> is refused with <paramref name="code"/>, naming
    /// <paramref name="rule"/> first, and that nothing about <paramref name="projectId"/> was
    /// stored or published: no claim, change of one, payment, contract, budget, audit entry or event.
    /// </summary>
    public static async Task<RpcException> Refused(this ClaimsHost claims, string projectId, StatusCode code, string rule, Func<Task> call)
    {
        var before = await claims.Stored(projectId);
        var refusal = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(refusal.StatusCode == code, $"expected {code}, got {refusal.StatusCode}: {refusal.Status.Detail}");
        Assert.StartsWith(rule, refusal.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await claims.Stored(projectId));
        return refusal;
    }
}
