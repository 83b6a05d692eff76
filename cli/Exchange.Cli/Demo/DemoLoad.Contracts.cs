using Exchange.Claims.V1;
using Exchange.Common.V1;

namespace Exchange.Cli.Demo;

public sealed partial class DemoLoad
{
    private async Task ContractAsync(DemoContract demo)
    {
        var contract = await Eventually.CallAsync(() => _coordinator.Call(Gateway.Api.Claims.CreateContract, new CreateCoordinatorContractRequest
        {
            RequestId = demo.RequestId,
            ProjectId = ProjectId(demo.ProjectKey),
            FiscalYear = demo.FiscalYear,
            Side = demo.Side,
            Coordinator = new Coordinator { Name = demo.Coordinator, Organisation = demo.Organisation, Country = demo.Country },
            CommissionFee = Yen(demo.CommissionFeeYen),
            TravelBudget = Yen(demo.TravelBudgetYen),
        }, cancellationToken), cancellationToken);

        // The Hamamatsu body records its coordinators' invoices; the coordinator approves and pays them.
        var client = demo.ProjectKey == "hamamatsu-jena" ? _body : _coordinator;
        for (var i = 0; i < demo.InvoicedMonths; i++)
        {
            var month = MonthOf(demo.FiscalYear, i);
            if (contract.Invoices.Any(v => v.Month.Year == month.Year && v.Month.Month_ == month.Month_)) continue;
            contract = await client.Call(Gateway.Api.Claims.RecordInvoice, new RecordCoordinatorInvoiceRequest
            {
                ContractId = contract.Id,
                Month = month,
                Commission = new Money { Amount = demo.MonthlyCommission, Currency = demo.InvoiceCurrency },
                Travel = new Money { Amount = demo.MonthlyTravel, Currency = demo.InvoiceCurrency },
            }, cancellationToken);
        }
        for (var i = 0; i < demo.ApprovedMonths; i++)
        {
            var month = MonthOf(demo.FiscalYear, i);
            var invoice = contract.Invoices.First(v => v.Month.Year == month.Year && v.Month.Month_ == month.Month_);
            if (invoice.Status == InvoiceStatus.Recorded)
                contract = await _coordinator.Call(Gateway.Api.Claims.ApproveInvoice, new ApproveCoordinatorInvoiceRequest { ContractId = contract.Id, InvoiceId = invoice.Id }, cancellationToken);
        }
        for (var i = 0; i < demo.PaidMonths; i++)
        {
            var month = MonthOf(demo.FiscalYear, i);
            var invoice = contract.Invoices.First(v => v.Month.Year == month.Year && v.Month.Month_ == month.Month_);
            if (invoice.Status != InvoiceStatus.Approved) continue;
            var paid = new DateOnly(month.Year, month.Month_, 1).AddMonths(2).AddDays(-1);
            contract = await _coordinator.Call(Gateway.Api.Claims.PayInvoice, new PayCoordinatorInvoiceRequest
            {
                ContractId = contract.Id, InvoiceId = invoice.Id, PaymentId = $"demo-invoice-{demo.Key}-{month.Year}-{month.Month_:D2}", PaidOn = Input.DateText.From(paid),
            }, cancellationToken);
        }
        Summary.Contracts.Add((demo.Coordinator, contract.Id, contract.Invoices.Count));
    }

    /// <summary>The <paramref name="index"/>th month of a fiscal year, April being the first.</summary>
    private static Month MonthOf(int fiscalYear, int index) => new() { Year = fiscalYear + (3 + index) / 12, Month_ = (3 + index) % 12 + 1 };
}
