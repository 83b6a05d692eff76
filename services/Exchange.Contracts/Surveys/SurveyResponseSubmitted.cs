namespace Exchange.Contracts.Surveys;

/// <summary>A respondent submitted a valid response; <paramref name="AnswersDigest"/> identifies the answers.</summary>
public sealed record SurveyResponseSubmitted(
    Guid RoundId,
    Guid InvitationId,
    Guid? ProjectId,
    string ClusterId,
    string QuestionnaireId,
    int QuestionnaireVersion,
    int AnswerCount,
    string AnswersDigest,
    int Valid,
    int Sent,
    DateTimeOffset OccurredAt);
