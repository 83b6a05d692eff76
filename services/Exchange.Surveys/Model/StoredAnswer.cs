using System.Text.Json.Serialization;

namespace Exchange.Surveys.Model;

/// <summary>
/// One answer as stored: short property names, because a cluster round holds about 10,000
/// responses of about 100 answers each. Exactly one of the values is set.
/// </summary>
public sealed record StoredAnswer(
    [property: JsonPropertyName("q")] string QuestionId,
    [property: JsonPropertyName("o"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string[]? OptionIds = null,
    [property: JsonPropertyName("s"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Scale = null,
    [property: JsonPropertyName("n"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Number = null,
    [property: JsonPropertyName("t"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null)
{
    /// <summary>A canonical line for digests and comparisons: options in the order given by the questionnaire.</summary>
    public string Canonical() =>
        OptionIds is not null ? $"{QuestionId}=o:{string.Join(",", OptionIds)}"
        : Scale is not null ? $"{QuestionId}=s:{Scale.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
        : Number is not null ? $"{QuestionId}=n:{Number.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}"
        : $"{QuestionId}=t:{Text}";
}
