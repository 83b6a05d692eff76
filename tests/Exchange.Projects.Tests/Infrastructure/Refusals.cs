using System.Text.RegularExpressions;
using Exchange.Rpc;

namespace Exchange.Projects.Tests.Infrastructure;

/// <summary>
/// Assertions on refused calls: the status code, the rule or fields named in the detail, and
/// that the refusal left no trace (the project as it was, no event in the outbox).
/// </summary>
public static partial class Refusals
{
    /// <summary>Asserts that <paramref name="call"/> ends with <paramref name="code"/> and returns the refusal.</summary>
    public static async Task<RpcException> Expect(StatusCode code, Func<Task> call)
    {
        RpcException? refusal = null;
        try
        {
            await call();
        }
        catch (RpcException ex)
        {
            refusal = ex;
        }
        Assert.True(refusal is not null, $"expected {code}, but the call succeeded");
        Assert.True(refusal.StatusCode == code, $"expected {code}, got {refusal.StatusCode}: {refusal.Status.Detail}");
        return refusal;
    }

    /// <summary>
    /// Asserts that <paramref name="call"/> is refused with <paramref name="code"/> and a detail
    /// starting with <paramref name="detailStart"/>, and that the project and the outbox are
    /// exactly as they were before.
    /// </summary>
    public static async Task<RpcException> ExpectUnchanged(
        ProjectsHost host, ProjectsClient client, string projectId, StatusCode code, string detailStart, Func<Task> call)
    {
        var before = await client.Get(projectId, Caller.Coordinator);
        var outboxBefore = await host.OutboxCount();

        var refusal = await Expect(code, call);
        Assert.True(refusal.Status.Detail.StartsWith(detailStart, StringComparison.Ordinal),
            $"expected a detail starting with '{detailStart}', got '{refusal.Status.Detail}'");

        var after = await client.Get(projectId, Caller.Coordinator);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Status, after.Status);
        Assert.Equal(before, after);
        Assert.Equal(outboxBefore, await host.OutboxCount());
        return refusal;
    }

    /// <summary>The field paths an INVALID_ARGUMENT detail names ("title: is required; sector: ...").</summary>
    public static IReadOnlyList<string> FieldsOf(RpcException refusal) =>
        FieldPrefix().Matches(refusal.Status.Detail).Select(m => m.Groups["field"].Value).ToList();

    /// <summary>Asserts an INVALID_ARGUMENT naming exactly <paramref name="fields"/>, in one answer.</summary>
    public static void AssertFields(RpcException refusal, params string[] fields)
    {
        Assert.True(refusal.StatusCode == StatusCode.InvalidArgument, $"expected InvalidArgument, got {refusal.StatusCode}: {refusal.Status.Detail}");
        Assert.Equal(fields.Order(StringComparer.Ordinal), FieldsOf(refusal).Order(StringComparer.Ordinal));
    }

    // A field path at the start of the detail or after "; ": "overseas_regions[0].country: ".
    [GeneratedRegex(@"(?:^|; )(?<field>[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*): ")]
    private static partial Regex FieldPrefix();
}
