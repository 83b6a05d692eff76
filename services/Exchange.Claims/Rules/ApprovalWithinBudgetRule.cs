using Exchange.Missions.V1;

namespace Exchange.Claims.Rules;

/// <summary>
/// What the programme approves for a tool in a year stays within the tool's programme share of
/// the project's budget: checked again at approval, since other claims may have been approved
/// since this one was submitted.
/// </summary>
public sealed class ApprovalWithinBudgetRule(SupportTool tool, int fiscalYear, long approvedBefore, long sanctioned, long? programmeShare) : BusinessRule
{
    public override string Name => "within-budget";

    public override bool IsBroken() => programmeShare is not { } share || approvedBefore + sanctioned > share;

    public override string Explain() => programmeShare is not { } share
        ? $"the project has no budget for FY{fiscalYear}"
        : $"approving {sanctioned} JPY would bring {tool} in FY{fiscalYear} to {approvedBefore + sanctioned} JPY; its programme share is {share} JPY ({approvedBefore} JPY approved before)";
}
