using Exchange.Surveys.Analytics;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Tests.Analytics;

public sealed class SharesTests
{
    [Theory]
    [InlineData(131, 183, 71.6)]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 8, 12.5)]
    [InlineData(1, 16, 6.3)]
    [InlineData(0, 0, 0.0)]
    public void Shares_are_percent_rounded_half_up_to_one_decimal(int count, int total, double percent) =>
        Assert.Equal(percent, Shares.Percent(count, total));

    [Theory]
    [InlineData(1, 4, Band.None)]
    [InlineData(332, 1000, Band.None)]
    [InlineData(3325, 10000, Band._33To50)]
    [InlineData(1, 3, Band._33To50)]
    [InlineData(499, 1000, Band._33To50)]
    [InlineData(4995, 10000, Band._50To66)]
    [InlineData(1, 2, Band._50To66)]
    [InlineData(666, 1000, Band._50To66)]
    [InlineData(6665, 10000, Band.Over66)]
    [InlineData(2, 3, Band.Over66)]
    [InlineData(1, 1, Band.Over66)]
    public void Bands_follow_the_share_as_shown(int count, int total, Band band) => Assert.Equal(band, Shares.BandOf(count, total));
}
