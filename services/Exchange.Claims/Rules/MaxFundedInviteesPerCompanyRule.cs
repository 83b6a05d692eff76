using Exchange.Claims.Checks;
using Exchange.Claims.Model;
using Exchange.Missions.V1;

namespace Exchange.Claims.Rules;

/// <summary>
/// An invitation of prospective business partners pays for at most three people of one overseas
/// company (the rulebook's number). Checked again on the claim, because the rulebook of the year
/// may set a stricter number than the one the activity was planned under.
/// </summary>
public sealed class MaxFundedInviteesPerCompanyRule : ClaimRule
{
    public override string Name => "max-three-funded-invitees-per-company";

    public override IEnumerable<ViolationValue> Find(ClaimUnderCheck claim)
    {
        if (claim.Claim.SupportTool != SupportTool.PartnerInvitation || claim.Rules is not { MaxFundedInviteesPerCompany: > 0 } rules) yield break;
        var funded = claim.Lines
            .Where(l => claim.Roster.ContainsKey(l.Line.PersonKey))
            .GroupBy(l => claim.Roster[l.Line.PersonKey].OrganisationId);
        foreach (var company in funded)
        {
            var people = company.Select(l => l.Line.PersonKey).Distinct().ToList();
            if (people.Count <= rules.MaxFundedInviteesPerCompany) continue;
            var organisation = claim.Roster[people[0]].OrganisationName;
            // Reported at the first line of the first person over the limit.
            var over = company.First(l => l.Line.PersonKey == people[rules.MaxFundedInviteesPerCompany]);
            yield return AtLine(over, "person_key",
                $"costs are claimed for {people.Count} people of '{organisation}' ({string.Join(", ", people)}); the programme pays for at most {rules.MaxFundedInviteesPerCompany} people of one company");
        }
    }
}
