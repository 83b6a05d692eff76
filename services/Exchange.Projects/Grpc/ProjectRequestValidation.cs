using System.Text.RegularExpressions;
using Exchange.Common.V1;
using Exchange.Projects.Model;
using Exchange.Projects.V1;

namespace Exchange.Projects.Grpc;

/// <summary>Field checks of the Projects API, turning requests into model values.</summary>
public static partial class ProjectRequestValidation
{
    public const int MaxTitle = 200;
    public const int MaxName = 120;
    public const int MaxText = 2000;
    public const int MaxRegions = 20;
    public const int MaxMembers = 500;

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex OrganisationIdPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    public static ProjectRegistration ToRegistration(RegisterProjectRequest request)
    {
        var errors = new FieldErrors();
        errors.Required("request_id", request.RequestId, 100);
        errors.Defined("programme", request.Programme);
        errors.Required("title", request.Title, MaxTitle);
        if (request.DomesticRegion is null) errors.Add("domestic_region", "is required");
        else DomesticRegion(errors, "domestic_region", request.DomesticRegion);
        if (request.OverseasRegions.Count == 0) errors.Add("overseas_regions", "needs at least one overseas region");
        if (request.OverseasRegions.Count > MaxRegions) errors.Add("overseas_regions", $"has {request.OverseasRegions.Count} regions; at most {MaxRegions}");
        for (var i = 0; i < request.OverseasRegions.Count; i++) OverseasRegion(errors, $"overseas_regions[{i}]", request.OverseasRegions[i]);
        errors.Defined("sector", request.Sector);
        errors.MaxLength("theme", request.Theme, MaxName);
        if (request.DomesticBody is null) errors.Add("domestic_body", "is required");
        else Organisation(errors, "domestic_body", request.DomesticBody);
        if (request.OverseasBodies.Count == 0) errors.Add("overseas_bodies", "needs at least one overseas implementation body");
        for (var i = 0; i < request.OverseasBodies.Count; i++) Organisation(errors, $"overseas_bodies[{i}]", request.OverseasBodies[i]);
        if (request.Members.Count > MaxMembers) errors.Add("members", $"has {request.Members.Count} members; at most {MaxMembers}");
        for (var i = 0; i < request.Members.Count; i++) Member(errors, $"members[{i}]", request.Members[i]);
        if (request.PlannedPeriod is null) errors.Add("planned_period", "is required");
        else FiscalYearRange(errors, "planned_period", request.PlannedPeriod);
        errors.ThrowIfAny();

        return new ProjectRegistration(
            request.RequestId.Trim(),
            request.Programme,
            request.Title.Trim(),
            ToModel(request.DomesticRegion!),
            request.OverseasRegions.Select(ToModel).ToList(),
            request.Sector,
            request.Theme.Trim(),
            ToModel(request.DomesticBody!),
            request.OverseasBodies.Select(ToModel).ToList(),
            request.Members.Select(m => new MemberValue(m.ActorType, m.OrganisationName.Trim(), m.Sme)).ToList(),
            request.PlannedPeriod!.FirstYear,
            request.PlannedPeriod.LastYear);
    }

    public static void FiscalYear(FieldErrors errors, string field, int year)
    {
        if (year < 1996 || year > 2100) errors.Add(field, $"FY{year} is not a fiscal year the programme can have (1996-2100)");
    }

    public static void ProjectId(FieldErrors errors, string value)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add("project_id", "is required");
        else if (!Guid.TryParse(value, out _)) errors.Add("project_id", $"'{Truncate(value)}' is not a project id");
    }

    public static void OverseasRegion(FieldErrors errors, string field, Common.V1.OverseasRegion region)
    {
        errors.Required($"{field}.name", region.Name, MaxName);
        if (!CountryPattern().IsMatch(region.Country ?? "")) errors.Add($"{field}.country", $"'{Truncate(region.Country)}' is not an ISO 3166-1 alpha-2 code such as CN or DE");
        errors.Defined($"{field}.world_area", region.WorldArea);
    }

    public static void Organisation(FieldErrors errors, string field, Projects.V1.Organisation organisation)
    {
        if (!OrganisationIdPattern().IsMatch(organisation.Id ?? ""))
            errors.Add($"{field}.id", $"'{Truncate(organisation.Id)}' is not an organisation id (2-64 of a-z, 0-9 and '-', starting with a letter or digit)");
        errors.Required($"{field}.name", organisation.Name, MaxName);
        if (!string.IsNullOrEmpty(organisation.Country) && !CountryPattern().IsMatch(organisation.Country))
            errors.Add($"{field}.country", $"'{Truncate(organisation.Country)}' is not an ISO 3166-1 alpha-2 code");
    }

    private static void DomesticRegion(FieldErrors errors, string field, Common.V1.DomesticRegion region)
    {
        errors.Required($"{field}.name", region.Name, MaxName);
        errors.MaxLength($"{field}.prefecture", region.Prefecture, MaxName);
        errors.Defined($"{field}.bureau", region.Bureau);
    }

    private static void Member(FieldErrors errors, string field, Projects.V1.Member member)
    {
        errors.Defined($"{field}.actor_type", member.ActorType);
        errors.Required($"{field}.organisation_name", member.OrganisationName, MaxName);
        if (member.Sme && member.ActorType != ActorType.RegionalCompany) errors.Add($"{field}.sme", "only regional companies can be SMEs");
    }

    private static void FiscalYearRange(FieldErrors errors, string field, FiscalYearRange range)
    {
        FiscalYear(errors, $"{field}.first_year", range.FirstYear);
        FiscalYear(errors, $"{field}.last_year", range.LastYear);
        if (range.LastYear < range.FirstYear) errors.Add(field, $"ends (FY{range.LastYear}) before it starts (FY{range.FirstYear})");
        else if (range.LastYear - range.FirstYear >= 10) errors.Add(field, "spans more than ten fiscal years");
    }

    public static OverseasRegionValue ToModel(Common.V1.OverseasRegion region) => new(region.Name.Trim(), region.Country, region.WorldArea);

    public static Party ToModel(Projects.V1.Organisation organisation) => new(organisation.Id, organisation.Name.Trim(), organisation.Country ?? "");

    private static DomesticRegionValue ToModel(Common.V1.DomesticRegion region) => new(region.Name.Trim(), region.Prefecture.Trim(), region.Bureau);

    private static string Truncate(string? value) => value is null ? "" : value.Length <= 40 ? value : value[..40] + "...";
}
