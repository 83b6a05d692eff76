using Exchange.Claims.V1;
using Exchange.Cli.Gateway;
using Exchange.Cli.Hosting;
using Exchange.Cli.Input;
using Exchange.Missions.V1;

namespace Exchange.Cli.Demo;

public sealed partial class DemoLoad
{
    private static readonly ClaimStatus[] ClaimOrder =
        [ClaimStatus.Draft, ClaimStatus.Submitted, ClaimStatus.UnderReview, ClaimStatus.Approved, ClaimStatus.Paid];

    private async Task ActivityAsync(DemoActivity demo)
    {
        var client = demo.ByBody ? _body : _coordinator;
        var plan = new PlanActivityRequest
        {
            RequestId = demo.RequestId,
            ProjectId = ProjectId(demo.ProjectKey),
            SupportTool = demo.Tool,
            Title = demo.Title,
            Purpose = demo.Purpose,
            StartDate = DateText.From(demo.Start),
            EndDate = DateText.From(demo.End),
        };
        plan.Places.Add(demo.Places);

        // Meetings are recorded while the activity is confirmed, before it is completed.
        var firstGoal = demo.Meetings.Length > 0 && demo.Goal == ActivityStatus.Completed ? ActivityStatus.Confirmed : demo.Goal;
        var activity = await ActivityLog.LogAsync(client, plan, demo.Roster, firstGoal, cancellationToken);
        foreach (var meeting in demo.Meetings)
        {
            if (activity.Status != ActivityStatus.Confirmed) break;
            if (activity.Meetings.Any(m => m.Topic == meeting.Topic)) continue;
            activity = await client.Call(Api.Missions.RecordMeeting, new RecordMeetingRequest
            {
                ActivityId = activity.Id,
                Counterpart = new OrganisationRef { Name = meeting.Counterpart, Country = meeting.Country, Kind = meeting.Kind },
                Date = DateText.From(meeting.Date),
                Topic = meeting.Topic,
                Result = meeting.Result,
                ExpectedVersion = activity.Version,
            }, cancellationToken);
        }
        if (firstGoal != demo.Goal) activity = await ActivityLog.LogAsync(client, plan, demo.Roster, demo.Goal, cancellationToken);
        if (demo.Outcome is { } outcome && activity.Outcomes.All(o => o.Id != outcome.Id))
        {
            activity = await client.Call(Api.Missions.ReportOutcome, new ReportOutcomeRequest
            {
                ActivityId = activity.Id, OutcomeId = outcome.Id, Kind = outcome.Kind, AchievedOn = DateText.From(outcome.Date), Description = outcome.Description,
            }, cancellationToken);
        }
        Summary.Activities.Add((demo.Title, activity.Status));

        if (demo.ClaimGoal is not { } goal || activity.Status != ActivityStatus.Completed) return;
        var claim = await ClaimAsync(demo, activity, client, goal);
        Summary.Claims.Add((demo.Title, claim.Id, claim.Status));
    }

    private async Task<Claim> ClaimAsync(DemoActivity demo, Activity activity, GatewayClient client, ClaimStatus goal)
    {
        // The Claims service opens the draft when it hears that the activity was completed.
        var claim = await Eventually.FindAsync(async () =>
            (await _coordinator.Call(Api.Claims.List, new ListClaimsRequest { ActivityId = activity.Id }, cancellationToken)).Claims.FirstOrDefault(),
            () => new CliFailure($"no claim was opened for the completed activity {activity.Id} ({demo.Title}): is the Claims service running and connected to the broker?", ExitCodes.Unavailable),
            cancellationToken);
        if (Rank(claim.Status) >= Rank(goal)) return claim;
        var lines = claim.Lines.Count == 0 && demo.Lines is { } write ? write(new DemoClaimLines(claim, demo.Key)).ToList() : null;

        if (goal == ClaimStatus.Draft)
        {
            if (lines is null) return claim;
            var save = new SaveClaimRequest { ClaimId = claim.Id, ExpectedVersion = claim.Version };
            save.Lines.Add(lines);
            return await client.Call(Api.Claims.Save, save, cancellationToken);
        }
        claim = await ClaimWorkflow.SubmitAsync(client, claim.Id, lines, $"demo-submit-{demo.Key}", cancellationToken);
        if (goal == ClaimStatus.Submitted) return claim;
        if (goal == ClaimStatus.UnderReview) return await ClaimWorkflow.StartReviewAsync(_coordinator, claim, cancellationToken);

        // The interpretation of the workshop is paid at a lower day rate: a partial approval.
        var sanctions = demo.Key.Contains("workshop", StringComparison.Ordinal)
            ? claim.Lines.Where(l => l.Category == "interpretation").Select(l => new LineSanction
            {
                LineId = l.Id,
                Sanctioned = new Common.V1.Money { Amount = "60000", Currency = "JPY" },
                Reason = "Interpretation is paid at the programme's day rate of 60000 JPY",
            })
            : [];
        claim = await ClaimWorkflow.ApproveAsync(_coordinator, claim.Id, sanctions, "Checked against the receipts (demo data)", cancellationToken);
        if (goal == ClaimStatus.Approved) return claim;
        var paidOn = demo.End.AddDays(45);
        return await ClaimWorkflow.PayAsync(_coordinator, claim.Id, $"demo-payment-{demo.Key}", DateText.From(paidOn), $"DEMO-{paidOn:yyyyMMdd}", cancellationToken);
    }

    private static int Rank(ClaimStatus status) => status switch
    {
        ClaimStatus.Returned or ClaimStatus.Draft => 0,
        ClaimStatus.Resubmitted => 1,
        ClaimStatus.Rejected => int.MaxValue,
        _ => Array.IndexOf(ClaimOrder, status),
    };
}
