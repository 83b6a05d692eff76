namespace Exchange.Projects.Lifecycle;

/// <summary>The lifecycle's settings, section <c>Lifecycle</c>. The programme's sources give none of these periods.</summary>
public sealed class LifecycleOptions
{
    public const string Section = "Lifecycle";

    /// <summary>
    /// Days after the start of a new fiscal year by which a coordinator should decide whether an
    /// active project of the closed year is continued or completed; informational (the wait shows
    /// as overdue after it), nothing happens by itself.
    /// </summary>
    public int ContinuationDecisionDays { get; set; } = 30;

    /// <summary>
    /// A safety net for follow-ups nobody surveys: a project still in follow-up this many fiscal
    /// years after its last supported year is closed at the next rollover. 0 (the default) leaves
    /// closing to the round of the last follow-up survey, or to a coordinator.
    /// </summary>
    public int MaxFollowUpFiscalYears { get; set; }

    public RolloverOptions Rollover { get; set; } = new();
}

/// <summary>The scheduler that rolls fiscal years over on 1 April, Japan time (<c>Lifecycle:Rollover</c>).</summary>
public sealed class RolloverOptions
{
    /// <summary>Whether the scheduler runs; tests switch it off and roll over by RPC.</summary>
    public bool Automatic { get; set; } = true;

    /// <summary>How often the scheduler looks at the calendar.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}
