using Exchange.Contracts.Surveys;
using Exchange.Messaging.Persistence;
using Exchange.Surveys.Tests.Infrastructure;
using Exchange.Surveys.V1;
using static Exchange.Surveys.Tests.Infrastructure.Samples;

namespace Exchange.Surveys.Tests;

/// <summary>
/// A success-factor round from invitation to analysis, on real databases and RabbitMQ, with the
/// Projects service supplying the projects' sector, bureau and countries through its events.
/// Every figure is checked against values computed by hand from the answers below.
/// </summary>
[Collection(SurveysCollection.Name)]
public sealed class RoundTests(SurveysFixture fixture)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_round_goes_from_invitations_through_responses_to_cross_tabs_two_way_tables_and_scores(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var respondent = deployment.Respondent;
        var hamamatsu = await deployment.ActiveProject(HamamatsuJena());
        var osaka = await deployment.ActiveProject(EastOsakaDalian());
        var fukuoka = await deployment.ActiveProject(FukuokaSoftware());

        // Hamamatsu and Fukuoka name three key persons each; East Osaka's implementation body is invited by default.
        var created = await client.CreateRound(new CreateSurveyRoundRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Title = new LocalizedText { En = "Success factors FY2007", Ja = "成功要因調査 2007年度" },
            QuestionnaireId = "success-factor",
            FiscalYear = 2007,
            Projects =
            {
                new ProjectTarget { ProjectId = hamamatsu.Id, Respondents = { Person("Aiko Suzuki"), Person("Hiro Tanaka"), Person("Mari Ito") } },
                new ProjectTarget { ProjectId = osaka.Id },
                new ProjectTarget { ProjectId = fukuoka.Id, Respondents = { Person("Ken Mori"), Person("Yui Abe"), Person("Sho Kato") } },
            },
        });
        var round = created.Round;
        Assert.Equal(7, created.Invitations.Count);
        Assert.Equal(RoundStatus.Open, round.Status);
        Assert.Equal(1, round.QuestionnaireVersion);
        Assert.All(created.Invitations, i => Assert.Equal(43, i.Token.Length));
        Assert.Equal(7, created.Invitations.Select(i => i.Token).Distinct().Count());
        var osakaInvitation = created.Invitations.Single(i => i.Invitation.ProjectId == osaka.Id);
        Assert.Equal(("higashiosaka-city", "implementation body"), (osakaInvitation.Invitation.Respondent.OrganisationId, osakaInvitation.Invitation.Respondent.Role));
        var fukuokaAttributes = created.Invitations.First(i => i.Invitation.ProjectId == fukuoka.Id).Invitation.Attributes.ToDictionary(a => a.Key, a => a.Values.ToList());
        Assert.Equal(["It"], fukuokaAttributes["sector"]);
        Assert.Equal(["Kyushu"], fukuokaAttributes["bureau"]);
        Assert.Equal(["CN", "US"], fukuokaAttributes["country"]);
        Assert.Equal(["NotYet"], fukuokaAttributes["achievement_timing"]);
        string Token(string projectId, int n) => created.Invitations.Where(i => i.Invitation.ProjectId == projectId).ElementAt(n).Token;

        // The respondent opens the invitation with the token alone and sees both languages.
        var view = await respondent.Open(Token(hamamatsu.Id, 0));
        Assert.Equal("成功要因調査 2007年度", view.RoundTitle.Ja);
        Assert.Equal("success-factor", view.Questionnaire.Id);
        Assert.Equal("国際連携に取り組んだ理由は何ですか。", view.Questionnaire.Questions.Single(q => q.Id == "reasons").Text.Ja);
        Assert.Equal(InvitationStatus.Sent, view.Response.Status);

        // Saved in two steps, resumed later, then submitted with the rest.
        var partial = SuccessFactors("sufficiently", "during", ["communication", "fundraising"], Scale("sp-global-perspective", 5));
        await respondent.Save(Token(hamamatsu.Id, 0), [.. partial.Take(4)]);
        var saved = await respondent.Save(Token(hamamatsu.Id, 0), [.. partial.Skip(4).Take(3)]);
        Assert.Equal(InvitationStatus.InProgress, saved.Status);
        Assert.Equal(7, (await respondent.Open(Token(hamamatsu.Id, 0))).Response.Answers.Count);
        await respondent.Submit(Token(hamamatsu.Id, 0), [.. partial.Skip(7)]);

        // The other answers (hand-computed tables below):
        //            contribution    first      obstacles                    countries
        // Hamamatsu1 sufficiently    during     communication, fundraising   DE
        // Hamamatsu2 sufficiently    during     communication                DE
        // Hamamatsu3 to-an-extent    after      fundraising, publicity       DE
        // Osaka      hard-to-tell    not-yet    communication, momentum      CN
        // Fukuoka1   to-an-extent    after      none                         CN, US
        // Fukuoka2   to-an-extent    during     communication                CN, US
        // Fukuoka3   (saved only, never submitted)
        await respondent.Submit(Token(hamamatsu.Id, 1), SuccessFactors("sufficiently", "during", ["communication"], Scale("sp-global-perspective", 4)));
        await respondent.Submit(Token(hamamatsu.Id, 2), SuccessFactors("to-an-extent", "after", ["fundraising", "publicity"], Scale("sp-global-perspective", 3)));
        await respondent.Submit(osakaInvitation.Token, SuccessFactors("hard-to-tell", "not-yet", ["momentum", "communication"], Scale("sp-global-perspective", 1)));
        await respondent.Submit(Token(fukuoka.Id, 0), SuccessFactors("to-an-extent", "after", ["none"], Scale("sp-global-perspective", 4)));
        await respondent.Submit(Token(fukuoka.Id, 1), SuccessFactors("to-an-extent", "during", ["communication"], Scale("sp-global-perspective", 2)));
        await respondent.Save(Token(fukuoka.Id, 2), Options("reasons", "other"));

        // The live response rate: 7 sent, 6 valid, 85.7 % (6 / 7 = 0.857142...), one in progress.
        var rate = (await client.GetRound(round.Id)).ResponseRate;
        Assert.Equal((7, 6, 85.7, 1), (rate.Sent, rate.Valid, rate.RatePercent, rate.InProgress));
        Assert.Equal("7 sent, 6 valid, 85.7 %", rate.Line);
        var bySector = await client.ResponseRate(round.Id, "sector");
        Assert.Equal([("MetalMechanical", 4, 4, 100.0), ("It", 3, 2, 66.7)],
            bySector.Groups.OrderByDescending(g => g.Value).Select(g => (g.Value, g.Rate.Sent, g.Rate.Valid, g.Rate.RatePercent)));

        // Obstacles by sector, a multiple-answer question: the base is the sector's respondents.
        var obstacles = await client.CrossTab(new CrossTabulateRequest { Selection = SurveysClient.Rounds(round.Id), QuestionId = "obstacles", ByAttribute = "sector" });
        Assert.Equal(["It", "MetalMechanical"], obstacles.Columns.Select(c => c.Value));
        Assert.Equal(["IT industry", "Metal and mechanical processing"], obstacles.Columns.Select(c => c.Label));
        Assert.Equal([2, 4], obstacles.Columns.Select(c => c.Respondents));
        Assert.Equal((6, 0), (obstacles.Respondents, obstacles.NotAnswered));
        TableCell Cell(CrossTab table, string option, int column) => table.Rows.Single(r => r.Value == option).Cells[column];
        TableCell Total(CrossTab table, string option) => table.Rows.Single(r => r.Value == option).Total;
        // Metal: communication 3 of 4 = 75.0 % (over 66 %), fundraising 2 of 4 = 50.0 % (50-66 %), publicity 1 of 4 = 25.0 % (none).
        Assert.Equal((3, 75.0, Band.Over66), (Cell(obstacles, "communication", 1).Count, Cell(obstacles, "communication", 1).ColumnSharePercent, Cell(obstacles, "communication", 1).Band));
        Assert.Equal((2, 50.0, Band._50To66), (Cell(obstacles, "fundraising", 1).Count, Cell(obstacles, "fundraising", 1).ColumnSharePercent, Cell(obstacles, "fundraising", 1).Band));
        Assert.Equal((1, 25.0, Band.None), (Cell(obstacles, "publicity", 1).Count, Cell(obstacles, "publicity", 1).ColumnSharePercent, Cell(obstacles, "publicity", 1).Band));
        // IT: none 1 of 2 and communication 1 of 2 = 50.0 %.
        Assert.Equal((1, 50.0, Band._50To66), (Cell(obstacles, "none", 0).Count, Cell(obstacles, "none", 0).ColumnSharePercent, Cell(obstacles, "none", 0).Band));
        // Everyone: communication 4 of 6 = 66.7 % (over 66 %), fundraising 2 of 6 = 33.3 % (33-50 %).
        Assert.Equal((4, 66.7, Band.Over66), (Total(obstacles, "communication").Count, Total(obstacles, "communication").ColumnSharePercent, Total(obstacles, "communication").Band));
        Assert.Equal((2, 33.3, Band._33To50), (Total(obstacles, "fundraising").Count, Total(obstacles, "fundraising").ColumnSharePercent, Total(obstacles, "fundraising").Band));
        Assert.Contains("communication,Communication with the counterpart,1,50.0,50-66%,3,75.0,over 66%,4,66.7,over 66%", obstacles.Csv, StringComparison.Ordinal);

        // First achievement by country: Fukuoka's respondents count under both China and the USA.
        var byCountry = await client.CrossTab(new CrossTabulateRequest { Selection = SurveysClient.Rounds(round.Id), QuestionId = "first-achievement", ByAttribute = "country" });
        Assert.Equal([("CN", 3), ("DE", 3), ("US", 2)], byCountry.Columns.Select(c => (c.Value, c.Respondents)));
        Assert.Equal([33.3, 66.7, 50.0], byCountry.Rows.Single(r => r.Value == "during").Cells.Select(c => c.ColumnSharePercent));
        Assert.Equal([Band._33To50, Band.Over66, Band._50To66], byCountry.Rows.Single(r => r.Value == "during").Cells.Select(c => c.Band));
        Assert.Equal([1, 0, 0], byCountry.Rows.Single(r => r.Value == "not-yet").Cells.Select(c => c.Count));

        // Contribution against first achievement: [[2, 0, 0], [1, 2, 0], [0, 0, 1]], n = 6.
        var twoWay = await client.TwoWay(new GetTwoWayTableRequest { Selection = SurveysClient.Rounds(round.Id), RowQuestionId = "body-contribution", ColumnQuestionId = "first-achievement" });
        Assert.Equal(6, twoWay.Respondents);
        Assert.Equal([2, 0, 0, 1, 2, 0, 0, 0, 1], twoWay.Rows.SelectMany(r => r.Cells.Select(c => c.Count)));
        Assert.Equal([2, 3, 1], twoWay.Rows.Select(r => r.Respondents));
        Assert.Equal([3, 2, 1], twoWay.Columns.Select(c => c.Respondents));
        var extent = twoWay.Rows.Single(r => r.Value == "to-an-extent");
        Assert.Equal((33.3, 33.3), (extent.Cells[0].RowSharePercent, extent.Cells[0].ColumnSharePercent));
        Assert.Equal((66.7, 100.0), (extent.Cells[1].RowSharePercent, extent.Cells[1].ColumnSharePercent));
        // Expected = row x column / 6; the statistic adds (O - E)² / E over the nine cells = 26/3, df = 4,
        // and for df = 4 the p-value is e^(-x/2) (1 + x/2).
        int[] rows = [2, 3, 1], columns = [3, 2, 1], observed = [2, 0, 0, 1, 2, 0, 0, 0, 1];
        var statistic = Enumerable.Range(0, 9).Sum(k =>
        {
            var expected = rows[k / 3] * columns[k % 3] / 6.0;
            return (observed[k] - expected) * (observed[k] - expected) / expected;
        });
        Assert.Equal(26.0 / 3, statistic, 12);
        Assert.True(twoWay.ChiSquare.Applicable);
        Assert.Equal(statistic, twoWay.ChiSquare.Statistic, 9);
        Assert.Equal(4, twoWay.ChiSquare.DegreesOfFreedom);
        Assert.Equal(Math.Exp(-statistic / 2) * (1 + statistic / 2), twoWay.ChiSquare.PValue, 9);
        Assert.Equal(9, twoWay.ChiSquare.CellsExpectedBelowFive);
        Assert.Equal(1.5, extent.Cells[0].Expected, 9);

        // Success points. Global perspective: sp-global-perspective (1..5 -> 0..100) and advance-preparation
        // (not answered here). Hamamatsu 100, 75, 50 -> 75; Osaka 0; Fukuoka 75, 25 -> 50; programme (75 + 0 + 50) / 3.
        // Regional measures: sp-regional-measures (3 -> 50 each) and body-contribution (100 / 50 / 0):
        // Hamamatsu (50 x 3 + 100 + 100 + 50) / 6 = 66.67; Osaka (50 + 0) / 2 = 25; Fukuoka (50 x 2 + 50 x 2) / 4 = 50.
        var points = await client.SuccessPoints(new GetSuccessPointScoresRequest { Selection = SurveysClient.Rounds(round.Id) });
        Assert.Equal(3, points.ProjectCount);
        SuccessPointScore Score(string projectId, SuccessPoint point) => points.Projects.Single(p => p.ProjectId == projectId).Points.Single(s => s.Point == point);
        Assert.Equal(75.0, Score(hamamatsu.Id, SuccessPoint.GlobalPerspective).Score, 9);
        Assert.Equal(0.0, Score(osaka.Id, SuccessPoint.GlobalPerspective).Score, 9);
        Assert.Equal(50.0, Score(fukuoka.Id, SuccessPoint.GlobalPerspective).Score, 9);
        Assert.Equal(125.0 / 3, Score(hamamatsu.Id, SuccessPoint.GlobalPerspective).ProgrammeAverage, 9);
        Assert.Equal(75.0 - 125.0 / 3, Score(hamamatsu.Id, SuccessPoint.GlobalPerspective).Difference, 9);
        Assert.Equal(400.0 / 6, Score(hamamatsu.Id, SuccessPoint.RegionalMeasures).Score, 9);
        Assert.Equal(25.0, Score(osaka.Id, SuccessPoint.RegionalMeasures).Score, 9);
        Assert.Equal((400.0 / 6 + 25 + 50) / 3, points.Programme.Single(p => p.Point == SuccessPoint.RegionalMeasures).Score, 9);
        Assert.Equal(3, points.Projects.Single(p => p.ProjectId == hamamatsu.Id).Respondents);
        Assert.Equal("Hamamatsu - Jena optical appliances", points.Projects.Single(p => p.ProjectId == hamamatsu.Id).ProjectTitle);

        // Closing reports the final rate; the export has every submitted response, and nothing more can be answered.
        var closed = await client.Close(round.Id);
        Assert.Equal(RoundStatus.Closed, closed.Status);
        var csv = (await client.Export(new ExportResponsesRequest { Selection = SurveysClient.Rounds(round.Id) })).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, csv.Length);
        Assert.StartsWith("invitation_id,round_id,sequence,status,submitted_at,respondent,organisation_id,organisation_name,role,achievement_timing,bureau,country,", csv[0], StringComparison.Ordinal);
        Assert.Contains(csv, line => line.Contains("Ken Mori", StringComparison.Ordinal) && line.Contains("CN|US", StringComparison.Ordinal) && line.Contains(",none,", StringComparison.Ordinal));
        Assert.DoesNotContain(csv, line => line.Contains("@example.org", StringComparison.Ordinal));
        var refusal = await Assert.ThrowsAsync<Exchange.Rpc.RpcException>(() => respondent.Submit(Token(fukuoka.Id, 2), SuccessFactors("sufficiently", "during", ["none"])));
        Assert.Equal(Exchange.Rpc.StatusCode.FailedPrecondition, refusal.StatusCode);
        Assert.StartsWith("round-open:", refusal.Status.Detail, StringComparison.Ordinal);

        // Events: opened, seven invitations, six responses, closed with 6 of 7.
        var events = await fixture.Events.WaitFor(round.Id, e => e.OfType<SurveyRoundClosed>().Any() && e.OfType<SurveyResponseSubmitted>().Count() == 6);
        var opened = events.OfType<SurveyRoundOpened>().Single();
        Assert.Equal(("success-factor", 1, "SuccessFactor", 7), (opened.QuestionnaireId, opened.QuestionnaireVersion, opened.Purpose, opened.InvitationCount));
        Assert.Equal(7, events.OfType<SurveyInvitationSent>().Count());
        Assert.All(events.OfType<SurveyInvitationSent>(), e => Assert.Equal(0, e.Reminder));
        var closedEvent = events.OfType<SurveyRoundClosed>().Single();
        Assert.Equal((7, 6, 85.7m), (closedEvent.Sent, closedEvent.Valid, closedEvent.RatePercent));
        Assert.Equal(6, events.OfType<SurveyResponseSubmitted>().Max(e => e.Valid));
    }

    [Fact]
    public async Task Reminders_go_to_those_who_have_not_submitted_and_reissued_tokens_replace_the_old_ones()
    {
        var deployment = fixture.On(DatabaseProvider.Sqlite);
        var project = await deployment.ActiveProject(HamamatsuJena());
        var created = await deployment.Client.CreateRound(new CreateSurveyRoundRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Title = new LocalizedText { En = "Reminders" },
            QuestionnaireId = "success-factor",
            Projects = { new ProjectTarget { ProjectId = project.Id, Respondents = { Person("Aiko Suzuki"), Person("Hiro Tanaka"), Person("Mari Ito") } } },
        });
        var tokens = created.Invitations.Select(i => i.Token).ToArray();
        await deployment.Respondent.Submit(tokens[0], SuccessFactors("sufficiently", "during", ["none"]));
        await deployment.Respondent.Save(tokens[1], Options("reasons", "other"));

        var first = await deployment.Client.Remind(created.Round.Id);
        Assert.Equal(["Hiro Tanaka", "Mari Ito"], first.Reminded.Select(r => r.Invitation.Respondent.Name));
        Assert.All(first.Reminded, r => Assert.Equal("", r.Token));
        Assert.Equal("3 sent, 1 valid, 33.3 %", first.ResponseRate.Line);

        var second = await deployment.Client.Remind(created.Round.Id, reissueTokens: true);
        Assert.All(second.Reminded, r => Assert.Equal(2, r.Invitation.RemindersSent));
        var newToken = second.Reminded.Single(r => r.Invitation.Respondent.Name == "Hiro Tanaka").Token;
        var gone = await Assert.ThrowsAsync<Exchange.Rpc.RpcException>(() => deployment.Respondent.Open(tokens[1]));
        Assert.Equal(Exchange.Rpc.StatusCode.NotFound, gone.StatusCode);
        // The saved answers stay with the invitation, reachable by the new token.
        Assert.Equal("other", (await deployment.Respondent.Open(newToken)).Response.Answers.Single().OptionIds.Single());

        var events = await fixture.Events.WaitFor(created.Round.Id, e => e.OfType<SurveyInvitationSent>().Count(s => s.Reminder == 2) == 2);
        Assert.Equal(2, events.OfType<SurveyInvitationSent>().Count(s => s.Reminder == 1 && !s.TokenReissued));
        Assert.All(events.OfType<SurveyInvitationSent>().Where(s => s.Reminder == 2), s => Assert.True(s.TokenReissued));
    }
}
