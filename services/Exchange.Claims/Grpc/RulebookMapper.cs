using Exchange.Claims.Model;
using Exchange.Claims.V1;

namespace Exchange.Claims.Grpc;

/// <summary>Rulebooks, rates and budgets, model to wire.</summary>
public static class RulebookMapper
{
    public static V1.Rulebook ToMessage(Model.Rulebook rulebook, bool withTools = true)
    {
        var content = rulebook.Content;
        var message = new V1.Rulebook
        {
            FiscalYear = rulebook.FiscalYear,
            Version = rulebook.Version,
            MinOwnShare = new Fraction { Numerator = content.MinOwnShareNumerator, Denominator = content.MinOwnShareDenominator },
            MaxFundedInviteesPerCompany = content.MaxFundedInviteesPerCompany,
            MaxJapanCoordinators = content.MaxJapanCoordinators,
            MaxOverseasCoordinators = content.MaxOverseasCoordinators,
            MaxCoordinators = content.MaxCoordinators,
            ChangedBy = rulebook.ChangedBy,
            ChangedAt = Wire.Time(rulebook.ChangedAt),
            Note = rulebook.Note,
        };
        if (!withTools) return message;
        message.Tools.AddRange(content.Tools.Select(t =>
        {
            var tool = new ToolRules { SupportTool = t.SupportTool };
            tool.Categories.AddRange(t.Categories.Select(c => new CategoryRule
            {
                Category = c.Category,
                Label = c.Label,
                CapBasis = c.CapBasis,
                Cap = c.CapBasis == CapBasis.Unspecified ? null : Wire.Yen(c.CapJpy),
                RequiresPerson = c.RequiresPerson,
            }));
            return tool;
        }));
        message.IneligibleItems.AddRange(content.IneligibleItems.Select(i =>
        {
            var item = new IneligibleItem { Category = i.Category, Description = i.Description };
            item.Keywords.AddRange(i.Keywords);
            return item;
        }));
        return message;
    }

    public static V1.ExchangeRate ToMessage(Model.ExchangeRate rate) => new()
    {
        Currency = rate.Currency,
        EffectiveFrom = Wire.Date(rate.EffectiveFrom),
        RateToJpy = Money.DecimalText.Format(rate.RateToJpy),
        Source = rate.Source,
        RecordedBy = rate.RecordedBy,
        RecordedAt = Wire.Time(rate.RecordedAt),
    };

    public static V1.Budget ToMessage(Model.Budget budget)
    {
        var total = budget.TotalProgrammeShare + budget.TotalOwnShare;
        var message = new V1.Budget
        {
            ProjectId = budget.ProjectId.ToString(),
            FiscalYear = budget.FiscalYear,
            CoordinatorsProgrammeShare = Wire.Yen(budget.CoordinatorsProgrammeShare),
            CoordinatorsOwnShare = Wire.Yen(budget.CoordinatorsOwnShare),
            TotalProgrammeShare = Wire.Yen(budget.TotalProgrammeShare),
            TotalOwnShare = Wire.Yen(budget.TotalOwnShare),
            OwnShareRatio = total == 0 ? "0.0000" : Money.DecimalText.Format(Math.Round((decimal)budget.TotalOwnShare / total, 4, MidpointRounding.AwayFromZero), 4),
            Version = budget.Version,
            SetBy = budget.SetBy,
            SetAt = Wire.Time(budget.SetAt),
        };
        message.Lines.AddRange(budget.Lines.Select(l => new BudgetLine
        {
            SupportTool = l.SupportTool,
            ProgrammeShare = Wire.Yen(l.ProgrammeShare),
            OwnShare = Wire.Yen(l.OwnShare),
        }));
        return message;
    }

    public static V1.AuditEntry ToMessage(Model.AuditEntry entry, long sequence) => new()
    {
        Sequence = sequence,
        SubjectKind = entry.SubjectKind,
        SubjectId = entry.SubjectId,
        ProjectId = entry.ProjectId?.ToString() ?? "",
        Action = entry.Action,
        FromState = entry.FromState,
        ToState = entry.ToState,
        ActorOrganisation = entry.ActorOrganisation,
        ActorRole = entry.ActorRole,
        ActorSubject = entry.ActorSubject,
        At = Wire.Time(entry.At),
        Reason = entry.Reason,
    };
}
