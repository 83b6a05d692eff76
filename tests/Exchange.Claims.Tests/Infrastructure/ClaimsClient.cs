using Exchange.Claims.V1;
using Exchange.Common.V1;

namespace Exchange.Claims.Tests.Infrastructure;

/// <summary>The Claims API as tests call it.</summary>
public sealed class ClaimsClient(Uri address) : ServiceClient(address, ClaimsReflection.Descriptor.Services[0])
{
    public Task<Rulebook> Rulebook(int year, Caller caller, int version = 0) =>
        Call<GetRulebookRequest, Rulebook>("GetRulebook", new GetRulebookRequest { FiscalYear = year, Version = version }, caller);

    public Task<ListRulebooksResponse> Rulebooks(int year, Caller caller) =>
        Call<ListRulebooksRequest, ListRulebooksResponse>("ListRulebooks", new ListRulebooksRequest { FiscalYear = year }, caller);

    public Task<Rulebook> SetRulebook(Rulebook rulebook, int expectedVersion, Caller caller) =>
        Call<SetRulebookRequest, Rulebook>("SetRulebook", new SetRulebookRequest { Rulebook = rulebook, ExpectedVersion = expectedVersion }, caller);

    public Task<Rulebook> RulebookFromTemplate(int year, Caller caller, int copyFrom = 0) =>
        Call<CreateRulebookFromTemplateRequest, Rulebook>("CreateRulebookFromTemplate", new CreateRulebookFromTemplateRequest { FiscalYear = year, CopyFromFiscalYear = copyFrom }, caller);

    public Task<ExchangeRate> SetRate(string currency, DateOnly from, string rate, Caller caller) =>
        Call<SetExchangeRateRequest, ExchangeRate>("SetExchangeRate", new SetExchangeRateRequest
        {
            Currency = currency,
            EffectiveFrom = Samples.Date(from),
            RateToJpy = rate,
            Source = "TTM",
        }, caller);

    public Task<ExchangeRate> Rate(string currency, DateOnly date, Caller caller) =>
        Call<GetExchangeRateRequest, ExchangeRate>("GetExchangeRate", new GetExchangeRateRequest { Currency = currency, ValueDate = Samples.Date(date) }, caller);

    public Task<ListExchangeRatesResponse> Rates(string currency, Caller caller) =>
        Call<ListExchangeRatesRequest, ListExchangeRatesResponse>("ListExchangeRates", new ListExchangeRatesRequest { Currency = currency }, caller);

    public Task<Budget> SetBudget(SetBudgetRequest request, Caller caller) => Call<SetBudgetRequest, Budget>("SetBudget", request, caller);

    public Task<Budget> Budget(string projectId, int year, Caller caller) =>
        Call<GetBudgetRequest, Budget>("GetBudget", new GetBudgetRequest { ProjectId = projectId, FiscalYear = year }, caller);

    public Task<Claim> Get(string claimId, Caller caller) => Call<GetClaimRequest, Claim>("GetClaim", new GetClaimRequest { ClaimId = claimId }, caller);

    public Task<ListClaimsResponse> List(ListClaimsRequest request, Caller caller) => Call<ListClaimsRequest, ListClaimsResponse>("ListClaims", request, caller);

    public Task<Claim> Save(string claimId, Caller caller, params ClaimLine[] lines)
    {
        var request = new SaveClaimRequest { ClaimId = claimId };
        request.Lines.AddRange(lines);
        return Call<SaveClaimRequest, Claim>("SaveClaim", request, caller);
    }

    public Task<Claim> Submit(string claimId, string requestId, Caller caller) =>
        Call<SubmitClaimRequest, Claim>("SubmitClaim", new SubmitClaimRequest { ClaimId = claimId, RequestId = requestId }, caller);

    public Task<Claim> StartReview(string claimId, Caller caller) => Call<StartReviewRequest, Claim>("StartReview", new StartReviewRequest { ClaimId = claimId }, caller);

    public Task<Claim> Return(string claimId, string reason, Caller caller) =>
        Call<ReturnClaimRequest, Claim>("ReturnClaim", new ReturnClaimRequest { ClaimId = claimId, Reason = reason }, caller);

    public Task<Claim> Reject(string claimId, string reason, Caller caller) =>
        Call<RejectClaimRequest, Claim>("RejectClaim", new RejectClaimRequest { ClaimId = claimId, Reason = reason }, caller);

    public Task<Claim> Approve(string claimId, Caller caller, params LineSanction[] sanctions)
    {
        var request = new ApproveClaimRequest { ClaimId = claimId, Note = "checked against the receipts" };
        request.Sanctions.AddRange(sanctions);
        return Call<ApproveClaimRequest, Claim>("ApproveClaim", request, caller);
    }

    public Task<Claim> Pay(string claimId, string paymentId, Caller caller) =>
        Call<PayClaimRequest, Claim>("PayClaim", new PayClaimRequest { ClaimId = claimId, PaymentId = paymentId, PaidOn = Samples.Date(new DateOnly(2007, 12, 14)), Reference = "transfer 0042" }, caller);

    public Task<CoordinatorContract> CreateContract(CreateCoordinatorContractRequest request, Caller caller) =>
        Call<CreateCoordinatorContractRequest, CoordinatorContract>("CreateCoordinatorContract", request, caller);

    public Task<CoordinatorContract> Contract(string id, Caller caller) =>
        Call<GetCoordinatorContractRequest, CoordinatorContract>("GetCoordinatorContract", new GetCoordinatorContractRequest { ContractId = id }, caller);

    public Task<ListCoordinatorContractsResponse> Contracts(string projectId, int year, Caller caller) =>
        Call<ListCoordinatorContractsRequest, ListCoordinatorContractsResponse>("ListCoordinatorContracts", new ListCoordinatorContractsRequest { ProjectId = projectId, FiscalYear = year }, caller);

    public Task<CoordinatorContract> RecordInvoice(RecordCoordinatorInvoiceRequest request, Caller caller) =>
        Call<RecordCoordinatorInvoiceRequest, CoordinatorContract>("RecordCoordinatorInvoice", request, caller);

    public Task<CoordinatorContract> ApproveInvoice(string contractId, string invoiceId, Caller caller, Exchange.Common.V1.Money? approved = null, string reason = "") =>
        Call<ApproveCoordinatorInvoiceRequest, CoordinatorContract>("ApproveCoordinatorInvoice", new ApproveCoordinatorInvoiceRequest
        {
            ContractId = contractId,
            InvoiceId = invoiceId,
            Approved = approved,
            Reason = reason,
        }, caller);

    public Task<CoordinatorContract> PayInvoice(string contractId, string invoiceId, string paymentId, Caller caller) =>
        Call<PayCoordinatorInvoiceRequest, CoordinatorContract>("PayCoordinatorInvoice", new PayCoordinatorInvoiceRequest
        {
            ContractId = contractId,
            InvoiceId = invoiceId,
            PaymentId = paymentId,
            PaidOn = Samples.Date(new DateOnly(2008, 1, 10)),
        }, caller);

    public Task<ReconcileCoordinatorContractsResponse> Reconcile(string projectId, int year, DateOnly asOf, Caller caller) =>
        Call<ReconcileCoordinatorContractsRequest, ReconcileCoordinatorContractsResponse>("ReconcileCoordinatorContracts", new ReconcileCoordinatorContractsRequest
        {
            ProjectId = projectId,
            FiscalYear = year,
            AsOf = Samples.Date(asOf),
        }, caller);

    public Task<ProjectSpending> Spending(string projectId, int year, Caller caller) =>
        Call<GetProjectSpendingRequest, ProjectSpending>("GetProjectSpending", new GetProjectSpendingRequest { ProjectId = projectId, FiscalYear = year }, caller);

    public Task<ProgrammeTotals> ProgrammeTotals(int year, Caller caller) =>
        Call<GetProgrammeTotalsRequest, ProgrammeTotals>("GetProgrammeTotals", new GetProgrammeTotalsRequest { FiscalYear = year }, caller);

    public Task<CsvExport> Csv(string projectId, int year, Caller caller) =>
        Call<ExportSpendingCsvRequest, CsvExport>("ExportSpendingCsv", new ExportSpendingCsvRequest { ProjectId = projectId, FiscalYear = year }, caller);

    public Task<GetAuditTrailResponse> Audit(GetAuditTrailRequest request, Caller caller) =>
        Call<GetAuditTrailRequest, GetAuditTrailResponse>("GetAuditTrail", request, caller);
}
