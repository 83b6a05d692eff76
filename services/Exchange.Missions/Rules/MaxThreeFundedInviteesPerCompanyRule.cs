using Exchange.Missions.Model;
using Exchange.Missions.V1;
using RosterEntry = Exchange.Missions.Model.RosterEntry;

namespace Exchange.Missions.Rules;

/// <summary>
/// An invitation of prospective business partners pays the travel, stay and interpretation of
/// at most three people from one overseas company. Further people from that company may come
/// at their own expense.
/// </summary>
public sealed class MaxThreeFundedInviteesPerCompanyRule(SupportTool tool, IEnumerable<RosterEntry> roster, PersonValue newcomer) : BusinessRule
{
    public const int MaxFundedPerCompany = 3;

    public override string Name => "max-three-funded-invitees-per-company";

    public override bool IsBroken() =>
        tool == SupportTool.PartnerInvitation
        && newcomer.Funding == Funding.Programme
        && newcomer.Organisation is { } organisation
        && FundedFrom(organisation.Id).Count >= MaxFundedPerCompany;

    public override string Explain()
    {
        var organisation = newcomer.Organisation!;
        return $"'{organisation.Name}' already has {MaxFundedPerCompany} funded invitees on this invitation ({string.Join(", ", FundedFrom(organisation.Id))}); " +
            $"the programme pays for at most {MaxFundedPerCompany} people from one overseas company: invite {newcomer.Name} at private expense";
    }

    private List<string> FundedFrom(string organisationId) =>
        [.. roster.Where(r => r.Funding == Funding.Programme && r.Organisation.Id == organisationId).Select(r => r.Name)];
}
