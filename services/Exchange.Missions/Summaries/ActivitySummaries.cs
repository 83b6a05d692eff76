using System.Globalization;
using Exchange.Missions.Model;
using Exchange.Missions.V1;
using Activity = Exchange.Missions.Model.Activity;

namespace Exchange.Missions.Summaries;

/// <summary>
/// The programme's counts of exchange activities ("dispatching specialist research 1 time;
/// inviting specialists and leading companies to Japan 3 times (11 persons)"). What was done
/// counts: completed activities, their people and their meetings. Planned and confirmed
/// activities are counted as open, cancelled ones apart.
/// </summary>
public static class ActivitySummaries
{
    public const string InvitationsToJapan = "Invitations to Japan";
    public const string DispatchesOverseas = "Dispatches overseas";

    public static ProjectSummary ForProject(Guid projectId, string title, int fiscalYear, IReadOnlyCollection<Activity> activities)
    {
        var completed = activities.Where(a => a.Status == ActivityStatus.Completed).ToList();
        var summary = new ProjectSummary
        {
            ProjectId = projectId == Guid.Empty ? "" : projectId.ToString(),
            ProjectTitle = title,
            FiscalYear = fiscalYear,
            CompletedActivities = completed.Count,
            OpenActivities = activities.Count(a => a.Status is ActivityStatus.Planned or ActivityStatus.Confirmed),
            CancelledActivities = activities.Count(a => a.Status == ActivityStatus.Cancelled),
            FundedPersons = completed.Sum(a => a.FundedPersons),
            PrivateExpensePersons = completed.Sum(a => a.PrivateExpensePersons),
            MeetingCount = completed.Sum(a => a.Meetings.Count),
            OutcomeCount = activities.Sum(a => a.Outcomes.Count),
            InvitationsToJapan = Count(InvitationsToJapan, SupportTool.Unspecified, completed.Where(a => SupportTools.IsInvitation(a.SupportTool))),
            DispatchesOverseas = Count(DispatchesOverseas, SupportTool.Unspecified, completed.Where(a => SupportTools.IsDispatch(a.SupportTool))),
        };
        foreach (var tool in SupportTools.All)
        {
            var ofTool = completed.Where(a => a.SupportTool == tool).ToList();
            if (ofTool.Count > 0) summary.BySupportTool.Add(Count(SupportTools.Label(tool), tool, ofTool));
        }
        summary.MeetingsByResult.AddRange(completed.SelectMany(a => a.Meetings)
            .GroupBy(m => m.Result)
            .OrderByDescending(g => g.Key)
            .Select(g => new MeetingResultCount { Result = g.Key, Count = g.Count() }));

        summary.Lines.AddRange(summary.BySupportTool.Select(c => c.Line));
        if (summary.InvitationsToJapan.Times > 0) summary.Lines.Add(summary.InvitationsToJapan.Line);
        if (summary.DispatchesOverseas.Times > 0) summary.Lines.Add(summary.DispatchesOverseas.Line);
        summary.Lines.Add(MeetingsLine(summary));
        summary.Lines.Add($"Outcomes reported: {summary.OutcomeCount.ToString(CultureInfo.InvariantCulture)}");
        return summary;
    }

    /// <summary>The programme's fiscal year: a total over every project, then each project with activities.</summary>
    public static ProgrammeSummary ForProgramme(int fiscalYear, IReadOnlyCollection<Activity> activities, IReadOnlyDictionary<Guid, string> titles)
    {
        var summary = new ProgrammeSummary
        {
            FiscalYear = fiscalYear,
            ProjectCount = activities.Select(a => a.ProjectId).Distinct().Count(),
            Total = ForProject(Guid.Empty, "All projects", fiscalYear, activities),
        };
        summary.Projects.AddRange(activities
            .GroupBy(a => a.ProjectId)
            .Select(g => ForProject(g.Key, titles.GetValueOrDefault(g.Key, ""), fiscalYear, g.ToList()))
            .OrderBy(p => p.ProjectTitle, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.ProjectId, StringComparer.Ordinal));
        return summary;
    }

    private static ActivityCount Count(string label, SupportTool tool, IEnumerable<Activity> activities)
    {
        var list = activities.ToList();
        var count = new ActivityCount
        {
            SupportTool = tool,
            Label = label,
            Times = list.Count,
            FundedPersons = list.Sum(a => a.FundedPersons),
            PrivateExpensePersons = list.Sum(a => a.PrivateExpensePersons),
        };
        count.Persons = count.FundedPersons + count.PrivateExpensePersons;
        count.Line = $"{label}: {Plural(count.Times, "time")}, {Plural(count.Persons, "person")} " +
            $"({count.FundedPersons.ToString(CultureInfo.InvariantCulture)} funded, {count.PrivateExpensePersons.ToString(CultureInfo.InvariantCulture)} at private expense)";
        return count;
    }

    private static string MeetingsLine(ProjectSummary summary)
    {
        var line = $"Business meetings: {summary.MeetingCount.ToString(CultureInfo.InvariantCulture)}";
        if (summary.MeetingsByResult.Count == 0) return line;
        return line + " (" + string.Join(", ", summary.MeetingsByResult.Select(r => $"{Describe(r.Result)} {r.Count.ToString(CultureInfo.InvariantCulture)}")) + ")";
    }

    private static string Describe(MeetingResult result) => result switch
    {
        MeetingResult.InformationExchange => "information exchange",
        MeetingResult.FollowUpAgreed => "follow-up agreed",
        MeetingResult.Negotiation => "negotiation",
        MeetingResult.Contract => "contract",
        _ => result.ToString(),
    };

    private static string Plural(int count, string noun) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? "" : "s")}";
}
