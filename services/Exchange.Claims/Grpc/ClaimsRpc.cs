using Exchange.Claims.Checks;
using Exchange.Claims.Data;
using Exchange.Claims.Model;
using Exchange.Claims.ProjectChecks;
using Exchange.Identity;
using Exchange.Messaging.Outbox;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Exchange.Claims.Grpc;

/// <summary>
/// The RPC surface of exchange.claims.v1.Claims, one file per part of the API (rulebook, rates,
/// budgets, claims, contracts, reports, audit). Each change validates the request, finds the
/// project as the caller may see it, applies one model method (which checks the programme's
/// rules), and saves the change with its audit entries and events in one transaction: a refused
/// change stores and publishes nothing.
/// </summary>
public sealed partial class ClaimsRpc(
    ClaimsDb db,
    IEventOutbox outbox,
    ProjectsReadModel projects,
    ClaimChecker checker,
    DuplicateFinder duplicates,
    ClaimPayments payments,
    AuditTrail audit,
    IOptions<ClaimsOptions> options,
    TimeProvider clock,
    ILogger<ClaimsRpc> logger)
{
    private static ExchangePrincipal Caller(CallContext context) => context.Caller();

    private DateTimeOffset Now => clock.GetUtcNow();

    private Task PublishAsync(string stream, object @event, CallContext context) =>
        outbox.AddAsync(db, stream, @event, cancellationToken: context.CancellationToken);

    /// <summary>Saves the unit of work; a concurrent change of the same record answers ABORTED.</summary>
    private async Task SaveAsync(string what, CallContext context)
    {
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "Concurrent change to {Record}", what);
            throw new RpcException(StatusCode.Aborted, $"version-conflict: {what} was changed by someone else meanwhile; reload it and try again");
        }
    }

    private static void DemandVersion(long expected, long actual, string what)
    {
        if (expected != 0 && expected != actual)
            throw new RpcException(StatusCode.Aborted, $"version-conflict: {what} is at version {actual}, not {expected}; reload it and try again");
    }

    private static Guid ParseId(string value, string field, string what)
    {
        var errors = new FieldErrors();
        var id = ClaimsRequests.Id(errors, field, value, what);
        errors.ThrowIfAny();
        return id;
    }
}
