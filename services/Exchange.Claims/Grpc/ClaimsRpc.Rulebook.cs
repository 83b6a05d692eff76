using System.Globalization;
using Exchange.Claims.IntegrationEvents;
using Exchange.Claims.Model;
using Exchange.Claims.V1;
using Exchange.Identity;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Grpc;

/// <summary>The rulebook per fiscal year: read by everyone, kept by coordinators, versioned.</summary>
public sealed partial class ClaimsRpc
{
    public async Task<V1.Rulebook> GetRulebook(GetRulebookRequest request, CallContext context)
    {
        Caller(context);
        var errors = new FieldErrors();
        ClaimsRequests.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        if (request.Version < 0) errors.Add("version", "is negative (0 for the latest)");
        errors.ThrowIfAny();
        var query = db.Rulebooks.AsNoTracking().Where(r => r.FiscalYear == request.FiscalYear);
        if (request.Version > 0) query = query.Where(r => r.Version == request.Version);
        var rulebook = await query.OrderByDescending(r => r.Version).FirstOrDefaultAsync(context.CancellationToken)
            ?? throw new RpcException(StatusCode.NotFound, request.Version > 0
                ? $"rulebook FY{request.FiscalYear} version {request.Version} not found"
                : $"there is no rulebook for FY{request.FiscalYear} yet");
        return RulebookMapper.ToMessage(rulebook);
    }

    public async Task<ListRulebooksResponse> ListRulebooks(ListRulebooksRequest request, CallContext context)
    {
        Caller(context);
        var errors = new FieldErrors();
        if (request.FiscalYear != 0) ClaimsRequests.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        errors.ThrowIfAny();
        var query = db.Rulebooks.AsNoTracking();
        if (request.FiscalYear != 0) query = query.Where(r => r.FiscalYear == request.FiscalYear);
        var rulebooks = await query.OrderByDescending(r => r.FiscalYear).ThenByDescending(r => r.Version).ToListAsync(context.CancellationToken);
        var response = new ListRulebooksResponse();
        response.Rulebooks.AddRange(rulebooks.Select(r => RulebookMapper.ToMessage(r, withTools: false)));
        return response;
    }

    public async Task<V1.Rulebook> SetRulebook(SetRulebookRequest request, CallContext context)
    {
        var caller = Caller(context);
        ProjectAccess.DemandConfigureRules(caller);
        var errors = new FieldErrors();
        if (request.Rulebook is null)
        {
            errors.Add("rulebook", "is required");
            errors.ThrowIfAny();
        }
        ClaimsRequests.FiscalYear(errors, "rulebook.fiscal_year", request.Rulebook!.FiscalYear);
        var content = ClaimsRequests.Rulebook(errors, request.Rulebook);
        errors.ThrowIfAny();

        var year = request.Rulebook.FiscalYear;
        var latest = await LatestRulebookVersionAsync(year, context);
        // Always checked: a rulebook changed meanwhile must not be overwritten by an older copy.
        if (request.ExpectedVersion != latest)
            throw new RpcException(StatusCode.Aborted, $"version-conflict: the FY{year} rulebook is at version {latest}, not {request.ExpectedVersion}; reload it and try again");
        return await AddRulebookAsync(year, latest + 1, content, request.Rulebook.Note.Trim(), caller, context);
    }

    public async Task<V1.Rulebook> CreateRulebookFromTemplate(CreateRulebookFromTemplateRequest request, CallContext context)
    {
        var caller = Caller(context);
        ProjectAccess.DemandConfigureRules(caller);
        var errors = new FieldErrors();
        ClaimsRequests.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        if (request.CopyFromFiscalYear != 0) ClaimsRequests.FiscalYear(errors, "copy_from_fiscal_year", request.CopyFromFiscalYear);
        errors.ThrowIfAny();

        if (await LatestRulebookVersionAsync(request.FiscalYear, context) > 0)
            throw new RpcException(StatusCode.AlreadyExists, $"FY{request.FiscalYear} has a rulebook already; change it with SetRulebook");
        RulebookContent content;
        string note;
        if (request.CopyFromFiscalYear == 0)
        {
            content = options.Value.RulebookTemplate.ToContent();
            note = "created from the configured template (illustrative amounts)";
        }
        else
        {
            var source = await checker.LatestRulebookAsync(request.CopyFromFiscalYear, context.CancellationToken)
                ?? throw new RpcException(StatusCode.NotFound, $"there is no rulebook for FY{request.CopyFromFiscalYear} to copy");
            content = source.Content;
            note = string.Create(CultureInfo.InvariantCulture, $"copied from FY{source.FiscalYear} version {source.Version}");
        }
        return await AddRulebookAsync(request.FiscalYear, 1, content, note, caller, context);
    }

    private async Task<int> LatestRulebookVersionAsync(int year, CallContext context) =>
        await db.Rulebooks.Where(r => r.FiscalYear == year).Select(r => (int?)r.Version).MaxAsync(context.CancellationToken) ?? 0;

    private async Task<V1.Rulebook> AddRulebookAsync(int year, int version, RulebookContent content, string note, ExchangePrincipal caller, CallContext context)
    {
        var rulebook = Model.Rulebook.Create(year, version, content, caller.OrganisationId, note, Now);
        db.Rulebooks.Add(rulebook);
        audit.Record(AuditTrail.RulebookSubject, $"FY{year}", null, version == 1 ? "created" : "changed",
            version == 1 ? "" : $"v{version - 1}", $"v{version}", ClaimsAuthorization.ActorOf(caller), note, Now);
        await PublishAsync($"rulebook-{year}", ClaimEvents.RulebookChanged(rulebook), context);
        await SaveAsync($"the FY{year} rulebook", context);
        logger.LogInformation("Rulebook FY{FiscalYear} version {Version} set by {Organisation}", year, version, caller.OrganisationId);
        return RulebookMapper.ToMessage(rulebook);
    }
}
