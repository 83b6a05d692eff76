namespace Exchange.Claims.Rules;

/// <summary>
/// Money goes out once: a paid claim or invoice is never paid again under another payment id.
/// (The same payment id again is a retry and answers the payment made.)
/// </summary>
public sealed class PaidOnceRule(string what, string id, string paidWith, string requested) : BusinessRule
{
    public override string Name => $"{what}-paid-once";

    public override bool IsBroken() => paidWith.Length > 0 && paidWith != requested;

    public override string Explain() => $"{what} {id} was paid already by payment '{paidWith}'; payment '{requested}' is refused";
}
