using System.Security.Cryptography;
using System.Text;
using Exchange.Claims.V1;
using Exchange.Common.V1;
using Exchange.Testing;

namespace Exchange.Reliability.Clients;

/// <summary>The Claims calls the scenarios make: a claim brought to approval, exchange rates written and read.</summary>
public sealed class ClaimsCalls(Uri address) : ServiceClient(address, ClaimsReflection.Descriptor.Services[0])
{
    public Task<Rulebook> RulebookFromTemplate(int year) =>
        Call<CreateRulebookFromTemplateRequest, Rulebook>("CreateRulebookFromTemplate", new CreateRulebookFromTemplateRequest { FiscalYear = year }, Caller.Coordinator);

    public Task<Budget> SetBudget(SetBudgetRequest request) => Call<SetBudgetRequest, Budget>("SetBudget", request, Caller.Coordinator);

    public Task<ListClaimsResponse> OfActivity(Guid activityId) =>
        Call<ListClaimsRequest, ListClaimsResponse>("ListClaims", new ListClaimsRequest { ActivityId = activityId.ToString() }, Caller.Coordinator);

    public Task<Claim> Get(string claimId) => Call<GetClaimRequest, Claim>("GetClaim", new GetClaimRequest { ClaimId = claimId }, Caller.Coordinator);

    /// <summary>Lines of a draft saved, submitted, reviewed and approved in full.</summary>
    public async Task<Claim> ApproveAsync(string claimId, Caller body, params ClaimLine[] lines)
    {
        var save = new SaveClaimRequest { ClaimId = claimId };
        save.Lines.AddRange(lines);
        await Call<SaveClaimRequest, Claim>("SaveClaim", save, body);
        await Call<SubmitClaimRequest, Claim>("SubmitClaim", new SubmitClaimRequest { ClaimId = claimId, RequestId = Guid.NewGuid().ToString("N") }, body);
        await Call<StartReviewRequest, Claim>("StartReview", new StartReviewRequest { ClaimId = claimId }, Caller.Coordinator);
        return await Call<ApproveClaimRequest, Claim>("ApproveClaim", new ApproveClaimRequest { ClaimId = claimId, Note = "checked" }, Caller.Coordinator);
    }

    public Task<ExchangeRate> SetRate(string currency, DateOnly from, string rate) =>
        Call<SetExchangeRateRequest, ExchangeRate>("SetExchangeRate", new SetExchangeRateRequest
        {
            Currency = currency,
            EffectiveFrom = Date(from),
            RateToJpy = rate,
            Source = "TTM",
        }, Caller.Coordinator);

    public static Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static Money Yen(long amount) => new() { Amount = amount.ToString(System.Globalization.CultureInfo.InvariantCulture), Currency = "JPY" };

    /// <summary>A yen line with its own receipt.</summary>
    public static ClaimLine Line(string id, string category, long yen, DateOnly valueDate, string personKey) => new()
    {
        Id = id,
        Category = category,
        Description = $"{category} {id}",
        Amount = Yen(yen),
        ValueDate = Date(valueDate),
        PersonKey = personKey,
        Receipt = new Receipt { AttachmentId = $"att-{id}", Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id + Guid.NewGuid()))) },
    };
}
