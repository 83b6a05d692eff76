using Exchange.Common.V1;
using Exchange.Missions.Model;
using Exchange.Missions.V1;
using Google.Protobuf.WellKnownTypes;

namespace Exchange.Missions.Grpc;

/// <summary>Model to wire: the API's view of an activity.</summary>
public static class ActivityMapper
{
    public static V1.Activity ToMessage(Model.Activity activity)
    {
        var message = new V1.Activity
        {
            Id = activity.Id.ToString(),
            ProjectId = activity.ProjectId.ToString(),
            FiscalYear = activity.FiscalYear,
            SupportTool = activity.SupportTool,
            Direction = activity.Direction,
            Title = activity.Title,
            Purpose = activity.Purpose,
            StartDate = ToMessage(activity.StartDate),
            EndDate = ToMessage(activity.EndDate),
            Status = activity.Status,
            StatusReason = activity.StatusReason,
            FundedPersons = activity.FundedPersons,
            PrivateExpensePersons = activity.PrivateExpensePersons,
            Version = activity.Version,
            PlannedBy = activity.PlannedBy,
        };
        message.Places.AddRange(activity.Places.Select(p => new Place { Name = p.Name, Country = p.Country }));
        message.Roster.AddRange(activity.Roster.Select(r => new V1.RosterEntry
        {
            Id = r.Id,
            Name = r.Name,
            Organisation = ToMessage(r.Organisation),
            Role = r.Role,
            Country = r.Country,
            Funding = r.Funding,
            Delegate = r.Delegate,
            RegisteredBy = r.RegisteredBy,
        }));
        message.Meetings.AddRange(activity.Meetings.Select(m =>
        {
            var meeting = new Meeting
            {
                Id = m.Id,
                Counterpart = ToMessage(m.Counterpart),
                Date = ToMessage(m.Date),
                Topic = m.Topic,
                Result = m.Result,
                RecordedBy = m.RecordedBy,
            };
            meeting.Confirmations.AddRange(m.Confirmations.Select(c => new AttendanceConfirmation
            {
                OrganisationId = c.OrganisationId,
                Note = c.Note,
                ConfirmedAt = Timestamp.FromDateTimeOffset(c.ConfirmedAt),
            }));
            return meeting;
        }));
        message.Outcomes.AddRange(activity.Outcomes.Select(o => new Outcome
        {
            Id = o.Id,
            Kind = o.Kind,
            AchievedOn = ToMessage(o.AchievedOn),
            Description = o.Description,
            ReportedBy = o.ReportedBy,
        }));
        message.History.AddRange(activity.History.Select(h => new V1.StatusChange
        {
            Status = h.Status,
            Reason = h.Reason,
            ChangedBy = h.ChangedBy,
            ChangedAt = Timestamp.FromDateTimeOffset(h.ChangedAt),
        }));
        return message;
    }

    public static OrganisationRef ToMessage(OrganisationValue organisation) =>
        new() { Id = organisation.Id, Name = organisation.Name, Country = organisation.Country, Kind = organisation.Kind };

    public static Date ToMessage(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };

    public static bool TryToDate(Date? date, out DateOnly value)
    {
        value = default;
        if (date is null) return false;
        try
        {
            value = new DateOnly(date.Year, date.Month, date.Day);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
