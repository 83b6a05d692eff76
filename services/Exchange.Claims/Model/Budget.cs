using Exchange.Missions.V1;

namespace Exchange.Claims.Model;

/// <summary>
/// A project's budget for one fiscal year, in whole yen: per support tool (and for the retained
/// coordinators) what the programme pays and what the implementation body and its companies pay.
/// </summary>
public sealed class Budget
{
    private Budget()
    {
    }

    public Guid ProjectId { get; private set; }

    public int FiscalYear { get; private set; }

    public List<BudgetLineValue> Lines { get; private set; } = [];

    public long CoordinatorsProgrammeShare { get; private set; }

    public long CoordinatorsOwnShare { get; private set; }

    public long Version { get; private set; }

    public string SetBy { get; private set; } = "";

    public DateTimeOffset SetAt { get; private set; }

    public long TotalProgrammeShare => Lines.Sum(l => l.ProgrammeShare) + CoordinatorsProgrammeShare;

    public long TotalOwnShare => Lines.Sum(l => l.OwnShare) + CoordinatorsOwnShare;

    /// <summary>The programme's share of a tool; 0 for a tool the budget does not plan for.</summary>
    public long ProgrammeShareOf(SupportTool tool) => Lines.Where(l => l.SupportTool == tool).Sum(l => l.ProgrammeShare);

    public long OwnShareOf(SupportTool tool) => Lines.Where(l => l.SupportTool == tool).Sum(l => l.OwnShare);

    public static Budget For(Guid projectId, int fiscalYear) => new() { ProjectId = projectId, FiscalYear = fiscalYear };

    public void Set(List<BudgetLineValue> lines, long coordinatorsProgramme, long coordinatorsOwn, string by, DateTimeOffset now)
    {
        Lines = lines;
        CoordinatorsProgrammeShare = coordinatorsProgramme;
        CoordinatorsOwnShare = coordinatorsOwn;
        SetBy = by;
        SetAt = now;
        Version++;
    }
}

public sealed record BudgetLineValue(SupportTool SupportTool, long ProgrammeShare, long OwnShare);
