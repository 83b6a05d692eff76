using Exchange.Claims.V1;

namespace Exchange.Claims.Rules;

/// <summary>An invoice is recorded, then approved, then paid.</summary>
public sealed class InvoiceLifecycleRule(InvoiceStatus status, InvoiceStatus to) : BusinessRule
{
    public override string Name => "invoice-lifecycle";

    public override bool IsBroken() => (to, status) switch
    {
        (InvoiceStatus.Approved, InvoiceStatus.Recorded) => false,
        (InvoiceStatus.Paid, InvoiceStatus.Approved) => false,
        _ => true,
    };

    public override string Explain() =>
        $"an invoice that is {status.ToString().ToLowerInvariant()} cannot be {to.ToString().ToLowerInvariant()}; " +
        (to == InvoiceStatus.Paid ? "it is paid once approved" : "it is approved once, when recorded");
}
