using System.Data.Common;
using Exchange.Rpc;
using Exchange.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Projects.Tests;

public sealed class InfrastructureFailuresTests
{
    private sealed class FakeDbException(bool transient) : DbException("connection refused")
    {
        public override bool IsTransient => transient;
    }

    [Fact]
    public void A_database_that_does_not_answer_is_unavailable_even_when_wrapped()
    {
        var wrapped = new DbUpdateException("saving failed", new FakeDbException(transient: true));
        Assert.Equal(StatusCode.Unavailable, InfrastructureFailures.ToStatus(wrapped)?.Code);
        Assert.Equal(StatusCode.Unavailable, InfrastructureFailures.ToStatus(new TimeoutException())?.Code);
    }

    [Fact]
    public void Other_failures_are_left_to_the_default()
    {
        Assert.Null(InfrastructureFailures.ToStatus(new DbUpdateException("unique key", new FakeDbException(transient: false))));
        Assert.Null(InfrastructureFailures.ToStatus(new InvalidOperationException("bug")));
    }
}
