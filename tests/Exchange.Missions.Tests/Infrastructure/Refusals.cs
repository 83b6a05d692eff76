using Exchange.Rpc;

namespace Exchange.Missions.Tests.Infrastructure;

public static class Refusals
{
    /// <summary>
    /// Asserts that <paramref name="call"/> is refused with <paramref name="code"/>, naming
    /// <paramref name="rule"/> first, and that nothing was stored or published: no activity, no
    /// change to one, no organisation, no event.
    /// </summary>
    public static async Task<RpcException> Refused(this MissionsHost missions, StatusCode code, string rule, Func<Task> call)
    {
        var before = await missions.Stored();
        var refusal = await Assert.ThrowsAsync<RpcException>(call);
        Assert.True(refusal.StatusCode == code, $"expected {code}, got {refusal.StatusCode}: {refusal.Status.Detail}");
        Assert.StartsWith(rule, refusal.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await missions.Stored());
        return refusal;
    }
}
