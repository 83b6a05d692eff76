using System.Data.Common;
using Exchange.Rpc;

namespace Exchange.ServiceDefaults;

/// <summary>
/// Failures of what a service stands on, told to callers as UNAVAILABLE (which they may retry)
/// rather than UNKNOWN: a database that does not answer, or answers "busy", while it restarts.
/// </summary>
public static class InfrastructureFailures
{
    public static Status? ToStatus(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException { IsTransient: true })
                return new Status(StatusCode.Unavailable, "the service's database is not answering; try again shortly");
            if (current is TimeoutException)
                return new Status(StatusCode.Unavailable, "the service's database did not answer in time; try again shortly");
        }
        return null;
    }
}
