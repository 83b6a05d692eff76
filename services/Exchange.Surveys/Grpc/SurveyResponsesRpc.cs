using Exchange.Messaging.Outbox;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Exchange.Surveys.Data;
using Exchange.Surveys.IntegrationEvents;
using Exchange.Surveys.Questionnaires;
using Exchange.Surveys.Responses;
using Exchange.Surveys.Rules;
using Exchange.Surveys.V1;
using Microsoft.EntityFrameworkCore;
using Invitation = Exchange.Surveys.Model.Invitation;
using SurveyRound = Exchange.Surveys.Model.SurveyRound;

namespace Exchange.Surveys.Grpc;

/// <summary>
/// The respondent's side, exchange.surveys.v1.SurveyResponses. The invitation token is the only
/// credential: the identity gate lets these calls through without a platform token, and each call
/// finds its invitation by the token's hash, so a token reaches its own response and nothing else.
/// A token that is unknown, replaced by a reminder, or malformed answers NOT_FOUND.
/// </summary>
public sealed class SurveyResponsesRpc(SurveysDb db, IEventOutbox outbox, QuestionnaireCatalog catalog, TimeProvider clock, ILogger<SurveyResponsesRpc> logger)
{
    public async Task<InvitationView> GetInvitation(GetInvitationRequest request, CallContext context)
    {
        var (invitation, round) = await FindAsync(request.Token, tracked: false, context);
        var form = await catalog.GetAsync(round.QuestionnaireId, round.QuestionnaireVersion, context.CancellationToken);
        var view = new InvitationView
        {
            InvitationId = invitation.Id.ToString(),
            RoundTitle = new LocalizedText { En = round.TitleEn, Ja = round.TitleJa },
            RoundStatus = round.Status,
            Respondent = SurveyMapper.ToMessage(invitation).Respondent,
            Questionnaire = form.Questionnaire,
            Response = SurveyMapper.Response(invitation, round),
        };
        if (round.RespondBy is { } respondBy) view.RespondBy = Requests.ToDate(respondBy);
        return view;
    }

    public async Task<Response> SaveAnswers(SaveAnswersRequest request, CallContext context)
    {
        var (invitation, round) = await FindAsync(request.Token, tracked: true, context);
        var form = await catalog.GetAsync(round.QuestionnaireId, round.QuestionnaireVersion, context.CancellationToken);
        BusinessRule.Enforce(new SubmittedOnceRule(invitation, "its answers can no longer be changed"));
        var errors = new FieldErrors();
        var changes = AnswerValidation.Read(form, request.Answers, errors);
        errors.ThrowIfAny();
        invitation.Save(round, AnswerValidation.Merge(form, invitation.Answers, changes), clock.GetUtcNow());
        await SaveAsync(invitation, context);
        return SurveyMapper.Response(invitation, round);
    }

    public async Task<SubmissionReceipt> SubmitResponse(SubmitResponseRequest request, CallContext context)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (invitation, round) = await FindAsync(request.Token, tracked: true, context);
            var form = await catalog.GetAsync(round.QuestionnaireId, round.QuestionnaireVersion, context.CancellationToken);
            var errors = new FieldErrors();
            var changes = AnswerValidation.Read(form, request.Answers, errors);
            var answers = AnswerValidation.Merge(form, invitation.Answers, changes);
            if (invitation.Status == InvitationStatus.Submitted)
            {
                // A retry of the same submission answers the same receipt; anything else is a second submission.
                if (!errors.Any && AnswerDigest.Of(answers) == invitation.AnswersDigest) return SurveyMapper.Receipt(invitation);
                BusinessRule.Enforce(new SubmittedOnceRule(invitation, "a different submission is refused"));
            }
            AnswerValidation.CheckComplete(form, answers, errors);
            errors.ThrowIfAny();
            if (!invitation.Submit(round, answers, AnswerDigest.Of(answers), clock.GetUtcNow())) return SurveyMapper.Receipt(invitation);

            var counts = await RateCounts.OfAsync(db, round.Id, context.CancellationToken);
            await outbox.AddAsync(db, round.Id.ToString(), SurveyEvents.Submitted(round, invitation, counts.Valid + 1, counts.Sent), cancellationToken: context.CancellationToken);
            try
            {
                await db.SaveChangesAsync(context.CancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Submitted twice at once, or a reminder changed the invitation meanwhile: look again.
                db.ChangeTracker.Clear();
                continue;
            }
            logger.LogInformation("Response of invitation {InvitationId} to survey round {RoundId} submitted with {Answers} answers",
                invitation.Id, round.Id, invitation.Answers.Count);
            return SurveyMapper.Receipt(invitation);
        }
    }

    private async Task<(Invitation Invitation, SurveyRound Round)> FindAsync(string token, bool tracked, CallContext context)
    {
        if (string.IsNullOrEmpty(token)) throw RpcException.InvalidArgument("token", "is required: the invitation token the respondent received");
        Invitation? invitation = null;
        if (InvitationTokens.IsWellFormed(token))
        {
            var hash = InvitationTokens.Hash(token);
            var invitations = tracked ? db.Invitations : db.Invitations.AsNoTracking();
            invitation = await invitations.FirstOrDefaultAsync(i => i.TokenHash == hash, context.CancellationToken);
        }
        if (invitation is null) throw new RpcException(StatusCode.NotFound, "no invitation has this token: check the link, or ask the programme office for a new one");
        var rounds = tracked ? db.Rounds : db.Rounds.AsNoTracking();
        var round = await rounds.FirstAsync(r => r.Id == invitation.RoundId, context.CancellationToken);
        return (invitation, round);
    }

    private async Task SaveAsync(Invitation invitation, CallContext context)
    {
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "Concurrent change to invitation {InvitationId}", invitation.Id);
            throw new RpcException(StatusCode.Aborted, "the response was changed meanwhile (another window, or a reminder); reload it and save again");
        }
    }
}
