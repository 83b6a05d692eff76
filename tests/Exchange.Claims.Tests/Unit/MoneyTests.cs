using Exchange.Claims.Money;

namespace Exchange.Claims.Tests.Unit;

/// <summary>The programme's rounding rule and the money values of the API.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData("2.00", "118.25", 237)]          // 236.5: half away from zero, not to even (236)
    [InlineData("0.50", "1", 1)]
    [InlineData("1.50", "1", 2)]
    [InlineData("2.50", "1", 3)]                 // banker's rounding would give 2
    [InlineData("-2.50", "1", -3)]               // away from zero on both sides
    [InlineData("1234.56", "160.12", 197678)]    // 197677.7472
    [InlineData("1234.56", "165.555", 204388)]   // 204387.5808
    [InlineData("8888.88", "15.87", 141067)]     // 141066.5256
    [InlineData("12345", "1", 12345)]
    [InlineData("0.01", "0.000001", 0)]
    public void A_line_becomes_whole_yen_rounded_half_away_from_zero(string amount, string rate, long yen)
    {
        Assert.True(DecimalText.TryParse(amount, out var a, out _));
        Assert.True(DecimalText.TryParse(rate, out var r, out _));
        Assert.Equal(yen, YenConversion.ToYen(a, r));
    }

    [Theory]
    [InlineData("1250.50", 1250.50, 1)]  // trailing zeros are not precision
    [InlineData("1250.55", 1250.55, 2)]
    [InlineData("-3", -3, 0)]
    [InlineData("+4.000", 4, 0)]
    [InlineData(" 99 ", 99, 0)]
    [InlineData("0.123456", 0.123456, 6)]
    public void Plain_decimals_are_read_exactly(string text, double expected, int decimals)
    {
        Assert.True(DecimalText.TryParse(text, out var value, out var read));
        Assert.Equal((decimal)expected, value);
        Assert.Equal(decimals, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1e5")]
    [InlineData("1,000")]
    [InlineData("12.")]
    [InlineData(".5")]
    [InlineData("abc")]
    [InlineData("1000000000000")]
    [InlineData("NaN")]
    public void Anything_else_is_not_an_amount(string text) => Assert.False(DecimalText.TryParse(text, out _, out _));

    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("KRW", 0)]
    [InlineData("EUR", 2)]
    [InlineData("CNY", 2)]
    [InlineData("USD", 2)]
    [InlineData("KWD", 3)]
    [InlineData("CLF", 4)]
    public void Currencies_have_their_iso_4217_minor_units(string code, int units)
    {
        Assert.True(Currencies.IsKnown(code));
        Assert.Equal(units, Currencies.MinorUnitsOf(code));
    }

    [Theory]
    [InlineData("XXQ")]
    [InlineData("eur")]
    [InlineData("EURO")]
    [InlineData("")]
    public void Other_codes_are_not_currencies(string code) => Assert.False(Currencies.IsKnown(code));

    [Fact]
    public void Amounts_are_written_without_exponent_or_grouping()
    {
        Assert.Equal("1250.5", DecimalText.Format(1250.50m));
        Assert.Equal("1250.50", DecimalText.Format(1250.5m, 2));
        Assert.Equal("1000000", DecimalText.Format(1_000_000L));
    }
}
