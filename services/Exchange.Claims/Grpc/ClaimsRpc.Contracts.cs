using Exchange.Claims.IntegrationEvents;
using Exchange.Claims.Model;
using Exchange.Claims.Money;
using Exchange.Claims.Reports;
using Exchange.Claims.Rules;
using Exchange.Claims.V1;
using Exchange.Identity;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Microsoft.EntityFrameworkCore;
using CoordinatorContract = Exchange.Claims.Model.CoordinatorContract;

namespace Exchange.Claims.Grpc;

/// <summary>Coordinator contracts: signed by coordinators, invoiced monthly, approved and paid, reconciled per fiscal year.</summary>
public sealed partial class ClaimsRpc
{
    public async Task<V1.CoordinatorContract> CreateCoordinatorContract(CreateCoordinatorContractRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        errors.Required("request_id", request.RequestId, ClaimsRequests.MaxRequestId);
        var projectId = ClaimsRequests.Id(errors, "project_id", request.ProjectId, "a project");
        ClaimsRequests.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        errors.Defined("side", request.Side);
        var coordinator = request.Coordinator ?? new Coordinator();
        errors.Required("coordinator.name", coordinator.Name, ClaimsRequests.MaxName);
        errors.MaxLength("coordinator.organisation", coordinator.Organisation, ClaimsRequests.MaxName);
        ClaimsRequests.Country(errors, "coordinator.country", coordinator.Country, required: true);
        var commission = ClaimsRequests.Yen(errors, "commission_fee", request.CommissionFee, required: true);
        var travel = ClaimsRequests.Yen(errors, "travel_budget", request.TravelBudget, required: true);
        var (yearFirst, yearLast) = MonthValue.OfFiscalYear(request.FiscalYear);
        var first = ClaimsRequests.Month(errors, "first_month", request.FirstMonth, required: false) ?? yearFirst;
        var last = ClaimsRequests.Month(errors, "last_month", request.LastMonth, required: false) ?? yearLast;
        if (first.Number > last.Number) errors.Add("last_month", $"{last} comes before the first month {first}");
        if (first.Number < yearFirst.Number || last.Number > yearLast.Number) errors.Add("first_month", $"the months must lie within FY{request.FiscalYear} ({yearFirst} to {yearLast})");
        errors.ThrowIfAny();
        var requestId = request.RequestId.Trim();

        var again = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.CreatedBy == caller.OrganisationId && c.RequestId == requestId, context.CancellationToken);
        if (again is not null) return ContractMapper.ToMessage(again);
        var project = await projects.FindAsync(projectId, context.CancellationToken);
        ClaimsAuthorization.DemandCoordinator(caller, projectId, project, ClaimsAuthorization.ContractRule, "sign coordinator contracts");
        if (project is null) throw ClaimsAuthorization.ProjectNotFound(projectId, caller);
        BusinessRule.Enforce(new ProjectSupportedInFiscalYearRule(project, request.FiscalYear));
        var rulebook = await checker.LatestRulebookAsync(request.FiscalYear, context.CancellationToken)
            ?? throw RpcException.FailedPrecondition("rulebook-exists", $"there is no rulebook for FY{request.FiscalYear} yet; its coordinator limits judge the contract");
        var existing = await db.Contracts.AsNoTracking().Where(c => c.ProjectId == projectId && c.FiscalYear == request.FiscalYear).ToListAsync(context.CancellationToken);
        BusinessRule.Enforce(new CoordinatorLimitsRule(rulebook.Content, existing, request.Side, request.FiscalYear));

        var terms = new CoordinatorTerms(projectId, request.FiscalYear, request.Side, coordinator.Name.Trim(), coordinator.Organisation.Trim(), coordinator.Country,
            commission, travel, first, last);
        var contract = CoordinatorContract.Sign(terms, existing.Count(c => c.Side == request.Side) + 1, requestId, caller.OrganisationId, Now);
        db.Contracts.Add(contract);
        audit.Record(AuditTrail.ContractSubject, contract.Id.ToString(), projectId, "signed", "", AuditTrail.State(contract.Status), ClaimsAuthorization.ActorOf(caller),
            $"{contract.Side} coordinator {contract.CoordinatorName}: commission {commission} JPY, travel {travel} JPY", Now);
        await PublishAsync(contract.Id.ToString(), ClaimEvents.Signed(contract), context);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex)
        {
            db.ChangeTracker.Clear();
            var raced = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.CreatedBy == caller.OrganisationId && c.RequestId == requestId, context.CancellationToken);
            if (raced is not null) return ContractMapper.ToMessage(raced);
            logger.LogInformation(ex, "Coordinator contract of project {ProjectId} raced another one", projectId);
            throw new RpcException(StatusCode.Aborted, "version-conflict: another coordinator contract of the project was signed meanwhile; reload and try again");
        }
        logger.LogInformation("Coordinator contract {ContractId} ({Side}, FY{FiscalYear}) signed for project {ProjectId}", contract.Id, contract.Side, contract.FiscalYear, projectId);
        return ContractMapper.ToMessage(contract);
    }

    public async Task<V1.CoordinatorContract> GetCoordinatorContract(GetCoordinatorContractRequest request, CallContext context)
    {
        var caller = Caller(context);
        var contract = await LoadContractAsync(request.ContractId, tracked: false, context);
        await ReadableProjectAsync(caller, contract, context);
        return ContractMapper.ToMessage(contract);
    }

    public async Task<ListCoordinatorContractsResponse> ListCoordinatorContracts(ListCoordinatorContractsRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        var projectId = request.ProjectId.Length > 0 ? ClaimsRequests.Id(errors, "project_id", request.ProjectId, "a project") : Guid.Empty;
        if (request.FiscalYear != 0) ClaimsRequests.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        errors.ThrowIfAny();
        var query = db.Contracts.AsNoTracking();
        if (projectId != Guid.Empty)
        {
            ClaimsAuthorization.DemandRead(caller, projectId, await projects.FindAsync(projectId, context.CancellationToken));
            query = query.Where(c => c.ProjectId == projectId);
        }
        else if (await VisibleProjects.ForAsync(db, caller, context.CancellationToken) is { } visible)
        {
            query = query.Where(c => visible.Contains(c.ProjectId));
        }
        if (request.FiscalYear != 0) query = query.Where(c => c.FiscalYear == request.FiscalYear);
        var contracts = await query.ToListAsync(context.CancellationToken);
        var response = new ListCoordinatorContractsResponse();
        response.Contracts.AddRange(contracts.OrderBy(c => c.FiscalYear).ThenBy(c => c.ProjectId).ThenBy(c => c.Side).ThenBy(c => c.Slot).Select(ContractMapper.ToMessage));
        return response;
    }

    public async Task<V1.CoordinatorContract> RecordCoordinatorInvoice(RecordCoordinatorInvoiceRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        ClaimsRequests.Id(errors, "contract_id", request.ContractId, "a coordinator contract");
        var month = ClaimsRequests.Month(errors, "month", request.Month);
        var currencyCode = (request.Commission?.Currency ?? "").Length > 0 ? request.Commission!.Currency : request.Travel?.Currency ?? "";
        var currency = ClaimsRequests.Currency(errors, "commission.currency", currencyCode, allowYen: true);
        if ((request.Travel?.Currency ?? "").Length > 0 && request.Travel!.Currency.Trim().ToUpperInvariant() != currency)
            errors.Add("travel.currency", $"must be the invoice's currency {currency}");
        var (commission, _) = ClaimsRequests.Amount(errors, "commission", request.Commission, currency);
        var (travel, _) = ClaimsRequests.Amount(errors, "travel", request.Travel, currency);
        var valueDate = ClaimsRequests.Date(errors, "value_date", request.ValueDate, required: false);
        errors.ThrowIfAny();

        var contract = await LoadContractAsync(request.ContractId, tracked: true, context);
        ClaimsAuthorization.DemandChange(caller, contract.ProjectId, await ReadableProjectAsync(caller, contract, context));
        var date = valueDate ?? month!.Value.LastDay;
        var rate = YenConversion.YenRate;
        if (currency != Currencies.Yen)
        {
            var rates = new ExchangeRateTable(await db.ExchangeRates.AsNoTracking().Where(r => r.Currency == currency).ToListAsync(context.CancellationToken));
            rate = rates.At(currency, date)?.RateToJpy
                ?? throw RpcException.FailedPrecondition("exchange-rate-at-value-date", $"there is no {currency} rate on or before {date:yyyy-MM-dd}");
        }
        var invoice = new CoordinatorInvoiceValue($"inv-{month!.Value}", month.Value.Number, currency, commission, travel, date, rate,
            YenConversion.ToYen(commission, rate), YenConversion.ToYen(travel, rate), InvoiceStatus.Recorded, null, "", "", null, caller.OrganisationId, Now);
        contract.RecordInvoice(invoice, Now);
        audit.Record(AuditTrail.InvoiceSubject, $"{contract.Id}/{invoice.Id}", contract.ProjectId, "invoice-recorded", "", AuditTrail.State(invoice.Status),
            ClaimsAuthorization.ActorOf(caller), $"{month}: {invoice.TotalJpy} JPY", Now);
        await PublishAsync(contract.Id.ToString(), ClaimEvents.InvoiceRecorded(contract, invoice), context);
        await SaveAsync($"coordinator contract {contract.Id}", context);
        return ContractMapper.ToMessage(contract);
    }

    public async Task<V1.CoordinatorContract> ApproveCoordinatorInvoice(ApproveCoordinatorInvoiceRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        ClaimsRequests.Id(errors, "contract_id", request.ContractId, "a coordinator contract");
        errors.Required("invoice_id", request.InvoiceId, ClaimsRequests.MaxLineId);
        var approved = request.Approved is null || request.Approved.Amount.Length == 0 ? (long?)null : ClaimsRequests.Yen(errors, "approved", request.Approved);
        errors.MaxLength("reason", request.Reason, ClaimsRequests.MaxText);
        errors.ThrowIfAny();

        var contract = await LoadContractAsync(request.ContractId, tracked: true, context);
        ClaimsAuthorization.DemandCoordinator(caller, contract.ProjectId, await ReadableProjectAsync(caller, contract, context), ClaimsAuthorization.ContractRule, "approve coordinator invoices");
        var invoice = contract.Invoice(request.InvoiceId.Trim());
        var yen = approved ?? invoice.TotalJpy;
        if (yen > invoice.TotalJpy) throw RpcException.InvalidArgument("approved", $"{yen} JPY is more than the {invoice.TotalJpy} JPY invoiced");
        if (yen < invoice.TotalJpy && string.IsNullOrWhiteSpace(request.Reason)) throw RpcException.InvalidArgument("reason", $"is required: {yen} JPY is less than the {invoice.TotalJpy} JPY invoiced");
        invoice = contract.ApproveInvoice(invoice.Id, yen, request.Reason.Trim());
        audit.Record(AuditTrail.InvoiceSubject, $"{contract.Id}/{invoice.Id}", contract.ProjectId, "invoice-approved", AuditTrail.State(InvoiceStatus.Recorded), AuditTrail.State(invoice.Status),
            ClaimsAuthorization.ActorOf(caller), $"{yen} of {invoice.TotalJpy} JPY" + (invoice.ApprovalReason.Length > 0 ? $"; {invoice.ApprovalReason}" : ""), Now);
        await PublishAsync(contract.Id.ToString(), ClaimEvents.InvoiceApproved(contract, invoice, Now), context);
        await SaveAsync($"coordinator contract {contract.Id}", context);
        return ContractMapper.ToMessage(contract);
    }

    public async Task<V1.CoordinatorContract> PayCoordinatorInvoice(PayCoordinatorInvoiceRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        ClaimsRequests.Id(errors, "contract_id", request.ContractId, "a coordinator contract");
        errors.Required("invoice_id", request.InvoiceId, ClaimsRequests.MaxLineId);
        errors.Required("payment_id", request.PaymentId, ClaimsRequests.MaxRequestId);
        var paidOn = ClaimsRequests.Date(errors, "paid_on", request.PaidOn);
        errors.ThrowIfAny();

        var contract = await LoadContractAsync(request.ContractId, tracked: true, context);
        ClaimsAuthorization.DemandCoordinator(caller, contract.ProjectId, await ReadableProjectAsync(caller, contract, context), ClaimsAuthorization.ContractRule, "pay coordinator invoices");
        if (!contract.PayInvoice(request.InvoiceId.Trim(), request.PaymentId.Trim(), paidOn!.Value)) return ContractMapper.ToMessage(contract);
        var invoice = contract.Invoice(request.InvoiceId.Trim());
        audit.Record(AuditTrail.InvoiceSubject, $"{contract.Id}/{invoice.Id}", contract.ProjectId, "invoice-paid", AuditTrail.State(InvoiceStatus.Approved), AuditTrail.State(invoice.Status),
            ClaimsAuthorization.ActorOf(caller), $"payment {invoice.PaymentId}: {invoice.ApprovedJpy} JPY", Now);
        await PublishAsync(contract.Id.ToString(), ClaimEvents.InvoicePaid(contract, invoice, Now), context);
        await SaveAsync($"coordinator contract {contract.Id}", context);
        return ContractMapper.ToMessage(contract);
    }

    public async Task<ReconcileCoordinatorContractsResponse> ReconcileCoordinatorContracts(ReconcileCoordinatorContractsRequest request, CallContext context)
    {
        var caller = Caller(context);
        ClaimsAuthorization.DemandCoordinator(caller, ClaimsAuthorization.ReconciliationRule, "reconcile coordinator contracts");
        var errors = new FieldErrors();
        var projectId = request.ProjectId.Length > 0 ? ClaimsRequests.Id(errors, "project_id", request.ProjectId, "a project") : Guid.Empty;
        ClaimsRequests.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        var asOf = ClaimsRequests.Date(errors, "as_of", request.AsOf, required: false) ?? DateOnly.FromDateTime(Now.UtcDateTime);
        errors.ThrowIfAny();
        var query = db.Contracts.AsNoTracking().Where(c => c.FiscalYear == request.FiscalYear);
        if (projectId != Guid.Empty) query = query.Where(c => c.ProjectId == projectId);
        return ContractReconciliations.Of(request.FiscalYear, await query.ToListAsync(context.CancellationToken), asOf);
    }

    private async Task<CoordinatorContract> LoadContractAsync(string contractId, bool tracked, CallContext context)
    {
        var id = ParseId(contractId, "contract_id", "a coordinator contract");
        var query = tracked ? db.Contracts : db.Contracts.AsNoTracking();
        return await query.FirstOrDefaultAsync(c => c.Id == id, context.CancellationToken)
            ?? throw new RpcException(StatusCode.NotFound, $"coordinator contract {id} not found");
    }

    /// <summary>The contract's project, for the caller to act on; a contract of someone else's project does not exist for it.</summary>
    private async Task<ProjectView?> ReadableProjectAsync(ExchangePrincipal caller, CoordinatorContract contract, CallContext context)
    {
        var project = await projects.FindAsync(contract.ProjectId, context.CancellationToken);
        if (ClaimsAuthorization.SeesAll(caller)) return project;
        if (project is null || !ProjectAccess.CanRead(caller, project.Parties)) throw new RpcException(StatusCode.NotFound, $"coordinator contract {contract.Id} not found");
        return project;
    }
}
