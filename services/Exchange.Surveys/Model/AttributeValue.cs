namespace Exchange.Surveys.Model;

/// <summary>A respondent attribute captured when the invitation was issued: a key and its values.</summary>
public sealed record AttributeValue(string Key, string[] Values);
