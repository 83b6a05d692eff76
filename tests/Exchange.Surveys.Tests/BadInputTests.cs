using Exchange.Messaging.Persistence;
using Exchange.Rpc;
using Exchange.Surveys.Tests.Infrastructure;
using Exchange.Surveys.V1;
using static Exchange.Surveys.Tests.Infrastructure.Samples;

namespace Exchange.Surveys.Tests;

/// <summary>
/// What a respondent can get wrong: each refused with a clear error naming the question, and
/// nothing stored, overwritten or published.
/// </summary>
[Collection(SurveysCollection.Name)]
public sealed class BadInputTests(SurveysFixture fixture)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Bad_answers_are_refused_naming_the_question_and_change_nothing(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var surveys = deployment.Surveys;
        var respondent = deployment.Respondent;
        var (token, otherToken) = await TwoInvitations(deployment);
        await respondent.Save(token, Options("reasons", "overseas-market"));

        // An option the version does not have.
        await surveys.Refused(StatusCode.InvalidArgument, "answers[reasons]: option 'bribes' is not an option of question reasons in success-factor v1",
            () => respondent.Save(token, Options("reasons", "bribes")));
        // A scale value out of range, on save and on submission.
        await surveys.Refused(StatusCode.InvalidArgument, "answers[sp-networks]: 6 is outside the scale of question sp-networks (1 to 5)",
            () => respondent.Save(token, Scale("sp-networks", 6)));
        await surveys.Refused(StatusCode.InvalidArgument, "answers[sp-networks]: 0 is outside the scale of question sp-networks (1 to 5)",
            () => respondent.Submit(token, SuccessFactors("sufficiently", "during", ["none"], Scale("sp-networks", 0))));
        // A question the questionnaire does not have.
        await surveys.Refused(StatusCode.InvalidArgument, "answers[q99]: question q99 is not a question of success-factor v1",
            () => respondent.Save(token, Scale("q99", 3)));
        // A missing required answer, named: the achievements are required once an achievement came.
        var missing = SuccessFactors("sufficiently", "during", ["none"]).Where(a => a.QuestionId is not ("achievement-kinds" or "sp-flexibility")).ToArray();
        var refusal = await surveys.Refused(StatusCode.InvalidArgument, "answers[achievement-kinds]: question achievement-kinds is required",
            () => respondent.Submit(token, missing));
        Assert.Contains("answers[sp-flexibility]: question sp-flexibility is required", refusal.Status.Detail, StringComparison.Ordinal);
        // ... and not asked when none came: an answer to it is refused, its absence is fine.
        await surveys.Refused(StatusCode.InvalidArgument, "answers[achievement-kinds]: question achievement-kinds is not asked",
            () => respondent.Submit(token, SuccessFactors("sufficiently", "not-yet", ["none"], Options("achievement-kinds", "trade-fair"))));
        // An unknown token, a malformed one, and none.
        await surveys.Refused(StatusCode.NotFound, "no invitation has this token", () => respondent.Submit(new string('A', 43), SuccessFactors("sufficiently", "during", ["none"])));
        await surveys.Refused(StatusCode.NotFound, "no invitation has this token", () => respondent.Open("not-a-token"));
        await surveys.Refused(StatusCode.InvalidArgument, "token: is required", () => respondent.Save(""));

        // What was saved before is still there, untouched.
        var view = await respondent.Open(token);
        Assert.Equal((InvitationStatus.InProgress, "reasons", "overseas-market"), (view.Response.Status, view.Response.Answers.Single().QuestionId, view.Response.Answers.Single().OptionIds.Single()));

        // A second, different submission on a used token; saving after submission.
        var receipt = await respondent.Submit(token, SuccessFactors("sufficiently", "not-yet", ["none"]));
        await surveys.Refused(StatusCode.FailedPrecondition, "submitted-once: the response of invitation",
            () => respondent.Submit(token, SuccessFactors("hard-to-tell", "not-yet", ["none"])));
        await surveys.Refused(StatusCode.FailedPrecondition, "submitted-once:", () => respondent.Save(token, Options("reasons", "other")));
        await surveys.Refused(StatusCode.FailedPrecondition, "submitted-once:", () => respondent.Submit(token, Options("reasons", "bribes")));
        var stored = await deployment.Client.GetResponse(receipt.InvitationId);
        Assert.Equal("sufficiently", stored.Answers.Single(a => a.QuestionId == "body-contribution").OptionIds.Single());
        Assert.Equal(InvitationStatus.Sent, (await respondent.Open(otherToken)).Response.Status);
    }

    [Fact]
    public async Task The_same_submission_retried_answers_the_same_receipt_and_counts_once()
    {
        var deployment = fixture.On(DatabaseProvider.Sqlite);
        var (token, _) = await TwoInvitations(deployment);
        var answers = SuccessFactors("to-an-extent", "after", ["publicity", "communication"]);

        var first = await deployment.Respondent.Submit(token, answers);
        var before = await deployment.Surveys.Stored();
        // The same answers in another order, and an empty retry (the submitted answers stand), are the same submission.
        var again = await deployment.Respondent.Submit(token, [.. answers.Reverse()]);
        var empty = await deployment.Respondent.Submit(token);

        Assert.Equal(first, again);
        Assert.Equal(first, empty);
        Assert.Equal(before, await deployment.Surveys.Stored());
        Assert.Equal(1, (await deployment.Client.GetRound(first.RoundId)).ResponseRate.Valid);
    }

    [Fact]
    public async Task Concurrent_identical_submissions_store_one_response()
    {
        var deployment = fixture.On(DatabaseProvider.PostgreSql);
        var (token, _) = await TwoInvitations(deployment);
        var answers = SuccessFactors("sufficiently", "during", ["momentum"]);

        var receipts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => deployment.Respondent.Submit(token, answers)));

        Assert.Single(receipts.Distinct());
        Assert.Equal(1, (await deployment.Client.GetRound(receipts[0].RoundId)).ResponseRate.Valid);
        var submitted = await deployment.Surveys.InDatabase(db => Task.FromResult(db.Set<Exchange.Messaging.Outbox.OutboxMessage>()
            .Count(m => m.StreamKey == receipts[0].RoundId && m.MessageType.Contains("SurveyResponseSubmitted"))));
        Assert.Equal(1, submitted);
    }

    [Fact]
    public async Task Bad_round_requests_name_every_bad_field()
    {
        var deployment = fixture.On(DatabaseProvider.Sqlite);
        var refusal = await deployment.Surveys.Refused(StatusCode.InvalidArgument, "request_id: is required", () => deployment.Client.CreateRound(new CreateSurveyRoundRequest
        {
            QuestionnaireId = "Success Factor",
            FiscalYear = 1800,
            Projects = { new ProjectTarget { ProjectId = "suwa", Respondents = { new Respondent { Attributes = { new RespondentAttribute { Key = "sector", Values = { "Food" } } } } } } },
            Clusters = { new ClusterTarget { ClusterId = "X" } },
        }));
        foreach (var field in new[] { "title.en: is required", "questionnaire_id: 'Success Factor' must be", "fiscal_year: 1800 is not a fiscal year",
            "projects[0].project_id: 'suwa' is not the id of a project", "projects[0].respondents[0].name: is required",
            "projects[0].respondents[0].attributes[0].key: 'sector' is set by the service", "clusters[0].cluster_id: must be", "clusters[0].members: a cluster needs" })
            Assert.Contains(field, refusal.Status.Detail, StringComparison.Ordinal);

        await deployment.Surveys.Refused(StatusCode.NotFound, $"project {Guid.Empty} not found", () => deployment.Client.CreateRound(new CreateSurveyRoundRequest
        {
            RequestId = "unknown-project",
            Title = new LocalizedText { En = "Unknown" },
            QuestionnaireId = "success-factor",
            Projects = { new ProjectTarget { ProjectId = Guid.Empty.ToString() } },
        }));
        var project = await deployment.ActiveProject(HamamatsuJena());
        await deployment.Surveys.Refused(StatusCode.FailedPrecondition, "targets-match-purpose: cluster-evaluation evaluates clusters", () => deployment.Client.CreateRound(new CreateSurveyRoundRequest
        {
            RequestId = "wrong-purpose",
            Title = new LocalizedText { En = "Wrong" },
            QuestionnaireId = "cluster-evaluation",
            Projects = { new ProjectTarget { ProjectId = project.Id } },
        }));
        await deployment.Surveys.Refused(StatusCode.NotFound, "questionnaire no-such-survey not found", () => deployment.Client.CreateRound(new CreateSurveyRoundRequest
        {
            RequestId = "no-questionnaire",
            Title = new LocalizedText { En = "None" },
            QuestionnaireId = "no-such-survey",
            Projects = { new ProjectTarget { ProjectId = project.Id } },
        }));
    }

    [Fact]
    public async Task Analyses_refuse_what_they_cannot_count()
    {
        var deployment = fixture.On(DatabaseProvider.Sqlite);
        var (token, _) = await TwoInvitations(deployment);
        var roundId = (await deployment.Respondent.Open(token)).Response.RoundId;
        var selection = SurveysClient.Rounds(roundId);

        async Task<string> Refusal(Func<Task> call) => (await Assert.ThrowsAsync<RpcException>(call)).Status.Detail;
        Assert.Equal("question_id: question comments is a FreeText question: tables count choice and scale answers",
            await Refusal(() => deployment.Client.CrossTab(new CrossTabulateRequest { Selection = selection, QuestionId = "comments" })));
        Assert.Equal("question_id: question companies-involved is a Number question: tables count choice and scale answers",
            await Refusal(() => deployment.Client.CrossTab(new CrossTabulateRequest { Selection = selection, QuestionId = "companies-involved" })));
        Assert.Equal("question_id: 'q1' is not a question of success-factor",
            await Refusal(() => deployment.Client.CrossTab(new CrossTabulateRequest { Selection = selection, QuestionId = "q1" })));
        Assert.StartsWith("by_attribute: no respondent of the selection has the attribute 'galaxy'",
            await Refusal(() => deployment.Client.CrossTab(new CrossTabulateRequest { Selection = selection, QuestionId = "reasons", ByAttribute = "galaxy" })), StringComparison.Ordinal);
        Assert.Equal("selection.round_ids: at least one survey round is required",
            await Refusal(() => deployment.Client.CrossTab(new CrossTabulateRequest { QuestionId = "reasons" })));
        Assert.StartsWith("survey round 00000000-0000-0000-0000-000000000000 not found",
            await Refusal(() => deployment.Client.CrossTab(new CrossTabulateRequest { Selection = SurveysClient.Rounds(Guid.Empty.ToString()), QuestionId = "reasons" })), StringComparison.Ordinal);
    }

    private static async Task<(string Token, string Other)> TwoInvitations(Deployment deployment)
    {
        var project = await deployment.ActiveProject(HamamatsuJena());
        var created = await deployment.Client.CreateRound(new CreateSurveyRoundRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Title = new LocalizedText { En = "Bad input" },
            QuestionnaireId = "success-factor",
            Projects = { new ProjectTarget { ProjectId = project.Id, Respondents = { Person("Aiko Suzuki"), Person("Hiro Tanaka") } } },
        });
        return (created.Invitations[0].Token, created.Invitations[1].Token);
    }
}
