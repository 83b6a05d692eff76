using Exchange.Missions.Model;
using Exchange.Projects.V1;

namespace Exchange.Missions.Rules;

/// <summary>
/// Activities are logged for a fiscal year in which the programme supports the project and its
/// work has started: the project is active; or continued into a next year whose work has not
/// started, for the earlier years; or completed or in follow-up, for records of its supported
/// years. Proposed, adopted-but-not-started, withdrawn and closed projects take no activities.
/// </summary>
public sealed class ProjectActiveInFiscalYearRule(ProjectView project, int fiscalYear) : BusinessRule
{
    public override string Name => "project-active-in-fiscal-year";

    public override bool IsBroken() => !project.SupportedFiscalYears.Contains(fiscalYear) || project.Status switch
    {
        ProjectStatus.Active or ProjectStatus.Completed or ProjectStatus.FollowUp => false,
        ProjectStatus.Continued => fiscalYear >= project.SupportedFiscalYears.Max(),
        _ => true,
    };

    public override string Explain()
    {
        var title = $"project {project.Id} ('{project.Title}')";
        if (!project.SupportedFiscalYears.Contains(fiscalYear))
            return project.SupportedFiscalYears.Count == 0
                ? $"{title} is not supported in any fiscal year yet, so not in FY{fiscalYear}"
                : $"{title} is supported in {string.Join(", ", project.SupportedFiscalYears.Order().Select(y => $"FY{y}"))}, not in FY{fiscalYear}";
        return project.Status switch
        {
            ProjectStatus.Adopted => $"{title} is adopted for FY{fiscalYear} but its work has not started; activate it first",
            ProjectStatus.Continued => $"{title} is continued into FY{fiscalYear} but the work of FY{fiscalYear} has not started; activate it first",
            _ => $"{title} is {project.Status.ToString().ToLowerInvariant()} and takes no activities",
        };
    }
}
