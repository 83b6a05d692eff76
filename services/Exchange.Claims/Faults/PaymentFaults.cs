namespace Exchange.Claims.Faults;

/// <summary>
/// Fault injection for the reliability tests, inactive unless <c>Faults:KillAt</c> names one of the
/// commit points of payment handling: the process then dies on the spot (no clean-up, no broker
/// acknowledgement, no lease release), as a crash would, the first time it reaches that point.
/// Never set in a deployment.
/// </summary>
public sealed class PaymentFaults(string? killAt)
{
    public const string Setting = "Faults:KillAt";

    /// <summary>A payment request handled, the payment and its event added, the transaction not committed.</summary>
    public const string BeforeCommit = "payment-before-commit";

    /// <summary>The payment committed with its inbox row, the message not yet acknowledged to the broker.</summary>
    public const string AfterCommit = "payment-after-commit";

    /// <summary>The ClaimPaid event confirmed by the broker, its outbox row not yet marked dispatched.</summary>
    public const string AfterDispatch = "payment-after-dispatch";

    public static IReadOnlyList<string> Points { get; } = [BeforeCommit, AfterCommit, AfterDispatch];

    public string? KillAt => killAt;

    public bool Active => killAt is not null;

    public static PaymentFaults From(IConfiguration configuration)
    {
        var killAt = configuration[Setting];
        if (string.IsNullOrWhiteSpace(killAt)) return new PaymentFaults(null);
        return Points.Contains(killAt.Trim())
            ? new PaymentFaults(killAt.Trim())
            : throw new InvalidOperationException($"{Setting} is '{killAt}', none of {string.Join(", ", Points)}.");
    }

    public void Reach(string point)
    {
        if (killAt == point) Environment.FailFast($"{Setting}={point}: the process stops here, as a crash would");
    }
}
