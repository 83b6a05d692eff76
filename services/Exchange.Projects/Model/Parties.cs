using Exchange.Common.V1;
using Exchange.Projects.V1;

namespace Exchange.Projects.Model;

/// <summary>The Japanese side of a tie-up: a prefecture, city, ward or wider area.</summary>
public sealed record DomesticRegionValue(string Name, string Prefecture, RegionalBureau Bureau);

/// <summary>An overseas region or city with its country (ISO 3166-1 alpha-2) and world area.</summary>
public sealed record OverseasRegionValue(string Name, string Country, WorldArea WorldArea);

/// <summary>An implementation body: the organisation that runs the project on one side.</summary>
public sealed record Party(string OrganisationId, string Name, string Country);

/// <summary>A participating organisation, by actor type.</summary>
public sealed record MemberValue(ActorType ActorType, string OrganisationName, bool Sme);

/// <summary>The region a continued project added, and in which fiscal year.</summary>
public sealed record RegionExpansion(int FiscalYear, OverseasRegionValue Region);

public sealed record FollowUpReviewValue(int FiscalYear, ExchangeStatus ExchangeStatus, string Note, DateTimeOffset RecordedAt);
