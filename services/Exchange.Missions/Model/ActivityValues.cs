using Exchange.Missions.V1;
using Exchange.Projects.V1;

namespace Exchange.Missions.Model;

/// <summary>Where an activity takes place: a city or region and its country (ISO 3166-1 alpha-2).</summary>
public sealed record PlaceValue(string Name, string Country);

/// <summary>An organisation as recorded when it took part; its id recurs across activities.</summary>
public sealed record OrganisationValue(string Id, string Name, string Country, OrganisationKind Kind);

/// <summary>A person on an activity's roster, funded by the programme or at private expense.</summary>
public sealed record RosterEntry(
    string Id,
    string Name,
    OrganisationValue Organisation,
    string Role,
    string Country,
    Funding Funding,
    bool Delegate,
    string RegisteredBy,
    DateTimeOffset AddedAt);

/// <summary>An overseas partner's confirmation that it attended a meeting.</summary>
public sealed record AttendanceRecord(string OrganisationId, string Note, DateTimeOffset ConfirmedAt);

/// <summary>A business meeting held during an activity.</summary>
public sealed record MeetingRecord(
    string Id,
    OrganisationValue Counterpart,
    DateOnly Date,
    string Topic,
    MeetingResult Result,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    IReadOnlyList<AttendanceRecord> Confirmations);

/// <summary>An outcome of an activity, reported to its project as an achievement.</summary>
public sealed record OutcomeRecord(
    string Id,
    AchievementKind Kind,
    DateOnly AchievedOn,
    string Description,
    string ReportedBy,
    DateTimeOffset ReportedAt);

/// <summary>One step of an activity's lifecycle, kept for the record.</summary>
public sealed record StatusChange(ActivityStatus Status, string Reason, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>What planning (or revising) an activity sets, validated field by field before it reaches the model.</summary>
public sealed record ActivityPlan(
    int FiscalYear,
    string Title,
    string Purpose,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<PlaceValue> Places);

/// <summary>A person to put on a roster; <see cref="Organisation"/> is null when none was given.</summary>
public sealed record PersonValue(string Name, OrganisationValue? Organisation, string Role, string Country, Funding Funding);
