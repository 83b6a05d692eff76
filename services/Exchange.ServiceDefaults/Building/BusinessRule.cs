using Exchange.Rpc;

namespace Exchange.ServiceDefaults;

/// <summary>
/// A named rule of the programme. A broken rule becomes FAILED_PRECONDITION naming the rule, so
/// that callers (and the portal) can tell users exactly which rule stopped them.
/// </summary>
public abstract class BusinessRule
{
    public abstract string Name { get; }

    public abstract bool IsBroken();

    public abstract string Explain();

    public static void Enforce(BusinessRule rule)
    {
        if (rule.IsBroken()) throw RpcException.FailedPrecondition(rule.Name, rule.Explain());
    }
}
