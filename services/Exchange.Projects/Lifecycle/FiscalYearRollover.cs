namespace Exchange.Projects.Lifecycle;

/// <summary>
/// The rollover of the programme into <see cref="FiscalYear"/>, closing the year before: done once
/// per fiscal year (its key), by the scheduler on 1 April or by a coordinator.
/// </summary>
public sealed class FiscalYearRollover
{
    private FiscalYearRollover()
    {
    }

    public int FiscalYear { get; private set; }

    public int ClosedFiscalYear { get; private set; }

    public string RolledOverBy { get; private set; } = "";

    public DateTimeOffset RolledOverAt { get; private set; }

    public List<Guid> ClosedYearProjectIds { get; private set; } = [];

    public List<Guid> ContinuedProjectIds { get; private set; } = [];

    public List<Guid> AwaitingDecisionProjectIds { get; private set; } = [];

    public List<Guid> ClosedProjectIds { get; private set; } = [];

    public static FiscalYearRollover Into(int fiscalYear, string by, DateTimeOffset at, IEnumerable<Guid> closedYear, IEnumerable<Guid> continued, IEnumerable<Guid> awaiting, IEnumerable<Guid> closed) => new()
    {
        FiscalYear = fiscalYear,
        ClosedFiscalYear = fiscalYear - 1,
        RolledOverBy = by,
        RolledOverAt = at,
        ClosedYearProjectIds = [.. closedYear],
        ContinuedProjectIds = [.. continued],
        AwaitingDecisionProjectIds = [.. awaiting],
        ClosedProjectIds = [.. closed],
    };
}
