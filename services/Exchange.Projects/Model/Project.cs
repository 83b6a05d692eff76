using Exchange.Projects.Rules;
using Exchange.Projects.V1;

namespace Exchange.Projects.Model;

/// <summary>
/// A tie-up between a Japanese region and one or more overseas regions, over several fiscal
/// years. Every change goes through a method that checks the programme's rules first, so that a
/// refused change leaves the project as it was.
/// </summary>
public sealed class Project
{
    private Project()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The client's request id of the registration, for idempotent retries.</summary>
    public string RequestId { get; private set; } = "";

    public Programme Programme { get; private set; }

    public string Title { get; private set; } = "";

    public DomesticRegionValue DomesticRegion { get; private set; } = null!;

    public List<OverseasRegionValue> OverseasRegions { get; private set; } = [];

    public Common.V1.Sector Sector { get; private set; }

    public string Theme { get; private set; } = "";

    public Party DomesticBody { get; private set; } = null!;

    public List<Party> OverseasBodies { get; private set; } = [];

    public List<MemberValue> Members { get; private set; } = [];

    public int PlannedFirstYear { get; private set; }

    public int PlannedLastYear { get; private set; }

    public ProjectStatus Status { get; private set; }

    public string StatusReason { get; private set; } = "";

    public List<int> SupportedFiscalYears { get; private set; } = [];

    public List<RegionExpansion> Expansions { get; private set; } = [];

    public List<AchievementRecord> Achievements { get; private set; } = [];

    public List<FollowUpReviewValue> FollowUpReviews { get; private set; } = [];

    public long Version { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public string RegisteredBy { get; private set; } = "";

    public DateTimeOffset UpdatedAt { get; private set; }

    // Denormalised for filtering in SQL on SQLite and PostgreSQL alike: "|CN|DE|", "|2007|2008|".
    public string CountryIndex { get; private set; } = "";

    public string WorldAreaIndex { get; private set; } = "";

    public string FiscalYearIndex { get; private set; } = "";

    public string SearchText { get; private set; } = "";

    public string PartyIndex { get; private set; } = "";

    public int SmeCount => Members.Count(m => m.ActorType == ActorType.RegionalCompany && m.Sme);

    public int LastSupportedYear => SupportedFiscalYears.Count == 0 ? 0 : SupportedFiscalYears.Max();

    public static Project Register(ProjectRegistration registration, string registeredBy, DateTimeOffset now)
    {
        var project = new Project
        {
            Id = Guid.NewGuid(),
            RequestId = registration.RequestId,
            Programme = registration.Programme,
            Title = registration.Title,
            DomesticRegion = registration.DomesticRegion,
            OverseasRegions = [.. registration.OverseasRegions],
            Sector = registration.Sector,
            Theme = registration.Theme,
            DomesticBody = registration.DomesticBody,
            OverseasBodies = [.. registration.OverseasBodies],
            Members = [.. registration.Members],
            PlannedFirstYear = registration.PlannedFirstYear,
            PlannedLastYear = registration.PlannedLastYear,
            Status = ProjectStatus.Proposed,
            RegisteredAt = now,
            RegisteredBy = registeredBy,
        };
        // Only the start must fall in the programme's years: Shimane-Texas, a Region-to-Region
        // project of FY2004, was continued into FY2007.
        BusinessRule.Enforce(new ProgrammeFiscalYearsRule(project.Programme, project.PlannedFirstYear));
        project.Touch(now);
        return project;
    }

    public void Adopt(int fiscalYear, AdoptionRuleSet rules, DateTimeOffset now)
    {
        BusinessRule.Enforce(new LifecycleTransitionRule(Status, LifecycleAction.Adopt));
        BusinessRule.Enforce(new ProgrammeFiscalYearsRule(Programme, fiscalYear));
        BusinessRule.Enforce(new AdoptionWithinPlannedPeriodRule(fiscalYear, PlannedFirstYear, PlannedLastYear));
        EnforceAdoptionRules(1, rules);
        SupportedFiscalYears.Add(fiscalYear);
        Status = ProjectStatus.Adopted;
        StatusReason = "";
        Touch(now);
    }

    public void Activate(DateTimeOffset now)
    {
        BusinessRule.Enforce(new LifecycleTransitionRule(Status, LifecycleAction.Activate));
        Status = ProjectStatus.Active;
        Touch(now);
    }

    public void Continue(int fiscalYear, OverseasRegionValue? expandedRegion, Party? expandedBody, AdoptionRuleSet rules, DateTimeOffset now)
    {
        BusinessRule.Enforce(new LifecycleTransitionRule(Status, LifecycleAction.Continue));
        BusinessRule.Enforce(new ContinuationFollowsLastSupportedYearRule(fiscalYear, LastSupportedYear));
        if (expandedRegion is not null) BusinessRule.Enforce(new ExpandedRegionMustBeNewRule(expandedRegion, OverseasRegions));
        EnforceAdoptionRules(SupportedFiscalYears.Count + 1, rules);

        SupportedFiscalYears.Add(fiscalYear);
        if (expandedRegion is not null)
        {
            OverseasRegions.Add(expandedRegion);
            Expansions.Add(new RegionExpansion(fiscalYear, expandedRegion));
        }
        if (expandedBody is not null && OverseasBodies.All(b => b.OrganisationId != expandedBody.OrganisationId)) OverseasBodies.Add(expandedBody);
        PlannedLastYear = Math.Max(PlannedLastYear, fiscalYear);
        Status = ProjectStatus.Continued;
        Touch(now);
    }

    public void Complete(DateTimeOffset now)
    {
        BusinessRule.Enforce(new LifecycleTransitionRule(Status, LifecycleAction.Complete));
        Status = ProjectStatus.Completed;
        Touch(now);
    }

    public void StartFollowUp(ExchangeStatus exchangeStatus, DateTimeOffset now)
    {
        BusinessRule.Enforce(new LifecycleTransitionRule(Status, LifecycleAction.StartFollowUp));
        Status = ProjectStatus.FollowUp;
        StatusReason = exchangeStatus == ExchangeStatus.Continuing ? "exchange continuing" : "exchange ceased";
        Touch(now);
    }

    /// <summary>
    /// Starts the follow-up on the lifecycle's own account, once the claims are closed and the
    /// follow-up surveys are scheduled: whether the exchange continues is told by the first review.
    /// </summary>
    public void BeginFollowUp(string reason, DateTimeOffset now)
    {
        BusinessRule.Enforce(new LifecycleTransitionRule(Status, LifecycleAction.StartFollowUp));
        Status = ProjectStatus.FollowUp;
        StatusReason = reason;
        Touch(now);
    }

    public void ReviewFollowUp(int fiscalYear, ExchangeStatus exchangeStatus, string note, DateTimeOffset now)
    {
        BusinessRule.Enforce(new LifecycleTransitionRule(Status, LifecycleAction.ReviewFollowUp));
        BusinessRule.Enforce(new FollowUpReviewRule(fiscalYear, LastSupportedYear, FollowUpReviews.Select(r => r.FiscalYear)));
        FollowUpReviews.Add(new FollowUpReviewValue(fiscalYear, exchangeStatus, note, now));
        StatusReason = exchangeStatus == ExchangeStatus.Continuing ? "exchange continuing" : "exchange ceased";
        Touch(now);
    }

    public void Close(string reason, DateTimeOffset now)
    {
        BusinessRule.Enforce(new LifecycleTransitionRule(Status, LifecycleAction.Close));
        Status = ProjectStatus.Closed;
        StatusReason = reason;
        Touch(now);
    }

    public void Withdraw(string reason, DateTimeOffset now)
    {
        BusinessRule.Enforce(new LifecycleTransitionRule(Status, LifecycleAction.Withdraw));
        Status = ProjectStatus.Withdrawn;
        StatusReason = reason;
        Touch(now);
    }

    /// <summary>Records an achievement once per id; false when that id was recorded already.</summary>
    public bool RecordAchievement(AchievementRecord achievement, DateTimeOffset now)
    {
        if (Achievements.Any(a => a.Id == achievement.Id)) return false;
        BusinessRule.Enforce(new LifecycleTransitionRule(Status, LifecycleAction.RecordAchievement));
        BusinessRule.Enforce(new AchievementDateRule(achievement.Date, FiscalYear.Start(SupportedFiscalYears.Min()), DateOnly.FromDateTime(now.UtcDateTime)));
        Achievements.Add(achievement);
        Touch(now);
        return true;
    }

    /// <summary>During the supported fiscal years, or after them.</summary>
    public AchievementTiming TimingOf(AchievementRecord achievement) =>
        SupportedFiscalYears.Count > 0 && achievement.Date > FiscalYear.End(LastSupportedYear)
            ? AchievementTiming.AfterSupport
            : AchievementTiming.DuringSupport;

    /// <summary>When the project's first achievement came: during support, after it, or not yet.</summary>
    public AchievementTiming FirstAchievementTiming() =>
        Achievements.Count == 0 ? AchievementTiming.NotYet : TimingOf(Achievements.MinBy(a => a.Date)!);

    public bool IsParty(string organisationId) =>
        DomesticBody.OrganisationId == organisationId || OverseasBodies.Any(b => b.OrganisationId == organisationId);

    private void EnforceAdoptionRules(int supportedYearsAfter, AdoptionRuleSet rules)
    {
        BusinessRule.Enforce(new SupportMustNotExceedMaxFiscalYearsRule(supportedYearsAfter, rules.MaxSupportedFiscalYears));
        BusinessRule.Enforce(new MinimumSmeMembersRule(SmeCount, rules.MinSmeMembers));
        BusinessRule.Enforce(new SmeShareRule(SmeCount, Members.Count, rules.MinSmeSharePercent));
    }

    private void Touch(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
        CountryIndex = "|" + string.Join("|", OverseasRegions.Select(r => r.Country).Distinct()) + "|";
        WorldAreaIndex = "|" + string.Join("|", OverseasRegions.Select(r => (int)r.WorldArea).Distinct()) + "|";
        FiscalYearIndex = "|" + string.Join("|", SupportedFiscalYears) + "|";
        PartyIndex = "|" + string.Join("|", OverseasBodies.Select(b => b.OrganisationId).Prepend(DomesticBody.OrganisationId).Distinct()) + "|";
        SearchText = string.Join(" ", new[] { Title, Theme, DomesticRegion.Name, DomesticRegion.Prefecture, DomesticBody.Name }
            .Concat(OverseasRegions.Select(r => r.Name)).Concat(OverseasBodies.Select(b => b.Name))).ToLowerInvariant();
    }
}

/// <summary>What a registration carries, validated field by field before it reaches the model.</summary>
public sealed record ProjectRegistration(
    string RequestId,
    Programme Programme,
    string Title,
    DomesticRegionValue DomesticRegion,
    IReadOnlyList<OverseasRegionValue> OverseasRegions,
    Common.V1.Sector Sector,
    string Theme,
    Party DomesticBody,
    IReadOnlyList<Party> OverseasBodies,
    IReadOnlyList<MemberValue> Members,
    int PlannedFirstYear,
    int PlannedLastYear);
