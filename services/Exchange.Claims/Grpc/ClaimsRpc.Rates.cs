using Exchange.Claims.Model;
using Exchange.Claims.V1;
using Exchange.Identity;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Grpc;

/// <summary>The exchange-rate table: read by everyone, kept by coordinators.</summary>
public sealed partial class ClaimsRpc
{
    public async Task<V1.ExchangeRate> SetExchangeRate(SetExchangeRateRequest request, CallContext context)
    {
        var caller = Caller(context);
        ProjectAccess.DemandConfigureRules(caller);
        var errors = new FieldErrors();
        var currency = ClaimsRequests.Currency(errors, "currency", request.Currency, allowYen: false);
        var from = ClaimsRequests.Date(errors, "effective_from", request.EffectiveFrom);
        var rate = ClaimsRequests.Rate(errors, "rate_to_jpy", request.RateToJpy);
        errors.MaxLength("source", request.Source, 200);
        errors.ThrowIfAny();

        var existing = await db.ExchangeRates.FirstOrDefaultAsync(r => r.Currency == currency && r.EffectiveFrom == from!.Value, context.CancellationToken);
        var before = existing is null ? "" : Money.DecimalText.Format(existing.RateToJpy);
        if (existing is null)
        {
            existing = Model.ExchangeRate.Create(currency, from!.Value, rate, request.Source.Trim(), caller.OrganisationId, Now);
            db.ExchangeRates.Add(existing);
        }
        else
        {
            existing.Replace(rate, request.Source.Trim(), caller.OrganisationId, Now);
        }
        audit.Record(AuditTrail.RateSubject, $"{currency}@{from:yyyy-MM-dd}", null, before.Length == 0 ? "set" : "replaced",
            before, Money.DecimalText.Format(rate), ClaimsAuthorization.ActorOf(caller), request.Source.Trim(), Now);
        await SaveAsync($"the {currency} rate of {from:yyyy-MM-dd}", context);
        logger.LogInformation("Rate {Currency} from {EffectiveFrom}: {Rate} JPY, set by {Organisation}", currency, from, rate, caller.OrganisationId);
        return RulebookMapper.ToMessage(existing);
    }

    public async Task<ListExchangeRatesResponse> ListExchangeRates(ListExchangeRatesRequest request, CallContext context)
    {
        Caller(context);
        var errors = new FieldErrors();
        var currency = request.Currency.Length > 0 ? ClaimsRequests.Currency(errors, "currency", request.Currency, allowYen: false) : "";
        errors.ThrowIfAny();
        var query = db.ExchangeRates.AsNoTracking();
        if (currency.Length > 0) query = query.Where(r => r.Currency == currency);
        var rates = await query.ToListAsync(context.CancellationToken);
        var response = new ListExchangeRatesResponse();
        response.Rates.AddRange(rates.OrderBy(r => r.Currency, StringComparer.Ordinal).ThenByDescending(r => r.EffectiveFrom).Select(RulebookMapper.ToMessage));
        return response;
    }

    public async Task<V1.ExchangeRate> GetExchangeRate(GetExchangeRateRequest request, CallContext context)
    {
        Caller(context);
        var errors = new FieldErrors();
        var currency = ClaimsRequests.Currency(errors, "currency", request.Currency, allowYen: false);
        var date = ClaimsRequests.Date(errors, "value_date", request.ValueDate);
        errors.ThrowIfAny();
        var rates = new ExchangeRateTable(await db.ExchangeRates.AsNoTracking().Where(r => r.Currency == currency).ToListAsync(context.CancellationToken));
        var rate = rates.At(currency, date!.Value)
            ?? throw RpcException.FailedPrecondition("exchange-rate-at-value-date", $"there is no {currency} rate on or before {date:yyyy-MM-dd}");
        return RulebookMapper.ToMessage(rate);
    }
}
