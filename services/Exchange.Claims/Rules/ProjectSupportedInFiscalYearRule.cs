using Exchange.Claims.Model;

namespace Exchange.Claims.Rules;

/// <summary>Budgets and coordinator contracts belong to a fiscal year the programme supports the project in.</summary>
public sealed class ProjectSupportedInFiscalYearRule(ProjectView project, int fiscalYear) : BusinessRule
{
    public override string Name => "project-supported-in-fiscal-year";

    public override bool IsBroken() => !project.SupportedFiscalYears.Contains(fiscalYear);

    public override string Explain() =>
        $"project {project.Id} is not supported in FY{fiscalYear}" +
        (project.SupportedFiscalYears.Count == 0 ? " (it has not been adopted)" : $"; supported: {string.Join(", ", project.SupportedFiscalYears.Select(y => $"FY{y}"))}");
}
