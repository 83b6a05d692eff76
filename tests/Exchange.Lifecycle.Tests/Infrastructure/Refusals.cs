using Exchange.Rpc;

namespace Exchange.Lifecycle.Tests.Infrastructure;

public static class Refusals
{
    /// <summary>Asserts the call is refused with <paramref name="code"/> and a message that starts with <paramref name="starts"/> (the rule's name first).</summary>
    public static async Task<RpcException> Refused(StatusCode code, string starts, Func<Task> call)
    {
        var refusal = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, refusal.StatusCode);
        Assert.StartsWith(starts, refusal.Status.Detail, StringComparison.Ordinal);
        return refusal;
    }
}
