namespace Exchange.Surveys.Model;

/// <summary>A respondent of a target list, with the attributes captured for analysis, before its invitation is issued.</summary>
public sealed record RespondentRecord(
    Guid? ProjectId,
    string ClusterId,
    string Name,
    string OrganisationId,
    string OrganisationName,
    string Role,
    string Contact,
    IReadOnlyList<AttributeValue> Attributes);
