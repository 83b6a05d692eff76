using Exchange.Missions.Model;
using Exchange.Missions.V1;

namespace Exchange.Missions.Rules;

/// <summary>
/// Overseas partners register delegates for invitations to Japan (of experts or of prospective
/// business partners); the people of other activities are put on the roster by the implementation body.
/// </summary>
public sealed class DelegatesForInvitationsOnlyRule(SupportTool tool) : BusinessRule
{
    public override string Name => "delegates-for-invitations-only";

    public override bool IsBroken() => !SupportTools.IsInvitation(tool);

    public override string Explain() =>
        $"the activity is {SupportTools.Describe(tool)}; delegates are registered for invitations of experts or of prospective business partners only";
}
