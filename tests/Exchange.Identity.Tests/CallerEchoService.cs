using Exchange.Interop.V1;
using Exchange.Rpc.Server;

namespace Exchange.Identity.Tests;

/// <summary>
/// An interop service whose UnaryCall answers who called, and applies the change rule to the
/// project named in the request (the Suwa-Dalian tie-up), as a service's handler would.
/// </summary>
public sealed class CallerEchoService
{
    public static readonly ProjectParties SuwaDalian = new("suwa-dalian", "suwa-city", ["dalian-city"]);

    public Task<SimpleResponse> UnaryCall(SimpleRequest request, CallContext context)
    {
        var caller = context.Caller();
        if (request.Text == SuwaDalian.ProjectId) ProjectAccess.DemandChange(caller, SuwaDalian);
        var projects = string.Join(",", caller.ProjectIds.Order(StringComparer.Ordinal));
        return Task.FromResult(new SimpleResponse
        {
            Text = $"{caller.Subject}|{caller.OrganisationId}|{caller.OrganisationName}|{caller.Role}|{projects}",
        });
    }
}
