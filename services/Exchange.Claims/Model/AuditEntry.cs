namespace Exchange.Claims.Model;

/// <summary>
/// One state change of a claim, contract, invoice, budget, rulebook or rate: who, when, from
/// what, to what, why. Written in the same transaction as the change itself.
/// </summary>
public sealed class AuditEntry
{
    public const string System = "system";

    private AuditEntry()
    {
    }

    public Guid Id { get; private set; }

    public string SubjectKind { get; private set; } = "";

    public string SubjectId { get; private set; } = "";

    public Guid? ProjectId { get; private set; }

    public string Action { get; private set; } = "";

    public string FromState { get; private set; } = "";

    public string ToState { get; private set; } = "";

    public string ActorOrganisation { get; private set; } = "";

    public string ActorRole { get; private set; } = "";

    public string ActorSubject { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    /// <summary>Orders the entries of one moment (several changes in one unit of work).</summary>
    public int Ordinal { get; private set; }

    public string Reason { get; private set; } = "";

    public static AuditEntry Record(string kind, string subjectId, Guid? projectId, string action, string from, string to, Actor actor, string reason, DateTimeOffset at, int ordinal = 0) => new()
    {
        Id = Guid.NewGuid(),
        SubjectKind = kind,
        SubjectId = subjectId,
        ProjectId = projectId,
        Action = action,
        FromState = from,
        ToState = to,
        ActorOrganisation = actor.Organisation,
        ActorRole = actor.Role,
        ActorSubject = actor.Subject,
        At = at,
        Ordinal = ordinal,
        Reason = reason,
    };
}

/// <summary>Who made a change: a caller of the API, or the service itself on an event.</summary>
public sealed record Actor(string Organisation, string Role, string Subject)
{
    public static Actor OnEvent(string eventName) => new(AuditEntry.System, AuditEntry.System, eventName);
}
