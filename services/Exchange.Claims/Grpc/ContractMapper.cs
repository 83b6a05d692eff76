using Exchange.Claims.Model;
using Exchange.Claims.Money;
using Exchange.Claims.V1;

namespace Exchange.Claims.Grpc;

/// <summary>Coordinator contracts and their invoices, model to wire.</summary>
public static class ContractMapper
{
    public static V1.CoordinatorContract ToMessage(Model.CoordinatorContract contract)
    {
        var message = new V1.CoordinatorContract
        {
            Id = contract.Id.ToString(),
            ProjectId = contract.ProjectId.ToString(),
            FiscalYear = contract.FiscalYear,
            Side = contract.Side,
            Coordinator = new Coordinator { Name = contract.CoordinatorName, Organisation = contract.CoordinatorOrganisation, Country = contract.CoordinatorCountry },
            CommissionFee = Wire.Yen(contract.CommissionFeeJpy),
            TravelBudget = Wire.Yen(contract.TravelBudgetJpy),
            FirstMonth = Wire.Month(contract.FirstMonth),
            LastMonth = Wire.Month(contract.LastMonth),
            Status = contract.Status,
            RenewedFromContractId = contract.RenewedFromId?.ToString() ?? "",
            RenewedToContractId = contract.RenewedToId?.ToString() ?? "",
            Version = contract.Version,
            CreatedBy = contract.CreatedBy,
            CreatedAt = Wire.Time(contract.CreatedAt),
        };
        message.Invoices.AddRange(contract.Invoices.OrderBy(i => i.Month).Select(ToMessage));
        return message;
    }

    public static V1.CoordinatorInvoice ToMessage(CoordinatorInvoiceValue invoice) => new()
    {
        Id = invoice.Id,
        Month = Wire.Month(invoice.Month),
        Commission = Wire.Amount(invoice.Commission, invoice.Currency),
        Travel = Wire.Amount(invoice.Travel, invoice.Currency),
        ValueDate = Wire.Date(invoice.ValueDate),
        RateToJpy = DecimalText.Format(invoice.RateToJpy),
        CommissionJpy = Wire.Yen(invoice.CommissionJpy),
        TravelJpy = Wire.Yen(invoice.TravelJpy),
        TotalJpy = Wire.Yen(invoice.TotalJpy),
        Status = invoice.Status,
        ApprovedJpy = invoice.ApprovedJpy is { } approved ? Wire.Yen(approved) : null,
        ApprovalReason = invoice.ApprovalReason,
        PaymentId = invoice.PaymentId,
        PaidOn = Wire.Date(invoice.PaidOn),
        RecordedBy = invoice.RecordedBy,
        RecordedAt = Wire.Time(invoice.RecordedAt),
    };
}
