using Exchange.Claims.IntegrationEvents;
using Exchange.Claims.Model;
using Exchange.Claims.Rules;
using Exchange.Claims.V1;
using Exchange.Rpc;
using Exchange.Rpc.Server;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Grpc;

/// <summary>Budgets per project and fiscal year: read by the project's parties, set by coordinators.</summary>
public sealed partial class ClaimsRpc
{
    public async Task<V1.Budget> SetBudget(SetBudgetRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        var projectId = ClaimsRequests.Id(errors, "project_id", request.ProjectId, "a project");
        ClaimsRequests.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        var lines = new List<BudgetLineValue>();
        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            ClaimsRequests.Tool(errors, $"lines[{i}].support_tool", line.SupportTool);
            if (lines.Any(l => l.SupportTool == line.SupportTool)) errors.Add($"lines[{i}].support_tool", $"{line.SupportTool} is budgeted twice");
            lines.Add(new BudgetLineValue(line.SupportTool,
                ClaimsRequests.Yen(errors, $"lines[{i}].programme_share", line.ProgrammeShare),
                ClaimsRequests.Yen(errors, $"lines[{i}].own_share", line.OwnShare)));
        }
        var coordinatorsProgramme = ClaimsRequests.Yen(errors, "coordinators_programme_share", request.CoordinatorsProgrammeShare);
        var coordinatorsOwn = ClaimsRequests.Yen(errors, "coordinators_own_share", request.CoordinatorsOwnShare);
        errors.ThrowIfAny();

        var project = await projects.FindAsync(projectId, context.CancellationToken);
        ClaimsAuthorization.DemandCoordinator(caller, projectId, project, ClaimsAuthorization.BudgetRule, "set budgets");
        if (project is null) throw ClaimsAuthorization.ProjectNotFound(projectId, caller);
        BusinessRule.Enforce(new ProjectSupportedInFiscalYearRule(project, request.FiscalYear));
        var rulebook = await checker.LatestRulebookAsync(request.FiscalYear, context.CancellationToken)
            ?? throw RpcException.FailedPrecondition("rulebook-exists", $"there is no rulebook for FY{request.FiscalYear} yet; its self-funding rule judges the budget");
        var own = lines.Sum(l => l.OwnShare) + coordinatorsOwn;
        var programme = lines.Sum(l => l.ProgrammeShare) + coordinatorsProgramme;
        BusinessRule.Enforce(new SelfFundingRule(own, programme, rulebook.Content.MinOwnShareNumerator, rulebook.Content.MinOwnShareDenominator));

        var budget = await db.Budgets.FirstOrDefaultAsync(b => b.ProjectId == projectId && b.FiscalYear == request.FiscalYear, context.CancellationToken);
        var before = budget is null ? "" : $"v{budget.Version}";
        if (budget is null)
        {
            budget = Model.Budget.For(projectId, request.FiscalYear);
            db.Budgets.Add(budget);
        }
        DemandVersion(request.ExpectedVersion, budget.Version, $"the FY{request.FiscalYear} budget of project {projectId}");
        budget.Set([.. lines.OrderBy(l => l.SupportTool)], coordinatorsProgramme, coordinatorsOwn, caller.OrganisationId, Now);
        audit.Record(AuditTrail.BudgetSubject, $"{projectId}/FY{request.FiscalYear}", projectId, before.Length == 0 ? "set" : "changed", before, $"v{budget.Version}",
            ClaimsAuthorization.ActorOf(caller), $"programme share {programme} JPY, own share {own} JPY", Now);
        await PublishAsync(projectId.ToString(), ClaimEvents.BudgetSet(budget), context);
        await SaveAsync($"the FY{request.FiscalYear} budget of project {projectId}", context);
        logger.LogInformation("Budget FY{FiscalYear} of project {ProjectId}: programme {Programme} JPY, own {Own} JPY", request.FiscalYear, projectId, programme, own);
        return RulebookMapper.ToMessage(budget);
    }

    public async Task<V1.Budget> GetBudget(GetBudgetRequest request, CallContext context)
    {
        var caller = Caller(context);
        var errors = new FieldErrors();
        var projectId = ClaimsRequests.Id(errors, "project_id", request.ProjectId, "a project");
        ClaimsRequests.FiscalYear(errors, "fiscal_year", request.FiscalYear);
        errors.ThrowIfAny();
        ClaimsAuthorization.DemandRead(caller, projectId, await projects.FindAsync(projectId, context.CancellationToken));
        var budget = await db.Budgets.AsNoTracking().FirstOrDefaultAsync(b => b.ProjectId == projectId && b.FiscalYear == request.FiscalYear, context.CancellationToken)
            ?? throw new RpcException(StatusCode.NotFound, $"project {projectId} has no budget for FY{request.FiscalYear}");
        return RulebookMapper.ToMessage(budget);
    }
}
