namespace Exchange.Contracts.Missions;

/// <summary>
/// A person whose travel and stay the programme pays for, with the organisation they came from:
/// what a cost claim needs to tell funded people apart from those at private expense.
/// </summary>
public sealed record FundedParticipant(
    string Name,
    string Role,
    string Country,
    string OrganisationId,
    string OrganisationName,
    string OrganisationCountry);
