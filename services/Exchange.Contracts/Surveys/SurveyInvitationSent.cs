namespace Exchange.Contracts.Surveys;

/// <summary>
/// An invitation (or, with <paramref name="Reminder"/> above 0, the n-th reminder) went to a
/// respondent. The token is never in the event: it is handed to the coordinator once, and the
/// service keeps only its hash. <paramref name="Contact"/> says where a mailer would deliver it.
/// </summary>
public sealed record SurveyInvitationSent(
    Guid RoundId,
    Guid InvitationId,
    Guid? ProjectId,
    string ClusterId,
    string RespondentName,
    string OrganisationId,
    string Contact,
    int Reminder,
    bool TokenReissued,
    DateTimeOffset OccurredAt);
