using Exchange.Contracts.Projects;
using Exchange.Contracts.Surveys;
using Exchange.Messaging.Inbox;
using Exchange.Messaging.Persistence;
using Exchange.Projects.V1;
using Exchange.Rpc;
using Exchange.Surveys.Tests.Infrastructure;
using Exchange.Surveys.V1;
using MassTransit;
using static Exchange.Surveys.Tests.Infrastructure.Samples;

namespace Exchange.Surveys.Tests;

/// <summary>A completed project schedules follow-up surveys at completion and one and two fiscal years later.</summary>
[Collection(SurveysCollection.Name)]
public sealed class FollowUpTests(SurveysFixture fixture)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_completed_project_schedules_its_follow_ups_once_however_often_the_completion_arrives(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var project = await deployment.ActiveProject(HamamatsuJena());
        var completed = await deployment.Projects.Complete(project.Id);

        var scheduled = await Eventually.Poll(() => Schedules(deployment, project.Id), s => s.TotalCount == 3);
        Assert.Equal([(0, 2007), (1, 2008), (2, 2009)], scheduled.Scheduled.Select(s => (s.OffsetFiscalYears, s.DueFiscalYear)));
        Assert.All(scheduled.Scheduled, s => Assert.Equal((ScheduleStatus.Due, "success-factor", "Hamamatsu - Jena optical appliances"), (s.Status, s.QuestionnaireId, s.ProjectTitle)));
        var completedOn = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(completedOn.AddYears(2).Year, scheduled.Scheduled[2].DueOn.Year);
        // Both deployments' Surveys services hear of every completion on the broker: their schedules are told apart by id.
        var ids = scheduled.Scheduled.Select(s => Guid.Parse(s.Id)).ToHashSet();
        var events = await fixture.Events.WaitFor(project.Id, e => e.OfType<FollowUpSurveyScheduled>().Count(s => ids.Contains(s.ScheduleId)) == 3);
        Assert.Equal([0, 1, 2], events.OfType<FollowUpSurveyScheduled>().Where(s => ids.Contains(s.ScheduleId)).Select(e => e.OffsetFiscalYears).Order());

        // The same completion delivered again (same message id: the inbox), and once more as a new message (the schedules' key).
        var again = new ProjectCompleted(Guid.Parse(project.Id), 2007, DateTimeOffset.UtcNow);
        var (redelivered, republished) = (NewId.NextGuid(), NewId.NextGuid());
        await fixture.Events.Bus.Publish(again, c => c.MessageId = redelivered);
        await fixture.Events.Bus.Publish(again, c => c.MessageId = redelivered);
        await fixture.Events.Bus.Publish(again, c => c.MessageId = republished);
        await Eventually.Poll(
            () => deployment.Surveys.InDatabase(db => Task.FromResult(db.Set<InboxMessage>().Count(m => m.MessageId == redelivered || m.MessageId == republished))),
            handled => handled == 2);
        var marker = await deployment.ActiveProject(EastOsakaDalian());
        await deployment.Projects.Complete(marker.Id);
        await Eventually.Poll(() => Schedules(deployment, marker.Id), s => s.TotalCount == 3);
        Assert.Equal(3, (await Schedules(deployment, project.Id)).TotalCount);
        Assert.Equal(3, fixture.Events.For(project.Id).OfType<FollowUpSurveyScheduled>().Count(s => ids.Contains(s.ScheduleId)));
        Assert.Equal(ids, (await Schedules(deployment, project.Id)).Scheduled.Select(s => Guid.Parse(s.Id)).ToHashSet());
        Assert.Equal(ProjectStatus.Completed, completed.Status);
    }

    [Fact]
    public async Task A_round_answers_due_schedules_once_and_partners_see_their_own_projects_schedules()
    {
        var deployment = fixture.On(DatabaseProvider.Sqlite);
        var registration = HamamatsuJena();
        registration.DomesticBody.Id = $"body-{Guid.NewGuid():N}"[..20];
        var project = await deployment.ActiveProject(registration);
        await deployment.Projects.Complete(project.Id);
        var scheduled = await Eventually.Poll(() => Schedules(deployment, project.Id), s => s.TotalCount == 3);
        var atCompletion = scheduled.Scheduled.Single(s => s.OffsetFiscalYears == 0);

        var created = await deployment.Client.CreateRound(new CreateSurveyRoundRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Title = new LocalizedText { En = "Follow-up at completion" },
            QuestionnaireId = "success-factor",
            FiscalYear = 2007,
            ScheduledSurveyIds = { atCompletion.Id },
        });
        Assert.Equal([project.Id], created.Round.ProjectIds);
        Assert.Equal([atCompletion.Id], created.Round.ScheduledSurveyIds);
        Assert.Equal(registration.DomesticBody.Id, created.Invitations.Single().Invitation.Respondent.OrganisationId);
        var opened = (await Schedules(deployment, project.Id)).Scheduled.Single(s => s.OffsetFiscalYears == 0);
        Assert.Equal((ScheduleStatus.RoundOpened, created.Round.Id), (opened.Status, opened.RoundId));

        await deployment.Surveys.Refused(StatusCode.FailedPrecondition, $"schedule-answered-once: scheduled survey {atCompletion.Id}", () => deployment.Client.CreateRound(new CreateSurveyRoundRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Title = new LocalizedText { En = "Again" },
            QuestionnaireId = "success-factor",
            ScheduledSurveyIds = { atCompletion.Id },
        }));

        // The project's own implementation body sees its schedules; due by FY2008 leaves out FY2009.
        var own = await deployment.Client.Scheduled(new ListScheduledSurveysRequest { DueByFiscalYear = 2008 }, Caller.Body(registration.DomesticBody.Id));
        Assert.Equal([0, 1], own.Scheduled.Select(s => s.OffsetFiscalYears));
        var stranger = await deployment.Client.Scheduled(new ListScheduledSurveysRequest(), Caller.Body("someone-else"));
        Assert.DoesNotContain(stranger.Scheduled, s => s.ProjectId == project.Id);
        var hidden = await Assert.ThrowsAsync<RpcException>(() => deployment.Client.Scheduled(new ListScheduledSurveysRequest { ProjectId = project.Id }, Caller.Body("someone-else")));
        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);
    }

    private static Task<ListScheduledSurveysResponse> Schedules(Deployment deployment, string projectId) =>
        deployment.Client.Scheduled(new ListScheduledSurveysRequest { ProjectId = projectId });
}
