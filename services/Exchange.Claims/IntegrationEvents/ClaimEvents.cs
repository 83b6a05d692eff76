using Exchange.Claims.Model;
using Exchange.Contracts.Claims;

namespace Exchange.Claims.IntegrationEvents;

/// <summary>The integration events of claims and contracts, built from their state after the change.</summary>
public static class ClaimEvents
{
    public static ClaimDrafted Drafted(Claim claim) => new(
        claim.Id, claim.ProjectId, claim.FiscalYear, claim.ActivityId, claim.SupportTool.ToString(), claim.FundedPeople.Count, claim.UpdatedAt);

    public static ClaimSubmitted Submitted(Claim claim, string by) => new(
        claim.Id, claim.ProjectId, claim.FiscalYear, claim.ActivityId, claim.SupportTool.ToString(), claim.ClaimedJpy,
        claim.Status == V1.ClaimStatus.Resubmitted, by, claim.UpdatedAt);

    public static ClaimReviewStarted ReviewStarted(Claim claim, string by) => new(claim.Id, claim.ProjectId, claim.FiscalYear, by, claim.UpdatedAt);

    public static ClaimReturned Returned(Claim claim, string by) => new(claim.Id, claim.ProjectId, claim.FiscalYear, claim.StatusReason, by, claim.UpdatedAt);

    public static ClaimApproved Approved(Claim claim, string by) => new(
        claim.Id, claim.ProjectId, claim.FiscalYear, claim.SupportTool.ToString(), claim.ClaimedJpy, claim.SanctionedJpy, by, claim.UpdatedAt);

    public static ClaimRejected Rejected(Claim claim, string by) => new(claim.Id, claim.ProjectId, claim.FiscalYear, claim.StatusReason, by, claim.UpdatedAt);

    public static ClaimPaid Paid(Claim claim, ClaimPayment payment) => new(
        claim.Id, claim.ProjectId, claim.FiscalYear, payment.PaymentId, payment.AmountJpy, Day(payment.PaidOn), payment.RecordedAt);

    public static CoordinatorContractSigned Signed(CoordinatorContract contract) => new(
        contract.Id, contract.ProjectId, contract.FiscalYear, Side(contract), contract.CoordinatorName, contract.CommissionFeeJpy, contract.TravelBudgetJpy, contract.CreatedAt);

    public static CoordinatorContractRenewed Renewed(CoordinatorContract previous, CoordinatorContract renewed) => new(
        renewed.Id, previous.Id, renewed.ProjectId, previous.FiscalYear, renewed.FiscalYear, Side(renewed), renewed.CreatedAt);

    public static CoordinatorInvoiceRecorded InvoiceRecorded(CoordinatorContract contract, CoordinatorInvoiceValue invoice) => new(
        contract.Id, invoice.Id, contract.ProjectId, contract.FiscalYear, MonthValue.FromNumber(invoice.Month).ToString(), invoice.TotalJpy, invoice.RecordedAt);

    public static CoordinatorInvoiceApproved InvoiceApproved(CoordinatorContract contract, CoordinatorInvoiceValue invoice, DateTimeOffset now) => new(
        contract.Id, invoice.Id, contract.ProjectId, contract.FiscalYear, MonthValue.FromNumber(invoice.Month).ToString(), invoice.ApprovedJpy ?? 0, now);

    public static CoordinatorInvoicePaid InvoicePaid(CoordinatorContract contract, CoordinatorInvoiceValue invoice, DateTimeOffset now) => new(
        contract.Id, invoice.Id, contract.ProjectId, contract.FiscalYear, invoice.PaymentId, invoice.ApprovedJpy ?? 0, Day(invoice.PaidOn ?? DateOnly.FromDateTime(now.UtcDateTime)), now);

    public static BudgetSet BudgetSet(Budget budget) => new(budget.ProjectId, budget.FiscalYear, budget.TotalProgrammeShare, budget.TotalOwnShare, budget.Version, budget.SetAt);

    public static RulebookChanged RulebookChanged(Rulebook rulebook) => new(rulebook.FiscalYear, rulebook.Version, rulebook.ChangedBy, rulebook.ChangedAt);

    private static string Side(CoordinatorContract contract) => contract.Side == V1.CoordinatorSide.Japan ? "Japan" : "Overseas";

    private static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
