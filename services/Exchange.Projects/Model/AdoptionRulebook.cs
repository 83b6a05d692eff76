using Exchange.Projects.Data;
using Exchange.Projects.Grpc;
using Exchange.Projects.V1;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Projects.Model;

/// <summary>
/// The adoption rules per programme and fiscal year. A year nobody configured inherits the
/// nearest earlier configured year of its programme, else the programme's published defaults.
/// </summary>
public sealed class AdoptionRulebook(ProjectsDb db, TimeProvider clock)
{
    public async Task<AdoptionRuleSet> ForAsync(Programme programme, int fiscalYear, CancellationToken cancellationToken)
    {
        var configured = await db.AdoptionRules.AsNoTracking()
            .Where(r => r.Programme == programme && r.FiscalYear <= fiscalYear)
            .OrderByDescending(r => r.FiscalYear)
            .FirstOrDefaultAsync(cancellationToken);
        if (configured is null) return AdoptionRuleSet.Default(programme, fiscalYear);
        configured.FiscalYear = fiscalYear;
        return configured;
    }

    public async Task<AdoptionRuleSet> SetAsync(AdoptionRules? rules, string updatedBy, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (rules is null)
        {
            errors.Add("rules", "is required");
            errors.ThrowIfAny();
        }
        errors.Defined("rules.programme", rules!.Programme);
        ProjectRequestValidation.FiscalYear(errors, "rules.fiscal_year", rules.FiscalYear);
        if (rules.MaxSupportedFiscalYears is < 0 or > 10) errors.Add("rules.max_supported_fiscal_years", "must be 0 (no limit) to 10");
        if (rules.MinSmeMembers is < 0 or > 1000) errors.Add("rules.min_sme_members", "must be 0 (no minimum) to 1000");
        if (rules.MinSmeSharePercent is < 0 or > 100 || double.IsNaN(rules.MinSmeSharePercent)) errors.Add("rules.min_sme_share_percent", "must be 0 (no minimum) to 100");
        errors.ThrowIfAny();

        var stored = await db.AdoptionRules.FirstOrDefaultAsync(r => r.Programme == rules.Programme && r.FiscalYear == rules.FiscalYear, cancellationToken);
        if (stored is null)
        {
            stored = new AdoptionRuleSet { Programme = rules.Programme, FiscalYear = rules.FiscalYear };
            db.AdoptionRules.Add(stored);
        }
        stored.MaxSupportedFiscalYears = rules.MaxSupportedFiscalYears;
        stored.MinSmeMembers = rules.MinSmeMembers;
        stored.MinSmeSharePercent = Math.Round((decimal)rules.MinSmeSharePercent, 2);
        stored.UpdatedAt = clock.GetUtcNow();
        stored.UpdatedBy = updatedBy;
        await db.SaveChangesAsync(cancellationToken);
        return stored;
    }

    public static AdoptionRules ToMessage(AdoptionRuleSet rules) => new()
    {
        Programme = rules.Programme,
        FiscalYear = rules.FiscalYear,
        MaxSupportedFiscalYears = rules.MaxSupportedFiscalYears,
        MinSmeMembers = rules.MinSmeMembers,
        MinSmeSharePercent = (double)rules.MinSmeSharePercent,
    };
}
