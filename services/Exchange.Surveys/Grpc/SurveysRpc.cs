using Exchange.Identity;
using Exchange.Messaging.Outbox;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Exchange.Surveys.Data;
using Exchange.Surveys.IntegrationEvents;
using Exchange.Surveys.Model;
using Exchange.Surveys.Questionnaires;
using Exchange.Surveys.Responses;
using Exchange.Surveys.Rules;
using Exchange.Surveys.V1;
using Microsoft.EntityFrameworkCore;
using static Exchange.Surveys.Grpc.SurveyAuthorization;
using Invitation = Exchange.Surveys.Model.Invitation;
using SurveyRound = Exchange.Surveys.Model.SurveyRound;

namespace Exchange.Surveys.Grpc;

/// <summary>
/// The RPC surface of exchange.surveys.v1.Surveys: questionnaires, rounds, invitations and
/// follow-up schedules here; the analyses in <see cref="SurveysRpc"/>'s other part. A change
/// validates the request, applies one model method (which checks the rules), and saves the state
/// together with its events in one transaction: a refused change stores and publishes nothing.
/// </summary>
public sealed partial class SurveysRpc(
    SurveysDb db,
    IEventOutbox outbox,
    QuestionnaireCatalog catalog,
    Analytics.ResponseMatrixLoader loader,
    TimeProvider clock,
    ILogger<SurveysRpc> logger)
{
    public async Task<ListQuestionnairesResponse> ListQuestionnaires(ListQuestionnairesRequest request, CallContext context)
    {
        DemandCoordinator(context.Caller(), "read questionnaires");
        var records = await db.Questionnaires.AsNoTracking()
            .Where(q => request.Purpose == QuestionnairePurpose.Unspecified || q.Purpose == request.Purpose)
            .Select(q => new { q.QuestionnaireId, q.Version })
            .ToListAsync(context.CancellationToken);
        var response = new ListQuestionnairesResponse();
        foreach (var versions in records.GroupBy(r => r.QuestionnaireId).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var latest = (await catalog.GetAsync(versions.Key, versions.Max(v => v.Version), context.CancellationToken)).Questionnaire;
            response.Questionnaires.Add(new QuestionnaireSummary
            {
                Id = latest.Id,
                Version = latest.Version,
                Title = latest.Title,
                Purpose = latest.Purpose,
                QuestionCount = latest.Questions.Count,
                Template = latest.Template,
                Versions = { versions.Select(v => v.Version).Order() },
            });
        }
        return response;
    }

    public async Task<Questionnaire> GetQuestionnaire(GetQuestionnaireRequest request, CallContext context)
    {
        DemandCoordinator(context.Caller(), "read questionnaires");
        var errors = new FieldErrors();
        QuestionnaireValidation.QuestionnaireId(errors, "questionnaire_id", request.QuestionnaireId);
        if (request.Version < 0) errors.Add("version", "must be 0 (the latest) or a version number");
        errors.ThrowIfAny();
        return (await catalog.GetAsync(request.QuestionnaireId, request.Version, context.CancellationToken)).Questionnaire;
    }

    public async Task<Questionnaire> CreateQuestionnaire(CreateQuestionnaireRequest request, CallContext context)
    {
        var caller = context.Caller();
        DemandCoordinator(caller, "create questionnaires");
        var errors = new FieldErrors();
        QuestionnaireValidation.QuestionnaireId(errors, "questionnaire_id", request.QuestionnaireId);
        QuestionnaireValidation.Title(errors, "title", request.Title, 200);
        if (request.Description is not null) errors.MaxLength("description.en", request.Description.En, 2000);
        errors.Defined("purpose", request.Purpose);
        QuestionnaireValidation.Questions(errors, request.Questions);
        errors.ThrowIfAny();
        if (await db.Questionnaires.AnyAsync(q => q.QuestionnaireId == request.QuestionnaireId, context.CancellationToken))
            throw new RpcException(StatusCode.AlreadyExists, $"questionnaire {request.QuestionnaireId} exists; revise it with ReviseQuestionnaire");

        var questionnaire = new Questionnaire
        {
            Id = request.QuestionnaireId,
            Version = 1,
            Title = request.Title,
            Description = request.Description ?? new LocalizedText(),
            Purpose = request.Purpose,
            Questions = { request.Questions },
            CreatedBy = caller.OrganisationId,
        };
        return await StoreAsync(questionnaire, context);
    }

    public async Task<Questionnaire> ReviseQuestionnaire(ReviseQuestionnaireRequest request, CallContext context)
    {
        var caller = context.Caller();
        DemandCoordinator(caller, "revise questionnaires");
        var errors = new FieldErrors();
        QuestionnaireValidation.QuestionnaireId(errors, "questionnaire_id", request.QuestionnaireId);
        if (request.ExpectedVersion < 1) errors.Add("expected_version", "is required: the latest version the revision starts from");
        QuestionnaireValidation.Title(errors, "title", request.Title, 200);
        errors.MaxLength("revision_note", request.RevisionNote, 2000);
        QuestionnaireValidation.Questions(errors, request.Questions);
        errors.ThrowIfAny();
        var latest = (await catalog.GetAsync(request.QuestionnaireId, 0, context.CancellationToken)).Questionnaire;
        if (latest.Version != request.ExpectedVersion)
            throw new RpcException(StatusCode.Aborted, $"version-conflict: questionnaire {latest.Id} is at version {latest.Version}, not {request.ExpectedVersion}; revise the latest version");
        foreach (var question in request.Questions)
            if (latest.Questions.FirstOrDefault(q => q.Id == question.Id) is { } before)
                BusinessRule.Enforce(new QuestionKindStableRule(latest.Id, latest.Version, before, question));

        var revised = new Questionnaire
        {
            Id = latest.Id,
            Version = latest.Version + 1,
            Title = request.Title,
            Description = request.Description ?? latest.Description,
            Purpose = latest.Purpose,
            Questions = { request.Questions },
            RevisionNote = request.RevisionNote.Trim(),
            CreatedBy = caller.OrganisationId,
        };
        return await StoreAsync(revised, context);
    }

    public async Task<CreateSurveyRoundResponse> CreateSurveyRound(CreateSurveyRoundRequest request, CallContext context)
    {
        var caller = context.Caller();
        DemandCoordinator(caller, "open survey rounds");
        var errors = new FieldErrors();
        errors.Required("request_id", request.RequestId, 100);
        QuestionnaireValidation.Title(errors, "title", request.Title, 200);
        QuestionnaireValidation.QuestionnaireId(errors, "questionnaire_id", request.QuestionnaireId);
        if (request.QuestionnaireVersion < 0) errors.Add("questionnaire_version", "must be 0 (the latest) or a version number");
        Requests.FiscalYear(errors, "fiscal_year", request.FiscalYear, required: false);
        var respondBy = Requests.Date(errors, "respond_by", request.RespondBy);
        var scheduleIds = request.ScheduledSurveyIds.Select((id, i) => Requests.Id(errors, $"scheduled_survey_ids[{i}]", id, "a scheduled survey")).OfType<Guid>().Distinct().ToList();
        if (request.Projects.Count == 0 && request.Clusters.Count == 0 && request.ScheduledSurveyIds.Count == 0)
            errors.Add("projects", "a round needs targets: projects, clusters or scheduled surveys");
        RoundTargets.Check(errors, request.Projects, request.Clusters);
        errors.ThrowIfAny();

        var requestId = request.RequestId.Trim();
        if (await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.CreatedBy == caller.OrganisationId && r.RequestId == requestId, context.CancellationToken) is { } earlier)
            return new CreateSurveyRoundResponse { Round = await RoundMessageAsync(earlier, context) };

        var form = await catalog.GetAsync(request.QuestionnaireId, request.QuestionnaireVersion, context.CancellationToken);
        var schedules = await db.ScheduledSurveys.Where(s => scheduleIds.Contains(s.Id)).ToListAsync(context.CancellationToken);
        var unknown = scheduleIds.Where(id => schedules.All(s => s.Id != id)).ToList();
        if (unknown.Count > 0) throw new RpcException(StatusCode.NotFound, $"scheduled survey {string.Join(", ", unknown)} not found");
        foreach (var schedule in schedules) BusinessRule.Enforce(new ScheduleNotYetOpenedRule(schedule));
        var projects = request.Projects.ToList();
        foreach (var projectId in schedules.Select(s => s.ProjectId).Distinct())
            if (projects.All(p => !Guid.TryParse(p.ProjectId, out var id) || id != projectId)) projects.Add(new ProjectTarget { ProjectId = projectId.ToString() });
        BusinessRule.Enforce(new TargetsMatchPurposeRule(form.Questionnaire, projects.Count, request.Clusters.Count));
        var targets = await new RoundTargets(db).ResolveAsync(projects, request.Clusters, context.CancellationToken);

        var now = clock.GetUtcNow();
        var round = SurveyRound.Open(requestId, caller.OrganisationId, request.Title, form.Questionnaire, request.FiscalYear, respondBy, now);
        round.Answers(schedules.Select(s => s.Id));
        foreach (var schedule in schedules) schedule.RoundOpened(round.Id);
        db.Rounds.Add(round);
        var issued = Issue(round, targets, now);
        await outbox.AddAsync(db, round.Id.ToString(), SurveyEvents.Opened(round, now), cancellationToken: context.CancellationToken);
        foreach (var (invitation, _) in issued)
            await outbox.AddAsync(db, round.Id.ToString(), SurveyEvents.Sent(invitation, tokenReissued: false, now), cancellationToken: context.CancellationToken);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same request id created concurrently: answer with the winner, without tokens.
            db.ChangeTracker.Clear();
            var raced = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.CreatedBy == caller.OrganisationId && r.RequestId == requestId);
            if (raced is null) throw;
            return new CreateSurveyRoundResponse { Round = await RoundMessageAsync(raced, context) };
        }
        logger.LogInformation("Survey round {RoundId} of {QuestionnaireId} v{Version} opened by {Organisation} with {Invitations} invitations",
            round.Id, round.QuestionnaireId, round.QuestionnaireVersion, caller.OrganisationId, issued.Count);
        var response = new CreateSurveyRoundResponse { Round = SurveyMapper.ToMessage(round, new RateCounts(issued.Count, 0, 0)) };
        response.Invitations.Add(issued.Select(i => new IssuedInvitation { Invitation = SurveyMapper.ToMessage(i.Invitation), Token = i.Token }));
        return response;
    }

    public async Task<AddSurveyTargetsResponse> AddSurveyTargets(AddSurveyTargetsRequest request, CallContext context)
    {
        var caller = context.Caller();
        DemandCoordinator(caller, "add respondents to survey rounds");
        var roundId = Requests.Id("round_id", request.RoundId, "a survey round");
        if (request.Projects.Count == 0 && request.Clusters.Count == 0) throw RpcException.InvalidArgument("projects", "give projects or clusters to add");
        var round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == roundId, context.CancellationToken) ?? throw RoundNotFound(request.RoundId);
        BusinessRule.Enforce(new RoundOpenRule(round, "takes no more respondents"));
        var form = await catalog.GetAsync(round.QuestionnaireId, round.QuestionnaireVersion, context.CancellationToken);
        BusinessRule.Enforce(new TargetsMatchPurposeRule(form.Questionnaire, request.Projects.Count, request.Clusters.Count));
        var targets = await new RoundTargets(db).ResolveAsync(request.Projects, request.Clusters, context.CancellationToken);
        var now = clock.GetUtcNow();
        var issued = Issue(round, targets, now);
        foreach (var (invitation, _) in issued)
            await outbox.AddAsync(db, round.Id.ToString(), SurveyEvents.Sent(invitation, tokenReissued: false, now), cancellationToken: context.CancellationToken);
        await SaveRoundChangeAsync(round, context);
        logger.LogInformation("{Invitations} invitations added to survey round {RoundId}", issued.Count, round.Id);
        var response = new AddSurveyTargetsResponse { Round = await RoundMessageAsync(round, context) };
        response.Invitations.Add(issued.Select(i => new IssuedInvitation { Invitation = SurveyMapper.ToMessage(i.Invitation), Token = i.Token }));
        return response;
    }

    public async Task<V1.SurveyRound> GetSurveyRound(GetSurveyRoundRequest request, CallContext context)
    {
        DemandCoordinator(context.Caller(), "see survey rounds");
        var roundId = Requests.Id("round_id", request.RoundId, "a survey round");
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, context.CancellationToken) ?? throw RoundNotFound(request.RoundId);
        return await RoundMessageAsync(round, context);
    }

    public async Task<ListSurveyRoundsResponse> ListSurveyRounds(ListSurveyRoundsRequest request, CallContext context)
    {
        DemandCoordinator(context.Caller(), "see survey rounds");
        var (offset, size) = Paging.Read(request.Page);
        var query = db.Rounds.AsNoTracking();
        if (request.QuestionnaireId.Length > 0) query = query.Where(r => r.QuestionnaireId == request.QuestionnaireId);
        if (request.Status != RoundStatus.Unspecified) query = query.Where(r => r.Status == request.Status);
        if (request.ProjectId.Length > 0)
        {
            var projectId = Requests.Id("project_id", request.ProjectId, "a project");
            var roundIds = db.Invitations.Where(i => i.ProjectId == projectId).Select(i => i.RoundId).Distinct();
            query = query.Where(r => roundIds.Contains(r.Id));
        }
        var total = await query.CountAsync(context.CancellationToken);
        var rounds = await query.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip(offset).Take(size).ToListAsync(context.CancellationToken);
        var counts = await RateCounts.OfAsync(db, [.. rounds.Select(r => r.Id)], context.CancellationToken);
        var response = new ListSurveyRoundsResponse { TotalCount = total, NextPageToken = Paging.Next(offset, rounds.Count, total) };
        response.Rounds.Add(rounds.Select(r => SurveyMapper.ToMessage(r, counts.GetValueOrDefault(r.Id))));
        return response;
    }

    public async Task<ListInvitationsResponse> ListInvitations(ListInvitationsRequest request, CallContext context)
    {
        DemandCoordinator(context.Caller(), "see invitations");
        var roundId = Requests.Id("round_id", request.RoundId, "a survey round");
        var (offset, size) = Paging.Read(request.Page);
        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, context.CancellationToken)) throw RoundNotFound(request.RoundId);
        var query = db.Invitations.AsNoTracking().Where(i => i.RoundId == roundId);
        if (request.Status != InvitationStatus.Unspecified) query = query.Where(i => i.Status == request.Status);
        if (request.ProjectId.Length > 0)
        {
            var projectId = Requests.Id("project_id", request.ProjectId, "a project");
            query = query.Where(i => i.ProjectId == projectId);
        }
        if (request.ClusterId.Length > 0) query = query.Where(i => i.ClusterId == request.ClusterId);
        var total = await query.CountAsync(context.CancellationToken);
        var invitations = await query.OrderBy(i => i.Sequence).Skip(offset).Take(size).ToListAsync(context.CancellationToken);
        var response = new ListInvitationsResponse { TotalCount = total, NextPageToken = Paging.Next(offset, invitations.Count, total) };
        response.Invitations.Add(invitations.Select(SurveyMapper.ToMessage));
        return response;
    }

    public async Task<RemindNonRespondentsResponse> RemindNonRespondents(RemindNonRespondentsRequest request, CallContext context)
    {
        var caller = context.Caller();
        DemandCoordinator(caller, "remind respondents");
        var roundId = Requests.Id("round_id", request.RoundId, "a survey round");
        var round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == roundId, context.CancellationToken) ?? throw RoundNotFound(request.RoundId);
        BusinessRule.Enforce(new RoundOpenRule(round, "sends no more reminders"));
        var pending = await db.Invitations.Where(i => i.RoundId == roundId && i.Status != InvitationStatus.Submitted).OrderBy(i => i.Sequence).ToListAsync(context.CancellationToken);
        var now = clock.GetUtcNow();
        var response = new RemindNonRespondentsResponse();
        foreach (var invitation in pending)
        {
            var token = request.ReissueTokens ? InvitationTokens.New() : "";
            invitation.Remind(now, request.ReissueTokens ? InvitationTokens.Hash(token) : null);
            await outbox.AddAsync(db, round.Id.ToString(), SurveyEvents.Sent(invitation, request.ReissueTokens, now), cancellationToken: context.CancellationToken);
            response.Reminded.Add(new IssuedInvitation { Invitation = SurveyMapper.ToMessage(invitation), Token = token });
        }
        round.Touch();
        await SaveRoundChangeAsync(round, context);
        logger.LogInformation("{Count} non-respondents of survey round {RoundId} reminded (new tokens: {Reissued})", pending.Count, round.Id, request.ReissueTokens);
        response.ResponseRate = SurveyMapper.Rate(await RateCounts.OfAsync(db, round.Id, context.CancellationToken));
        return response;
    }

    public async Task<V1.SurveyRound> CloseSurveyRound(CloseSurveyRoundRequest request, CallContext context)
    {
        var caller = context.Caller();
        DemandCoordinator(caller, "close survey rounds");
        var roundId = Requests.Id("round_id", request.RoundId, "a survey round");
        var round = await db.Rounds.FirstOrDefaultAsync(r => r.Id == roundId, context.CancellationToken) ?? throw RoundNotFound(request.RoundId);
        if (round.Close(clock.GetUtcNow()))
        {
            var counts = await RateCounts.OfAsync(db, round.Id, context.CancellationToken);
            await outbox.AddAsync(db, round.Id.ToString(), SurveyEvents.Closed(round, counts.Sent, counts.Valid, caller.OrganisationId), cancellationToken: context.CancellationToken);
            await SaveRoundChangeAsync(round, context);
            logger.LogInformation("Survey round {RoundId} closed: {Sent} sent, {Valid} valid", round.Id, counts.Sent, counts.Valid);
        }
        return await RoundMessageAsync(round, context);
    }

    public async Task<GetResponseRateResponse> GetResponseRate(GetResponseRateRequest request, CallContext context)
    {
        DemandCoordinator(context.Caller(), "see response rates");
        var roundId = Requests.Id("round_id", request.RoundId, "a survey round");
        if (!await db.Rounds.AnyAsync(r => r.Id == roundId, context.CancellationToken)) throw RoundNotFound(request.RoundId);
        var response = new GetResponseRateResponse { Total = SurveyMapper.Rate(await RateCounts.OfAsync(db, roundId, context.CancellationToken)) };
        if (request.ByAttribute.Length == 0) return response;
        var invitations = await db.Invitations.AsNoTracking().Where(i => i.RoundId == roundId).Select(i => new { i.Status, i.Attributes }).ToListAsync(context.CancellationToken);
        var groups = invitations
            .SelectMany(i => (i.Attributes.FirstOrDefault(a => a.Key == request.ByAttribute)?.Values is { Length: > 0 } values ? values : [""]).Select(v => (Value: v, i.Status)))
            .GroupBy(p => p.Value, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in groups)
            response.Groups.Add(new GroupResponseRate
            {
                Value = group.Key,
                Label = RespondentAttributes.Label(request.ByAttribute, group.Key),
                Rate = SurveyMapper.Rate(new RateCounts(group.Count(), group.Count(p => p.Status == InvitationStatus.Submitted), group.Count(p => p.Status == InvitationStatus.InProgress))),
            });
        return response;
    }

    public async Task<Response> GetResponse(GetResponseRequest request, CallContext context)
    {
        DemandCoordinator(context.Caller(), "read individual responses");
        var invitationId = Requests.Id("invitation_id", request.InvitationId, "an invitation");
        var invitation = await db.Invitations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == invitationId, context.CancellationToken)
            ?? throw new RpcException(StatusCode.NotFound, $"invitation {request.InvitationId} not found");
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == invitation.RoundId, context.CancellationToken);
        return SurveyMapper.Response(invitation, round);
    }

    public async Task<ListScheduledSurveysResponse> ListScheduledSurveys(ListScheduledSurveysRequest request, CallContext context)
    {
        var caller = context.Caller();
        var (offset, size) = Paging.Read(request.Page);
        var errors = new FieldErrors();
        Requests.FiscalYear(errors, "due_by_fiscal_year", request.DueByFiscalYear, required: false);
        errors.ThrowIfAny();
        var query = db.ScheduledSurveys.AsNoTracking();
        if (request.ProjectId.Length > 0)
        {
            var projectId = Requests.Id("project_id", request.ProjectId, "a project");
            if (!SeesAll(caller)) DemandProject(caller, await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.ProjectId == projectId, context.CancellationToken), request.ProjectId);
            query = query.Where(s => s.ProjectId == projectId);
        }
        else if (!SeesAll(caller))
        {
            var party = $"|{caller.OrganisationId}|";
            var candidates = await db.Projects.AsNoTracking().Where(p => p.PartyIndex.Contains(party)).ToListAsync(context.CancellationToken);
            var own = candidates.Where(p => ProjectAccess.CanRead(caller, p.Parties)).Select(p => p.ProjectId).ToList();
            query = query.Where(s => own.Contains(s.ProjectId));
        }
        if (request.DueByFiscalYear != 0) query = query.Where(s => s.DueFiscalYear <= request.DueByFiscalYear);
        if (request.Status != ScheduleStatus.Unspecified) query = query.Where(s => s.Status == request.Status);
        var total = await query.CountAsync(context.CancellationToken);
        var schedules = await query.OrderBy(s => s.DueFiscalYear).ThenBy(s => s.ProjectId).ThenBy(s => s.OffsetFiscalYears).Skip(offset).Take(size).ToListAsync(context.CancellationToken);
        var projectIds = schedules.Select(s => s.ProjectId).Distinct().ToList();
        var titles = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.ProjectId)).ToDictionaryAsync(p => p.ProjectId, p => p.Title, context.CancellationToken);
        var response = new ListScheduledSurveysResponse { TotalCount = total, NextPageToken = Paging.Next(offset, schedules.Count, total) };
        response.Scheduled.Add(schedules.Select(s => SurveyMapper.ToMessage(s, titles.GetValueOrDefault(s.ProjectId, ""))));
        return response;
    }

    private List<(Invitation Invitation, string Token)> Issue(SurveyRound round, RoundTargets.Resolved targets, DateTimeOffset now)
    {
        var sequence = round.AddTargets(targets.ProjectIds, targets.ClusterIds, targets.Respondents.Count);
        var issued = new List<(Invitation, string)>(targets.Respondents.Count);
        foreach (var respondent in targets.Respondents)
        {
            var token = InvitationTokens.New();
            var invitation = Invitation.Issue(round, sequence++, respondent, InvitationTokens.Hash(token), now);
            db.Invitations.Add(invitation);
            issued.Add((invitation, token));
        }
        return issued;
    }

    private async Task<Questionnaire> StoreAsync(Questionnaire questionnaire, CallContext context)
    {
        var record = QuestionnaireRecord.From(questionnaire, clock.GetUtcNow());
        db.Questionnaires.Add(record);
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException)
        {
            throw new RpcException(StatusCode.Aborted, $"version-conflict: version {questionnaire.Version} of questionnaire {questionnaire.Id} was stored by someone else meanwhile; reload and try again");
        }
        logger.LogInformation("Questionnaire {QuestionnaireId} v{Version} stored with {Questions} questions", questionnaire.Id, questionnaire.Version, questionnaire.Questions.Count);
        return record.ToMessage();
    }

    private async Task SaveRoundChangeAsync(SurveyRound round, CallContext context)
    {
        try
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation(ex, "Concurrent change to survey round {RoundId}", round.Id);
            throw new RpcException(StatusCode.Aborted, "version-conflict: the survey round was changed by someone else meanwhile; reload it and try again");
        }
    }

    private async Task<V1.SurveyRound> RoundMessageAsync(SurveyRound round, CallContext context) =>
        SurveyMapper.ToMessage(round, await RateCounts.OfAsync(db, round.Id, context.CancellationToken));

    private static RpcException RoundNotFound(string roundId) => new(StatusCode.NotFound, $"survey round {roundId} not found");
}
