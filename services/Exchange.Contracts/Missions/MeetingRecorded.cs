namespace Exchange.Contracts.Missions;

/// <summary>
/// A business meeting held during an activity. <paramref name="Result"/> is "InformationExchange",
/// "FollowUpAgreed", "Negotiation" or "Contract".
/// </summary>
public sealed record MeetingRecorded(
    Guid ActivityId,
    Guid ProjectId,
    string MeetingId,
    string CounterpartId,
    string CounterpartName,
    string CounterpartCountry,
    DateTime Date,
    string Topic,
    string Result,
    DateTimeOffset OccurredAt);
