using System.Globalization;
using Exchange.Claims.Reports;
using Exchange.Claims.V1;
using Exchange.Rpc.Server;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Grpc;

/// <summary>Spending reports: a project's fiscal year for its parties, the programme's for coordinators, and CSV.</summary>
public sealed partial class ClaimsRpc
{
    public async Task<ProjectSpending> GetProjectSpending(GetProjectSpendingRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        var projectId = ClaimsRequests.Id(errors, "project_id", request.ProjectId, "a project");
        ClaimsRequests.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        errors.ThrowIfAny();
        var project = await projects.FindAsync(projectId, context.CancellationToken);
        ClaimsAuthorization.DemandRead(caller, projectId, project);
        return (await SpendingAsync([projectId], request.FiscalYear, withCategories: true, context))[0].Report;
    }

    public async Task<ProgrammeTotals> GetProgrammeTotals(GetProgrammeTotalsRequest request, CallContext context)
    {
        ClaimsAuthorization.DemandCoordinator(Caller(context), ClaimsAuthorization.ProgrammeRule, "see the programme's totals");
        var errors = new FieldErrors();
        ClaimsRequests.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        errors.ThrowIfAny();
        var spending = await SpendingAsync(await ProjectsOfYearAsync(request.FiscalYear, context), request.FiscalYear, withCategories: false, context);
        return SpendingReports.ForProgramme(request.FiscalYear, [.. spending.Select(s => s.Report)]);
    }

    public async Task<CsvExport> ExportSpendingCsv(ExportSpendingCsvRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        var projectId = request.ProjectId.Length > 0 ? ClaimsRequests.Id(errors, "project_id", request.ProjectId, "a project") : Guid.Empty;
        ClaimsRequests.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        errors.ThrowIfAny();
        List<Guid> ids;
        string fileName;
        if (projectId != Guid.Empty)
        {
            ClaimsAuthorization.DemandRead(caller, projectId, await projects.FindAsync(projectId, context.CancellationToken));
            ids = [projectId];
            fileName = string.Create(CultureInfo.InvariantCulture, $"spending-FY{request.FiscalYear}-{projectId}.csv");
        }
        else
        {
            ClaimsAuthorization.DemandCoordinator(caller, ClaimsAuthorization.ProgrammeRule, "export the programme's spending");
            ids = await ProjectsOfYearAsync(request.FiscalYear, context);
            fileName = string.Create(CultureInfo.InvariantCulture, $"spending-FY{request.FiscalYear}.csv");
        }
        var spending = await SpendingAsync(ids, request.FiscalYear, withCategories: true, context);
        return SpendingCsv.Export(fileName, spending);
    }

    /// <summary>Projects with claims, budgets or contracts in the year.</summary>
    private async Task<List<Guid>> ProjectsOfYearAsync(int year, CallContext context)
    {
        var fromClaims = await db.Claims.Where(c => c.FiscalYear == year).Select(c => c.ProjectId).Distinct().ToListAsync(context.CancellationToken);
        var fromBudgets = await db.Budgets.Where(b => b.FiscalYear == year).Select(b => b.ProjectId).ToListAsync(context.CancellationToken);
        var fromContracts = await db.Contracts.Where(c => c.FiscalYear == year).Select(c => c.ProjectId).Distinct().ToListAsync(context.CancellationToken);
        return [.. fromClaims.Concat(fromBudgets).Concat(fromContracts).Distinct()];
    }

    private async Task<List<(ProjectSpending Report, IReadOnlyList<SpendingLine> Lines)>> SpendingAsync(List<Guid> projectIds, int year, bool withCategories, CallContext context)
    {
        var claims = await db.Claims.AsNoTracking().Where(c => projectIds.Contains(c.ProjectId) && c.FiscalYear == year).ToListAsync(context.CancellationToken);
        var budgets = await db.Budgets.AsNoTracking().Where(b => projectIds.Contains(b.ProjectId) && b.FiscalYear == year).ToListAsync(context.CancellationToken);
        var contracts = await db.Contracts.AsNoTracking().Where(c => projectIds.Contains(c.ProjectId) && c.FiscalYear == year).ToListAsync(context.CancellationToken);
        var titles = await projects.TitlesAsync(projectIds, context.CancellationToken);
        return [.. projectIds
            .Select(id =>
            {
                var ofProject = claims.Where(c => c.ProjectId == id).ToList();
                var report = SpendingReports.ForProject(id, titles.GetValueOrDefault(id, ""), year, ofProject,
                    budgets.FirstOrDefault(b => b.ProjectId == id), [.. contracts.Where(c => c.ProjectId == id)], withCategories);
                return (report, (IReadOnlyList<SpendingLine>)[.. ofProject.SelectMany(SpendingLine.Of)]);
            })
            .OrderBy(s => s.report.ProjectTitle, StringComparer.Ordinal).ThenBy(s => s.report.ProjectId, StringComparer.Ordinal)];
    }
}
