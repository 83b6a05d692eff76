using Exchange.Claims.V1;

namespace Exchange.Lifecycle.Tests.Infrastructure;

/// <summary>The Claims service as its callers use it, coordinator by default.</summary>
public sealed class ClaimsClient(Uri address) : ServiceClient(address, ClaimsReflection.Descriptor.Services[0])
{
    public Task<Rulebook> RulebookFromTemplate(int year) =>
        Call<CreateRulebookFromTemplateRequest, Rulebook>("CreateRulebookFromTemplate", new() { FiscalYear = year }, Caller.Coordinator);

    public Task<Budget> SetBudget(SetBudgetRequest request) => Call<SetBudgetRequest, Budget>("SetBudget", request, Caller.Coordinator);

    public Task<Budget> GetBudget(string projectId, int year) => Call<GetBudgetRequest, Budget>("GetBudget", new() { ProjectId = projectId, FiscalYear = year }, Caller.Coordinator);

    public Task<CoordinatorContract> Sign(CreateCoordinatorContractRequest request) => Call<CreateCoordinatorContractRequest, CoordinatorContract>("CreateCoordinatorContract", request, Caller.Coordinator);

    public Task<ListCoordinatorContractsResponse> Contracts(string projectId) =>
        Call<ListCoordinatorContractsRequest, ListCoordinatorContractsResponse>("ListCoordinatorContracts", new() { ProjectId = projectId }, Caller.Coordinator);

    public Task<ListClaimsResponse> List(ListClaimsRequest request) => Call<ListClaimsRequest, ListClaimsResponse>("ListClaims", request, Caller.Coordinator);

    public Task<Claim> Get(string claimId) => Call<GetClaimRequest, Claim>("GetClaim", new() { ClaimId = claimId }, Caller.Coordinator);

    public Task<Claim> Save(string claimId, Caller caller, params ClaimLine[] lines)
    {
        var request = new SaveClaimRequest { ClaimId = claimId };
        request.Lines.AddRange(lines);
        return Call<SaveClaimRequest, Claim>("SaveClaim", request, caller);
    }

    public Task<Claim> Submit(string claimId, Caller caller) =>
        Call<SubmitClaimRequest, Claim>("SubmitClaim", new() { ClaimId = claimId, RequestId = Guid.NewGuid().ToString("N") }, caller);

    /// <summary>The draft claim Claims opened for the activity, once it is there (20 s at most).</summary>
    public async Task<Claim> ClaimOf(Guid activityId) =>
        (await Eventually.Poll(() => List(new ListClaimsRequest { ActivityId = activityId.ToString() }), r => r.Claims.Count == 1)).Claims[0];
}
