using Exchange.Projects.V1;

namespace Exchange.Projects.Rules;

/// <summary>
/// The lifecycle of a tie-up: proposed -> adopted -> active -> (continued -> active)* ->
/// completed -> follow-up -> closed; a proposal or an adopted project not yet started may be withdrawn.
/// </summary>
public sealed class LifecycleTransitionRule(ProjectStatus from, LifecycleAction action) : BusinessRule
{
    private static readonly Dictionary<LifecycleAction, ProjectStatus[]> AllowedFrom = new()
    {
        [LifecycleAction.Adopt] = [ProjectStatus.Proposed],
        [LifecycleAction.Activate] = [ProjectStatus.Adopted, ProjectStatus.Continued],
        [LifecycleAction.Continue] = [ProjectStatus.Active],
        [LifecycleAction.Complete] = [ProjectStatus.Active],
        [LifecycleAction.StartFollowUp] = [ProjectStatus.Completed],
        [LifecycleAction.ReviewFollowUp] = [ProjectStatus.FollowUp],
        [LifecycleAction.Close] = [ProjectStatus.FollowUp],
        [LifecycleAction.Withdraw] = [ProjectStatus.Proposed, ProjectStatus.Adopted],
        [LifecycleAction.RecordAchievement] = [ProjectStatus.Active, ProjectStatus.Continued, ProjectStatus.Completed, ProjectStatus.FollowUp],
    };

    public override string Name => "lifecycle";

    public override bool IsBroken() => !AllowedFrom[action].Contains(from);

    public override string Explain() =>
        $"cannot {Describe(action)} a project that is {Describe(from)}; allowed from: {string.Join(", ", AllowedFrom[action].Select(Describe))}";

    public static IReadOnlyCollection<ProjectStatus> StatesAllowing(LifecycleAction action) => AllowedFrom[action];

    private static string Describe(LifecycleAction a) => a switch
    {
        LifecycleAction.StartFollowUp => "start the follow-up of",
        LifecycleAction.ReviewFollowUp => "review the follow-up of",
        LifecycleAction.RecordAchievement => "record an achievement on",
        _ => a.ToString().ToLowerInvariant(),
    };

    private static string Describe(ProjectStatus s) => s switch
    {
        ProjectStatus.FollowUp => "in follow-up",
        _ => s.ToString().ToLowerInvariant(),
    };
}

public enum LifecycleAction
{
    Adopt,
    Activate,
    Continue,
    Complete,
    StartFollowUp,
    ReviewFollowUp,
    Close,
    Withdraw,
    RecordAchievement,
}
