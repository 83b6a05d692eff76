using Exchange.Rpc.Protocol;

namespace Exchange.Rpc.Tests.Protocol;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("2H", 2 * 3600_000_0000L)]
    [InlineData("3M", 3 * 60_000_0000L)]
    [InlineData("5S", 5 * 1000_0000L)]
    [InlineData("250m", 250 * 1_0000L)]
    [InlineData("1500u", 1500 * 10L)]
    [InlineData("1000n", 10L)]
    [InlineData("99999999S", 99999999 * 1000_0000L)]
    [InlineData("0m", 0L)]
    public void Parses_every_unit(string header, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(TimeSpan.FromTicks(ticks), timeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10s")]
    [InlineData("10x")]
    [InlineData("-1S")]
    [InlineData("1.5S")]
    [InlineData("123456789S")]
    [InlineData(" 1S")]
    [InlineData(null)]
    public void Rejects_malformed_values(string? header)
    {
        Assert.False(GrpcTimeout.TryParse(header, out _));
    }

    [Fact]
    public void Hours_beyond_the_clock_range_do_not_overflow()
    {
        Assert.True(GrpcTimeout.TryParse("99999999H", out var timeout));
        Assert.True(timeout > TimeSpan.FromDays(365 * 100));
    }

    [Theory]
    [InlineData(1L, "100n")]
    [InlineData(5_000L, "500000n")]
    [InlineData(2_000_000L, "200000u")]
    [InlineData(30 * 1000_0000L, "30000000u")]
    [InlineData(3600 * 1000_0000L, "3600000m")]
    [InlineData(40L * 24 * 3600 * 1000_0000L, "3456000S")]
    public void Formats_in_at_most_eight_digits_with_the_finest_unit(long ticks, string expected)
    {
        var formatted = GrpcTimeout.Format(TimeSpan.FromTicks(ticks));
        Assert.Equal(expected, formatted);
        Assert.True(formatted.Length <= 9);
        Assert.True(GrpcTimeout.TryParse(formatted, out var back));
        Assert.True(back >= TimeSpan.FromTicks(ticks), "the server must never see a shorter deadline");
    }

    [Fact]
    public void A_past_deadline_formats_as_the_smallest_timeout() => Assert.Equal("1n", GrpcTimeout.Format(TimeSpan.FromSeconds(-1)));
}
