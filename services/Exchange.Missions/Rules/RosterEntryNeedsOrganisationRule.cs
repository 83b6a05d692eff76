using Exchange.Missions.Model;

namespace Exchange.Missions.Rules;

/// <summary>
/// Everyone on a roster comes from an organisation (a company, university, government body, or an
/// expert in their own name): claims count funded people per organisation, and organisations
/// recur across activities.
/// </summary>
public sealed class RosterEntryNeedsOrganisationRule(PersonValue person) : BusinessRule
{
    public override string Name => "roster-entry-needs-organisation";

    public override bool IsBroken() => person.Organisation is null;

    public override string Explain() =>
        $"{person.Name} has no organisation; give the organisation they come from (an expert acting in their own name is recorded as an individual expert)";
}
