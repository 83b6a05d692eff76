using Exchange.Claims.Grpc;
using Exchange.Claims.Model;
using Exchange.Claims.V1;
using CoordinatorContract = Exchange.Claims.Model.CoordinatorContract;

namespace Exchange.Claims.Reports;

/// <summary>
/// A fiscal year of coordinator contracts in yen: contracted (commission fee + travel budget),
/// invoiced, approved, paid and remaining (contracted - approved), with over-billing (invoiced
/// commission above the fee, or travel above the budget), the months ended by the reconciliation
/// date without an invoice, and invoices still open.
/// </summary>
public static class ContractReconciliations
{
    public static ReconcileCoordinatorContractsResponse Of(int fiscalYear, IEnumerable<CoordinatorContract> contracts, DateOnly asOf)
    {
        var response = new ReconcileCoordinatorContractsResponse { FiscalYear = fiscalYear };
        long contracted = 0, invoiced = 0, approved = 0, paid = 0;
        foreach (var contract in contracts.OrderBy(c => c.ProjectId).ThenBy(c => c.Side).ThenBy(c => c.Slot))
        {
            var line = Of(contract, asOf);
            response.Contracts.Add(line);
            contracted += contract.ContractedJpy;
            invoiced += contract.Invoices.Sum(i => i.TotalJpy);
            approved += Approved(contract);
            paid += Paid(contract);
            if (line.Flags.Count > 0) response.FlaggedContracts++;
        }
        response.Contracted = Wire.Yen(contracted);
        response.Invoiced = Wire.Yen(invoiced);
        response.Approved = Wire.Yen(approved);
        response.Paid = Wire.Yen(paid);
        response.Remaining = Wire.Yen(contracted - approved);
        return response;
    }

    public static ContractReconciliation Of(CoordinatorContract contract, DateOnly asOf)
    {
        var commission = contract.Invoices.Sum(i => i.CommissionJpy);
        var travel = contract.Invoices.Sum(i => i.TravelJpy);
        var approved = Approved(contract);
        var line = new ContractReconciliation
        {
            Contract = ContractMapper.ToMessage(contract),
            Contracted = Wire.Yen(contract.ContractedJpy),
            Invoiced = Wire.Yen(commission + travel),
            Approved = Wire.Yen(approved),
            Paid = Wire.Yen(Paid(contract)),
            Remaining = Wire.Yen(contract.ContractedJpy - approved),
        };
        if (commission > contract.CommissionFeeJpy)
            line.Flags.Add(OverBilled(commission - contract.CommissionFeeJpy, $"commission invoiced {commission} JPY exceeds the yearly commission fee of {contract.CommissionFeeJpy} JPY by {commission - contract.CommissionFeeJpy} JPY"));
        if (travel > contract.TravelBudgetJpy)
            line.Flags.Add(OverBilled(travel - contract.TravelBudgetJpy, $"travel invoiced {travel} JPY exceeds the travel budget of {contract.TravelBudgetJpy} JPY by {travel - contract.TravelBudgetJpy} JPY"));
        line.OverBilled = line.Flags.Count > 0;

        var invoicedMonths = contract.Invoices.Select(i => i.Month).ToHashSet();
        foreach (var month in MonthValue.Range(MonthValue.FromNumber(contract.FirstMonth), MonthValue.FromNumber(contract.LastMonth)))
        {
            if (month.LastDay >= asOf || invoicedMonths.Contains(month.Number)) continue;
            line.MissingMonths.Add(Wire.Month(month));
            line.Flags.Add(new ReconciliationFlag { Kind = ReconciliationFlagKind.MissingMonth, Month = Wire.Month(month), Message = $"{month} has ended and has no invoice" });
        }
        foreach (var invoice in contract.Invoices.Where(i => i.Status != InvoiceStatus.Paid).OrderBy(i => i.Month))
        {
            line.Flags.Add(new ReconciliationFlag
            {
                Kind = ReconciliationFlagKind.OpenInvoice,
                Month = Wire.Month(invoice.Month),
                Amount = Wire.Yen(invoice.ApprovedJpy ?? invoice.TotalJpy),
                Message = $"the invoice of {MonthValue.FromNumber(invoice.Month)} is {invoice.Status.ToString().ToLowerInvariant()}, not paid",
            });
        }
        return line;
    }

    private static long Approved(CoordinatorContract contract) =>
        contract.Invoices.Where(i => i.Status is InvoiceStatus.Approved or InvoiceStatus.Paid).Sum(i => i.ApprovedJpy ?? 0);

    private static long Paid(CoordinatorContract contract) => contract.Invoices.Where(i => i.Status == InvoiceStatus.Paid).Sum(i => i.ApprovedJpy ?? 0);

    private static ReconciliationFlag OverBilled(long by, string message) =>
        new() { Kind = ReconciliationFlagKind.OverBilled, Amount = Wire.Yen(by), Message = message };
}
