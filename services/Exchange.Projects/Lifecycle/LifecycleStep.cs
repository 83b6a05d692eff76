using Exchange.Projects.V1;

namespace Exchange.Projects.Lifecycle;

/// <summary>
/// One step of a project's lifecycle history: who or what did what, when, and the stage before
/// and after. <see cref="Key"/> is unique per project, so a step is recorded once however often
/// the change or message that causes it is repeated.
/// </summary>
public sealed class LifecycleStep
{
    private LifecycleStep()
    {
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public int Sequence { get; private set; }

    public string Key { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    public string Step { get; private set; } = "";

    public LifecycleStage FromStage { get; private set; }

    public LifecycleStage ToStage { get; private set; }

    public string Actor { get; private set; } = "";

    public string Detail { get; private set; } = "";

    public static LifecycleStep Record(Guid projectId, int sequence, string key, string step, LifecycleStage from, LifecycleStage to, string actor, string detail, DateTimeOffset at) => new()
    {
        Id = Guid.CreateVersion7(at),
        ProjectId = projectId,
        Sequence = sequence,
        Key = key,
        At = at,
        Step = step,
        FromStage = from,
        ToStage = to,
        Actor = actor,
        Detail = detail,
    };
}
