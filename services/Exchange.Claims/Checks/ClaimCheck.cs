using Exchange.Claims.Model;
using Exchange.Claims.Money;
using Exchange.Claims.Rules;

namespace Exchange.Claims.Checks;

/// <summary>
/// Runs every content rule on a claim and converts its lines to yen. Pure: the data it needs is
/// loaded by <see cref="ClaimChecker"/>, so that the rules can be tested without a database.
/// </summary>
public static class ClaimCheck
{
    /// <summary>Every rule, in the order their violations are listed.</summary>
    public static readonly IReadOnlyList<ClaimRule> Rules =
    [
        new ClosingPeriodRule(),
        new FiscalYearCutOffRule(),
        new RulebookExistsRule(),
        new ClaimHasLinesRule(),
        new CategoryUnknownRule(),
        new IneligibleItemRule(),
        new CurrencyCodeRule(),
        new AmountFormatRule(),
        new AmountPositiveRule(),
        new AmountPrecisionRule(),
        new ValueDateRule(),
        new ExchangeRateAtValueDateRule(),
        new PersonRequiredRule(),
        new FundedPersonRule(),
        new MaxFundedInviteesPerCompanyRule(),
        new CategoryCapRule(),
        new ReceiptRequiredRule(),
        new ReceiptHashRule(),
        new WithinBudgetRule(),
    ];

    public static ClaimCheckResult Run(Claim claim, Rulebook? rulebook, ExchangeRateTable rates, BudgetPosition budget, DateTimeOffset? closingDeadline, DateTimeOffset now,
        DateTimeOffset? fiscalYearCutOff = null)
    {
        var lines = claim.Lines.Select((line, index) => Read(index, line, rates)).ToList();
        var subject = new ClaimUnderCheck(claim, lines, rulebook, budget, closingDeadline, now, fiscalYearCutOff);
        var violations = Rules.SelectMany(rule => rule.Find(subject)).ToList();
        var converted = lines.Select(l => l.Line with { RateToJpy = l.RateToJpy, AmountJpy = l.Yen }).ToList();
        return new ClaimCheckResult(converted, violations, Duplicates.Within(claim.Id, claim.Lines), rulebook?.Version ?? 0);
    }

    /// <summary>Reads a line's amount, currency, value date and rate; converts it when all four are readable.</summary>
    public static LineUnderCheck Read(int index, ClaimLineValue line, ExchangeRateTable rates)
    {
        var amountRead = DecimalText.TryParse(line.Amount, out var amount, out var decimals);
        var currencyKnown = Currencies.IsKnown(line.Currency);
        DateOnly? valueDate = DateOnly.TryParseExact(line.ValueDate, "yyyy-MM-dd", out var date) ? date : null;
        var rate = currencyKnown && line.Currency != Currencies.Yen && valueDate is { } day ? rates.At(line.Currency, day) : null;
        var read = new LineUnderCheck(index, line, amountRead ? amount : null, decimals, currencyKnown, valueDate, rate, null);
        long? yen = amountRead && valueDate is not null && read.RateToJpy is { } r ? YenConversion.ToYen(amount, r) : null;
        return read with { Yen = yen };
    }
}
