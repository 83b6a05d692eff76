using System.Text.RegularExpressions;
using Exchange.Common.V1;
using Exchange.Missions.Model;
using Exchange.Missions.V1;

namespace Exchange.Missions.Grpc;

/// <summary>Field checks of the Missions API, turning requests into model values.</summary>
public static partial class ActivityRequestValidation
{
    public const int MaxTitle = 200;
    public const int MaxName = 120;
    public const int MaxText = 2000;
    public const int MaxPlaces = 20;
    public const int MaxOutcomeId = 64;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex OrganisationIdPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    public static (string RequestId, Guid ProjectId, SupportTool Tool, ActivityPlan Plan) ToPlan(PlanActivityRequest request)
    {
        var errors = new FieldErrors();
        errors.Required("request_id", request.RequestId, 100);
        Id(errors, "project_id", request.ProjectId, "a project");
        errors.Defined("support_tool", request.SupportTool);
        var plan = Plan(errors, request.FiscalYear, request.Title, request.Purpose, request.StartDate, request.EndDate, request.Places);
        errors.ThrowIfAny();
        return (request.RequestId.Trim(), Guid.Parse(request.ProjectId), request.SupportTool, plan!);
    }

    public static ActivityPlan ToPlan(UpdateActivityRequest request)
    {
        var errors = new FieldErrors();
        Id(errors, "activity_id", request.ActivityId, "an activity");
        var plan = Plan(errors, request.FiscalYear, request.Title, request.Purpose, request.StartDate, request.EndDate, request.Places);
        errors.ThrowIfAny();
        return plan!;
    }

    /// <summary>A person's own fields; the organisation is resolved by <see cref="OrganisationRegistry"/>.</summary>
    public static void Person(FieldErrors errors, string field, PersonInput? person)
    {
        if (person is null)
        {
            errors.Add(field, "is required");
            return;
        }
        errors.Required($"{field}.name", person.Name, MaxName);
        errors.MaxLength($"{field}.role", person.Role, MaxName);
        Country(errors, $"{field}.country", person.Country, required: false);
        errors.Defined($"{field}.funding", person.Funding);
    }

    /// <summary>A required id; <paramref name="what"/> reads "a project", "an activity".</summary>
    public static void Id(FieldErrors errors, string field, string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "is required");
        else if (!Guid.TryParse(value, out _)) errors.Add(field, $"'{Truncate(value)}' is not {what} id");
    }

    public static void OrganisationId(FieldErrors errors, string field, string id)
    {
        if (!OrganisationIdPattern().IsMatch(id))
            errors.Add(field, $"'{Truncate(id)}' is not an organisation id (2-64 of a-z, 0-9 and '-', starting with a letter or digit)");
    }

    public static void Country(FieldErrors errors, string field, string? country, bool required)
    {
        if (string.IsNullOrEmpty(country))
        {
            if (required) errors.Add(field, "is required (ISO 3166-1 alpha-2, such as CN or DE)");
        }
        else if (!CountryPattern().IsMatch(country)) errors.Add(field, $"'{Truncate(country)}' is not an ISO 3166-1 alpha-2 code such as CN or DE");
    }

    public static void FiscalYear(FieldErrors errors, string field, int year)
    {
        if (year < 1996 || year > 2100) errors.Add(field, $"FY{year} is not a fiscal year the programme can have (1996-2100)");
    }

    public static DateOnly Date(FieldErrors errors, string field, Date? date)
    {
        if (ActivityMapper.TryToDate(date, out var value)) return value;
        errors.Add(field, "is required and must be a calendar date");
        return default;
    }

    private static ActivityPlan? Plan(FieldErrors errors, int fiscalYear, string title, string purpose, Date? start, Date? end, IReadOnlyList<Place> places)
    {
        errors.Required("title", title, MaxTitle);
        errors.MaxLength("purpose", purpose, MaxText);
        var startDate = Date(errors, "start_date", start);
        var endDate = Date(errors, "end_date", end);
        if (fiscalYear != 0) FiscalYear(errors, "fiscal_year", fiscalYear);
        if (places.Count == 0) errors.Add("places", "needs at least one place");
        if (places.Count > MaxPlaces) errors.Add("places", $"has {places.Count} places; at most {MaxPlaces}");
        for (var i = 0; i < places.Count; i++)
        {
            errors.Required($"places[{i}].name", places[i].Name, MaxName);
            Country(errors, $"places[{i}].country", places[i].Country, required: true);
        }
        if (errors.Any) return null;
        var year = fiscalYear != 0 ? fiscalYear : Model.FiscalYear.Of(startDate);
        return new ActivityPlan(year, title.Trim(), purpose.Trim(), startDate, endDate, [.. places.Select(p => new PlaceValue(p.Name.Trim(), p.Country))]);
    }

    private static string Truncate(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "...";
}
