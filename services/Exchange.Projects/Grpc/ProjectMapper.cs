using Exchange.Common.V1;
using Exchange.Projects.Model;
using Exchange.Projects.V1;

namespace Exchange.Projects.Grpc;

/// <summary>Model to wire: the API's view of a project.</summary>
public static class ProjectMapper
{
    public static V1.Project ToMessage(Model.Project project)
    {
        var message = new V1.Project
        {
            Id = project.Id.ToString(),
            Programme = project.Programme,
            Title = project.Title,
            DomesticRegion = new DomesticRegion
            {
                Name = project.DomesticRegion.Name,
                Prefecture = project.DomesticRegion.Prefecture,
                Bureau = project.DomesticRegion.Bureau,
            },
            Sector = project.Sector,
            Theme = project.Theme,
            DomesticBody = ToMessage(project.DomesticBody),
            PlannedPeriod = new FiscalYearRange { FirstYear = project.PlannedFirstYear, LastYear = project.PlannedLastYear },
            Status = project.Status,
            StatusReason = project.StatusReason,
            Version = project.Version,
        };
        message.OverseasRegions.AddRange(project.OverseasRegions.Select(ToMessage));
        message.OverseasBodies.AddRange(project.OverseasBodies.Select(ToMessage));
        message.Members.AddRange(project.Members.Select(m => new Member { ActorType = m.ActorType, OrganisationName = m.OrganisationName, Sme = m.Sme }));
        message.SupportedFiscalYears.AddRange(project.SupportedFiscalYears);
        message.Achievements.AddRange(project.Achievements.OrderBy(a => a.Date).Select(a => new Achievement
        {
            Id = a.Id,
            Kind = a.Kind,
            Date = ToMessage(a.Date),
            Description = a.Description,
            ActivityId = a.ActivityId,
            Timing = project.TimingOf(a),
            RecordedBy = a.RecordedBy,
        }));
        message.FollowUpReviews.AddRange(project.FollowUpReviews.Select(r => new FollowUpReview
        {
            FiscalYear = r.FiscalYear,
            ExchangeStatus = r.ExchangeStatus,
            Note = r.Note,
        }));
        return message;
    }

    public static OverseasRegion ToMessage(OverseasRegionValue region) =>
        new() { Name = region.Name, Country = region.Country, WorldArea = region.WorldArea };

    public static Organisation ToMessage(Party party) =>
        new() { Id = party.OrganisationId, Name = party.Name, Country = party.Country };

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
