using System.Text.RegularExpressions;
using Exchange.Claims.Model;
using Exchange.Claims.Money;
using Exchange.Claims.V1;
using Exchange.Common.V1;
using Exchange.Missions.V1;
using ProtoMoney = Exchange.Common.V1.Money;

namespace Exchange.Claims.Grpc;

/// <summary>
/// Field checks of the Claims API: malformed requests answer INVALID_ARGUMENT listing every bad
/// field. What a claim's lines say (categories, amounts, currencies, dates) is not checked here:
/// the content rules report it as violations, so that a draft is kept as typed.
/// </summary>
public static partial class ClaimsRequests
{
    public const int MaxText = 2000;
    public const int MaxName = 120;
    public const int MaxLines = 200;
    public const int MaxLineId = 64;
    public const int MaxRequestId = 100;

    [GeneratedRegex("^[a-z0-9][a-z0-9_]{1,39}$")]
    private static partial Regex CategoryPattern();

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,64}$")]
    private static partial Regex LineIdPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    public static Guid Id(FieldErrors errors, string field, string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(field, "is required");
        else if (!Guid.TryParse(value, out var id)) errors.Add(field, $"'{Truncate(value)}' is not {what} id");
        else return id;
        return Guid.Empty;
    }

    public static void FiscalYear(FieldErrors errors, string field, int year)
    {
        if (year < Model.FiscalYear.First || year > Model.FiscalYear.Last)
            errors.Add(field, $"{year} is not a fiscal year of the programme ({Model.FiscalYear.First} to {Model.FiscalYear.Last}, named by the year it starts in)");
    }

    /// <summary>An amount in whole yen, zero or more; empty is zero unless required.</summary>
    public static long Yen(FieldErrors errors, string field, ProtoMoney? money, bool required = false)
    {
        if (money is null || (money.Amount.Length == 0 && money.Currency.Length == 0))
        {
            if (required) errors.Add(field, "is required (whole yen, currency JPY)");
            return 0;
        }
        if (money.Currency.Length > 0 && money.Currency != Currencies.Yen) errors.Add($"{field}.currency", $"must be JPY, not '{Truncate(money.Currency)}'");
        if (!DecimalText.TryParse(money.Amount, out var amount, out var decimals)) errors.Add($"{field}.amount", $"'{Truncate(money.Amount)}' is not an amount of yen");
        else if (decimals > 0) errors.Add($"{field}.amount", $"{money.Amount} is not whole yen");
        else if (amount < 0) errors.Add($"{field}.amount", $"{money.Amount} is negative");
        else return decimal.ToInt64(amount);
        return 0;
    }

    /// <summary>A foreign or yen amount with its currency: (amount, currency), checked against the currency's minor units.</summary>
    public static (decimal Amount, string Currency) Amount(FieldErrors errors, string field, ProtoMoney? money, string? currency = null)
    {
        var code = (currency ?? money?.Currency ?? "").Trim().ToUpperInvariant();
        if (money is null || money.Amount.Length == 0) return (0, code);
        if (!DecimalText.TryParse(money.Amount, out var amount, out var decimals)) errors.Add($"{field}.amount", $"'{Truncate(money.Amount)}' is not a decimal amount");
        else if (amount < 0) errors.Add($"{field}.amount", $"{money.Amount} is negative");
        else if (Currencies.IsKnown(code) && decimals > Currencies.MinorUnitsOf(code)) errors.Add($"{field}.amount", $"{money.Amount} has {decimals} decimals; {code} has {Currencies.MinorUnitsOf(code)}");
        return (amount, code);
    }

    public static string Currency(FieldErrors errors, string field, string code, bool allowYen)
    {
        var upper = code.Trim().ToUpperInvariant();
        if (upper.Length == 0) errors.Add(field, "is required (ISO 4217, such as EUR or CNY)");
        else if (!Currencies.IsKnown(upper)) errors.Add(field, $"'{Truncate(code)}' is not an ISO 4217 currency code");
        else if (!allowYen && upper == Currencies.Yen) errors.Add(field, "JPY is the base currency: its rate is always 1");
        return upper;
    }

    /// <summary>Yen per unit: positive, at most 6 decimals.</summary>
    public static decimal Rate(FieldErrors errors, string field, string text)
    {
        if (!DecimalText.TryParse(text, out var rate, out var decimals)) errors.Add(field, $"'{Truncate(text)}' is not a decimal rate such as 158.32");
        else if (rate <= 0) errors.Add(field, $"{text} is not more than zero");
        else if (decimals > 6) errors.Add(field, $"{text} has {decimals} decimals; at most 6");
        else return rate;
        return 0;
    }

    public static DateOnly? Date(FieldErrors errors, string field, Date? date, bool required = true)
    {
        if (date is null || (date.Year == 0 && date.Month == 0 && date.Day == 0))
        {
            if (required) errors.Add(field, "is required");
            return null;
        }
        if (date.Year < 1900 || date.Year > 2200 || date.Month < 1 || date.Month > 12 || date.Day < 1 || date.Day > DateTime.DaysInMonth(date.Year, date.Month))
        {
            errors.Add(field, $"{Wire.DateText(date)} is not a date");
            return null;
        }
        return new DateOnly(date.Year, date.Month, date.Day);
    }

    public static MonthValue? Month(FieldErrors errors, string field, V1.Month? month, bool required = true)
    {
        if (month is null || (month.Year == 0 && month.Month_ == 0))
        {
            if (required) errors.Add(field, "is required");
            return null;
        }
        if (month.Year < 1900 || month.Year > 2200 || month.Month_ < 1 || month.Month_ > 12)
        {
            errors.Add(field, $"{month.Year}-{month.Month_} is not a month");
            return null;
        }
        return new MonthValue(month.Year, month.Month_);
    }

    public static void Country(FieldErrors errors, string field, string country, bool required)
    {
        if (country.Length == 0)
        {
            if (required) errors.Add(field, "is required (ISO 3166-1 alpha-2, such as JP or DE)");
        }
        else if (!CountryPattern().IsMatch(country)) errors.Add(field, $"'{Truncate(country)}' is not an ISO 3166-1 alpha-2 code such as JP or DE");
    }

    public static void Tool(FieldErrors errors, string field, SupportTool tool) => errors.Defined(field, tool);

    public static bool IsCategoryCode(string code) => CategoryPattern().IsMatch(code);

    /// <summary>
    /// The lines of a save as the model keeps them: ids given or assigned, person keys and receipt
    /// hashes normalised, currency codes upper-cased; everything else as typed.
    /// </summary>
    public static List<ClaimLineValue> Lines(FieldErrors errors, IReadOnlyList<ClaimLine> lines)
    {
        if (lines.Count > MaxLines) errors.Add("lines", $"has {lines.Count} lines; at most {MaxLines}");
        var result = new List<ClaimLineValue>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var field = $"lines[{i}]";
            var id = line.Id.Trim();
            if (id.Length == 0) id = $"l{Guid.NewGuid():N}"[..13];
            else if (!LineIdPattern().IsMatch(id)) errors.Add($"{field}.id", $"'{Truncate(id)}' is not a line id (1-64 of letters, digits and . _ : -)");
            if (!ids.Add(id)) errors.Add($"{field}.id", $"'{id}' is the id of another line of the claim");
            errors.MaxLength($"{field}.category", line.Category, 100);
            errors.MaxLength($"{field}.description", line.Description, MaxText);
            errors.MaxLength($"{field}.amount.amount", line.Amount?.Amount, 40);
            errors.MaxLength($"{field}.amount.currency", line.Amount?.Currency, 8);
            errors.MaxLength($"{field}.person_key", line.PersonKey, 200);
            errors.MaxLength($"{field}.receipt.attachment_id", line.Receipt?.AttachmentId, 200);
            errors.MaxLength($"{field}.receipt.sha256", line.Receipt?.Sha256, 128);
            result.Add(new ClaimLineValue(
                id,
                line.Category.Trim(),
                line.Description.Trim(),
                (line.Amount?.Amount ?? "").Trim(),
                (line.Amount?.Currency ?? "").Trim().ToUpperInvariant(),
                Wire.DateText(line.ValueDate),
                PersonKey.Normalise(line.PersonKey),
                (line.Receipt?.AttachmentId ?? "").Trim(),
                (line.Receipt?.Sha256 ?? "").Trim().ToLowerInvariant()));
        }
        return result;
    }

    /// <summary>A rulebook as coordinators set it; every bad field listed.</summary>
    public static RulebookContent Rulebook(FieldErrors errors, V1.Rulebook rulebook)
    {
        var tools = new List<ToolRulesValue>();
        var seenTools = new HashSet<SupportTool>();
        for (var t = 0; t < rulebook.Tools.Count; t++)
        {
            var tool = rulebook.Tools[t];
            var field = $"rulebook.tools[{t}]";
            Tool(errors, $"{field}.support_tool", tool.SupportTool);
            if (!seenTools.Add(tool.SupportTool)) errors.Add($"{field}.support_tool", $"{tool.SupportTool} has rules already");
            var categories = new List<CategoryRuleValue>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var c = 0; c < tool.Categories.Count; c++)
            {
                var category = tool.Categories[c];
                var cf = $"{field}.categories[{c}]";
                if (!IsCategoryCode(category.Category)) errors.Add($"{cf}.category", $"'{Truncate(category.Category)}' is not a category code (2-40 of a-z, 0-9 and '_')");
                if (!seen.Add(category.Category)) errors.Add($"{cf}.category", $"'{category.Category}' is listed twice");
                errors.MaxLength($"{cf}.label", category.Label, MaxName);
                if (!Enum.IsDefined(category.CapBasis)) errors.Add($"{cf}.cap_basis", $"has the unknown value {(int)category.CapBasis}");
                var cap = Yen(errors, $"{cf}.cap", category.Cap, required: category.CapBasis != CapBasis.Unspecified);
                categories.Add(new CategoryRuleValue(category.Category, category.Label.Trim(), category.CapBasis, cap, category.RequiresPerson));
            }
            tools.Add(new ToolRulesValue(tool.SupportTool, categories));
        }
        var items = new List<IneligibleItemValue>();
        for (var i = 0; i < rulebook.IneligibleItems.Count; i++)
        {
            var item = rulebook.IneligibleItems[i];
            var field = $"rulebook.ineligible_items[{i}]";
            if (!IsCategoryCode(item.Category)) errors.Add($"{field}.category", $"'{Truncate(item.Category)}' is not a category code (2-40 of a-z, 0-9 and '_')");
            errors.Required($"{field}.description", item.Description, MaxText);
            items.Add(new IneligibleItemValue(item.Category, item.Description.Trim(), [.. item.Keywords.Select(k => k.Trim()).Where(k => k.Length > 0)]));
        }
        var share = rulebook.MinOwnShare ?? new Fraction();
        if (share.Denominator < 0 || share.Numerator < 0 || (share.Denominator == 0 && share.Numerator != 0) || share.Numerator > share.Denominator)
            errors.Add("rulebook.min_own_share", $"{share.Numerator}/{share.Denominator} is not a share from 0 to 1 (0/0 switches the rule off)");
        NotNegative(errors, "rulebook.max_funded_invitees_per_company", rulebook.MaxFundedInviteesPerCompany);
        NotNegative(errors, "rulebook.max_japan_coordinators", rulebook.MaxJapanCoordinators);
        NotNegative(errors, "rulebook.max_overseas_coordinators", rulebook.MaxOverseasCoordinators);
        NotNegative(errors, "rulebook.max_coordinators", rulebook.MaxCoordinators);
        errors.MaxLength("rulebook.note", rulebook.Note, MaxText);
        return new RulebookContent([.. tools.OrderBy(t => t.SupportTool)], items, share.Numerator, share.Denominator,
            rulebook.MaxFundedInviteesPerCompany, rulebook.MaxJapanCoordinators, rulebook.MaxOverseasCoordinators, rulebook.MaxCoordinators);
    }

    public static void RequireReason(string reason)
    {
        var errors = new FieldErrors();
        errors.Required("reason", reason, MaxText);
        errors.ThrowIfAny();
    }

    private static void NotNegative(FieldErrors errors, string field, int value)
    {
        if (value < 0) errors.Add(field, $"{value} is negative (0 switches the limit off)");
    }

    public static string Truncate(string value) => value.Length > 40 ? value[..40] + "..." : value;
}
