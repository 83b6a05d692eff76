using Exchange.Claims.Tests.Infrastructure;
using Exchange.Claims.V1;
using Exchange.Messaging.Persistence;
using Exchange.Missions.V1;
using Exchange.Rpc;
using static Exchange.Claims.Tests.Infrastructure.Samples;
using static Exchange.Testing.TieUps;

namespace Exchange.Claims.Tests;

/// <summary>Foreign currencies convert at the rate of each line's value date, rounded half away from zero to whole yen.</summary>
[Collection(ClaimsCollection.Name)]
public sealed class CurrencyTests(ClaimsFixture fixture)
{
    private static readonly DateOnly Start = new(2007, 9, 25);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task A_claim_in_euros_yuan_and_dollars_converts_each_line_at_its_value_date(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var client = deployment.Client;
        var project = await deployment.FundedProject();
        var draft = await deployment.DraftFor(Completed(project.Id, SupportTool.OverseasMission, Start, 10, AnnaWeber));

        var saved = await client.Save(draft.Id, HamamatsuBody,
            Line("interp", "interpretation", "1234.56", "EUR", new DateOnly(2007, 9, 30)),    // the rate of 2007-04-01: 160.12
            Line("local", "local_transport", "1234.56", "EUR", new DateOnly(2007, 10, 1)),    // the rate of 2007-10-01: 165.555
            Line("arrange", "meeting_arrangement", "8888.88", "CNY", new DateOnly(2007, 9, 26)),
            Line("stay", "stay", "2.00", "usd", new DateOnly(2007, 9, 27), AnnaWeber));        // 236.5: rounded away from zero
        Assert.Empty(saved.Violations);
        Assert.Equal([("160.12", "197678"), ("165.555", "204388"), ("15.87", "141067"), ("118.25", "237")], saved.Lines.Select(l => (l.RateToJpy, l.AmountJpy.Amount)));
        Assert.Equal("543370", saved.ClaimedJpy.Amount);
        Assert.Equal([("EUR", "2469.12"), ("CNY", "8888.88"), ("USD", "2.00")], saved.ClaimedByCurrency.Select(m => (m.Currency, m.Amount)));
        Assert.Equal("USD", saved.Lines[3].Amount.Currency);

        Assert.Equal("160.12", (await client.Rate("EUR", new DateOnly(2007, 9, 30), HamamatsuBody)).RateToJpy);
        Assert.Equal("165.555", (await client.Rate("EUR", new DateOnly(2007, 10, 1), HamamatsuBody)).RateToJpy);
        await deployment.Claims.Refused(project.Id, StatusCode.FailedPrecondition, "exchange-rate-at-value-date: there is no EUR rate on or before 2007-03-20",
            () => client.Rate("EUR", new DateOnly(2007, 3, 20), HamamatsuBody));

        // Paid before the first rate of the currency: no rate, until coordinators add one.
        var early = await client.Save(draft.Id, HamamatsuBody, Line("advance", "travel", "100.00", "EUR", new DateOnly(2007, 3, 20), AnnaWeber));
        var violation = Assert.Single(early.Violations);
        Assert.Equal(("exchange-rate-at-value-date", "lines[0].value_date"), (violation.Rule, violation.Field));
        Assert.Null(early.Lines[0].AmountJpy);
        await client.SetRate("EUR", new DateOnly(2007, 3, 1), "158.00", Caller.Coordinator);
        var converted = await client.Save(draft.Id, HamamatsuBody, Line("advance", "travel", "100.00", "EUR", new DateOnly(2007, 3, 20), AnnaWeber));
        Assert.Empty(converted.Violations);
        Assert.Equal(("158", "15800"), (converted.Lines[0].RateToJpy, converted.Lines[0].AmountJpy.Amount));

        var rates = await client.Rates("EUR", HamamatsuBody);
        Assert.Equal(["2007-10-01", "2007-04-01", "2007-03-01"], rates.Rates.Select(r => $"{r.EffectiveFrom.Year:D4}-{r.EffectiveFrom.Month:D2}-{r.EffectiveFrom.Day:D2}"));
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Rates_are_set_by_coordinators_with_valid_codes_and_positive_values(DatabaseProvider provider)
    {
        var deployment = fixture.On(provider);
        var project = await deployment.ActiveProject();
        var refusal = await deployment.Claims.Refused(project.Id, StatusCode.InvalidArgument, "currency: 'EURO' is not an ISO 4217 currency code",
            () => deployment.Client.Call<SetExchangeRateRequest, ExchangeRate>("SetExchangeRate", new SetExchangeRateRequest
            {
                Currency = "EURO",
                EffectiveFrom = Date(new DateOnly(2007, 4, 1)),
                RateToJpy = "-1",
            }, Caller.Coordinator));
        Assert.Contains("rate_to_jpy: -1 is not more than zero", refusal.Status.Detail, StringComparison.Ordinal);
        await deployment.Claims.Refused(project.Id, StatusCode.InvalidArgument, "currency: JPY is the base currency",
            () => deployment.Client.SetRate("JPY", new DateOnly(2007, 4, 1), "1", Caller.Coordinator));
        await deployment.Claims.Refused(project.Id, StatusCode.PermissionDenied, "rule-configuration",
            () => deployment.Client.SetRate("EUR", new DateOnly(2007, 4, 1), "170", HamamatsuBody));
    }
}
