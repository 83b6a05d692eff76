using System.Globalization;
using Exchange.Surveys.Analytics;
using Exchange.Surveys.Model;
using Exchange.Surveys.V1;
using Google.Protobuf.WellKnownTypes;
using Invitation = Exchange.Surveys.Model.Invitation;
using ScheduledSurvey = Exchange.Surveys.Model.ScheduledSurvey;
using SurveyRound = Exchange.Surveys.Model.SurveyRound;

namespace Exchange.Surveys.Grpc;

/// <summary>Rounds, invitations, responses and schedules as the API shows them.</summary>
internal static class SurveyMapper
{
    public static V1.SurveyRound ToMessage(SurveyRound round, RateCounts counts)
    {
        var message = new V1.SurveyRound
        {
            Id = round.Id.ToString(),
            Title = new LocalizedText { En = round.TitleEn, Ja = round.TitleJa },
            QuestionnaireId = round.QuestionnaireId,
            QuestionnaireVersion = round.QuestionnaireVersion,
            Purpose = round.Purpose,
            Status = round.Status,
            FiscalYear = round.FiscalYear,
            ResponseRate = Rate(counts),
            CreatedBy = round.CreatedBy,
            CreatedAt = Timestamp.FromDateTimeOffset(round.CreatedAt),
        };
        if (round.RespondBy is { } respondBy) message.RespondBy = Requests.ToDate(respondBy);
        if (round.ClosedAt is { } closedAt) message.ClosedAt = Timestamp.FromDateTimeOffset(closedAt);
        message.ProjectIds.Add(round.ProjectIds.Select(id => id.ToString()));
        message.ClusterIds.Add(round.ClusterIds);
        message.ScheduledSurveyIds.Add(round.ScheduledSurveyIds.Select(id => id.ToString()));
        return message;
    }

    /// <summary>"183 sent, 131 valid, 71.6 %": the rate rounded half up to one decimal.</summary>
    public static ResponseRate Rate(RateCounts counts)
    {
        var percent = Shares.Percent(counts.Valid, counts.Sent);
        return new ResponseRate
        {
            Sent = counts.Sent,
            Valid = counts.Valid,
            InProgress = counts.InProgress,
            RatePercent = percent,
            Line = string.Create(CultureInfo.InvariantCulture, $"{counts.Sent} sent, {counts.Valid} valid, {percent:0.0} %"),
        };
    }

    public static V1.Invitation ToMessage(Invitation invitation)
    {
        var message = new V1.Invitation
        {
            Id = invitation.Id.ToString(),
            RoundId = invitation.RoundId.ToString(),
            Respondent = new Respondent
            {
                Name = invitation.RespondentName,
                OrganisationId = invitation.OrganisationId,
                OrganisationName = invitation.OrganisationName,
                Role = invitation.Role,
                Contact = invitation.Contact,
            },
            ProjectId = invitation.ProjectId?.ToString() ?? "",
            ClusterId = invitation.ClusterId,
            Status = invitation.Status,
            RemindersSent = invitation.RemindersSent,
            SentAt = Timestamp.FromDateTimeOffset(invitation.SentAt),
        };
        if (invitation.LastRemindedAt is { } reminded) message.LastRemindedAt = Timestamp.FromDateTimeOffset(reminded);
        if (invitation.SubmittedAt is { } submitted) message.SubmittedAt = Timestamp.FromDateTimeOffset(submitted);
        message.Attributes.Add(invitation.Attributes.Select(Attribute));
        // The respondent's own attributes (not those derived from the project or cluster) as given.
        message.Respondent.Attributes.Add(invitation.Attributes.Where(a => !RespondentAttributes.Derived.Contains(a.Key)).Select(Attribute));
        return message;
    }

    public static Response Response(Invitation invitation, SurveyRound round)
    {
        var message = new Response
        {
            InvitationId = invitation.Id.ToString(),
            RoundId = round.Id.ToString(),
            QuestionnaireId = round.QuestionnaireId,
            QuestionnaireVersion = round.QuestionnaireVersion,
            Status = invitation.Status,
        };
        message.Answers.Add(invitation.Answers.Select(Answer));
        if (invitation.SavedAt is { } saved) message.SavedAt = Timestamp.FromDateTimeOffset(saved);
        if (invitation.SubmittedAt is { } submitted) message.SubmittedAt = Timestamp.FromDateTimeOffset(submitted);
        return message;
    }

    public static Answer Answer(StoredAnswer stored)
    {
        var answer = new Answer { QuestionId = stored.QuestionId };
        if (stored.OptionIds is { } options) answer.OptionIds.Add(options);
        if (stored.Scale is { } scale) answer.ScaleValue = scale;
        if (stored.Number is { } number) answer.NumberValue = number;
        if (stored.Text is { } text) answer.Text = text;
        return answer;
    }

    public static SubmissionReceipt Receipt(Invitation invitation) => new()
    {
        InvitationId = invitation.Id.ToString(),
        RoundId = invitation.RoundId.ToString(),
        SubmittedAt = Timestamp.FromDateTimeOffset(invitation.SubmittedAt!.Value),
        AnswerCount = invitation.Answers.Count,
        AnswersDigest = invitation.AnswersDigest,
    };

    public static V1.ScheduledSurvey ToMessage(ScheduledSurvey schedule, string projectTitle) => new()
    {
        Id = schedule.Id.ToString(),
        ProjectId = schedule.ProjectId.ToString(),
        ProjectTitle = projectTitle,
        OffsetFiscalYears = schedule.OffsetFiscalYears,
        DueFiscalYear = schedule.DueFiscalYear,
        DueOn = Requests.ToDate(schedule.DueOn),
        QuestionnaireId = schedule.QuestionnaireId,
        Status = schedule.Status,
        RoundId = schedule.RoundId?.ToString() ?? "",
        ScheduledAt = Timestamp.FromDateTimeOffset(schedule.ScheduledAt),
    };

    public static RespondentAttribute Attribute(AttributeValue attribute) => new() { Key = attribute.Key, Values = { attribute.Values } };
}
