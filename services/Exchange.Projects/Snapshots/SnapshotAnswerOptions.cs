namespace Exchange.Projects.Snapshots;

/// <summary>Settings of the answers to snapshot requests, section <c>Projects:SnapshotAnswers</c>.</summary>
public sealed class SnapshotAnswerOptions
{
    public const string Section = "Projects:SnapshotAnswers";

    /// <summary>Snapshots written to the outbox per transaction: a programme of thousands of projects is answered in short transactions.</summary>
    public int PageSize { get; set; } = 100;
}
