namespace Exchange.Contracts.Surveys;

/// <summary>A round stopped accepting responses, with its final response rate ("183 sent, 131 valid, 71.6 %").</summary>
public sealed record SurveyRoundClosed(
    Guid RoundId,
    int Sent,
    int Valid,
    decimal RatePercent,
    string ClosedBy,
    DateTimeOffset OccurredAt);
