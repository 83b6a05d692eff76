using Exchange.Common.V1;
using Exchange.Missions.V1;

namespace Exchange.Missions.Tests.Infrastructure;

/// <summary>Activities and people for the tie-ups of <see cref="TieUps"/>.</summary>
public static class Samples
{
    /// <summary>An activity of <paramref name="days"/> days from <paramref name="start"/>, abroad or in Japan as its tool says.</summary>
    public static PlanActivityRequest Activity(string projectId, SupportTool tool, DateOnly start, int days = 5, int fiscalYear = 0)
    {
        var inJapan = tool is SupportTool.WorkshopInJapan or SupportTool.ExpertInvitation or SupportTool.PartnerInvitation;
        return new PlanActivityRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            ProjectId = projectId,
            FiscalYear = fiscalYear,
            SupportTool = tool,
            Title = $"{tool} {start:yyyy-MM}",
            Purpose = "Business meetings on optical components",
            StartDate = Date(start),
            EndDate = Date(start.AddDays(days - 1)),
            Places = { inJapan ? new Place { Name = "Hamamatsu", Country = "JP" } : new Place { Name = "Jena", Country = "DE" } },
        };
    }

    public static PersonInput Person(string name, string organisation, Funding funding, string country = "DE", OrganisationKind kind = OrganisationKind.Company, string role = "engineer") => new()
    {
        Name = name,
        Role = role,
        Funding = funding,
        Organisation = new OrganisationRef { Name = organisation, Country = country, Kind = kind },
    };

    public static Date Date(DateOnly date) => new() { Year = date.Year, Month = date.Month, Day = date.Day };
}
