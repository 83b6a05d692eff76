using Exchange.Missions.V1;

namespace Exchange.Cli.Gateway;

/// <summary>
/// Logs an activity with its roster and takes it as far as asked (confirmed, completed), so that
/// running the same log again changes nothing: planning is idempotent on the request id, people
/// already on the roster are not added twice, and a step already taken is not taken again.
/// </summary>
public static class ActivityLog
{
    public static async Task<Activity> LogAsync(GatewayClient gateway, PlanActivityRequest plan, IEnumerable<PersonInput> roster,
        ActivityStatus goal, CancellationToken cancellationToken, Action<string>? progress = null)
    {
        var activity = await gateway.Call(Api.Missions.Plan, plan, cancellationToken);
        foreach (var person in roster)
        {
            if (activity.Roster.Any(entry => SamePerson(entry, person))) continue;
            if (activity.Status is not (ActivityStatus.Planned or ActivityStatus.Confirmed)) break;
            activity = await gateway.Call(Api.Missions.AddRosterEntry,
                new AddRosterEntryRequest { ActivityId = activity.Id, Person = person, ExpectedVersion = activity.Version }, cancellationToken);
            progress?.Invoke($"added {person.Name}");
        }
        if (goal is ActivityStatus.Confirmed or ActivityStatus.Completed && activity.Status == ActivityStatus.Planned)
        {
            activity = await gateway.Call(Api.Missions.Confirm, new ConfirmActivityRequest { ActivityId = activity.Id, ExpectedVersion = activity.Version }, cancellationToken);
            progress?.Invoke("confirmed");
        }
        if (goal == ActivityStatus.Completed && activity.Status == ActivityStatus.Confirmed)
        {
            activity = await gateway.Call(Api.Missions.Complete, new CompleteActivityRequest { ActivityId = activity.Id, ExpectedVersion = activity.Version }, cancellationToken);
            progress?.Invoke("completed");
        }
        return activity;
    }

    /// <summary>The same name (ignoring case and spacing) from the same organisation, by id when both have one, else by name.</summary>
    public static bool SamePerson(RosterEntry entry, PersonInput person)
    {
        if (!Same(entry.Name, person.Name)) return false;
        var given = person.Organisation ?? new OrganisationRef();
        var recorded = entry.Organisation ?? new OrganisationRef();
        return given.Id.Length > 0 ? Same(given.Id, recorded.Id) : Same(given.Name, recorded.Name);
    }

    private static bool Same(string a, string b) =>
        string.Equals(string.Join(' ', a.Split(' ', StringSplitOptions.RemoveEmptyEntries)), string.Join(' ', b.Split(' ', StringSplitOptions.RemoveEmptyEntries)), StringComparison.OrdinalIgnoreCase);
}
