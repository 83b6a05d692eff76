using Exchange.Surveys.V1;

namespace Exchange.Surveys.Analytics;

/// <summary>
/// Shares as the programme reports them: in percent with one decimal, rounded half up, and
/// banded on that shown value, so that a reader never sees a share in the wrong band:
/// [33.3, 50.0) is 33-50 %, [50.0, 66.7) is 50-66 %, 66.7 and above is over 66 %.
/// Computed in whole tenths of a percent, so that no binary fraction decides a boundary.
/// </summary>
public static class Shares
{
    /// <summary>count / total in tenths of a percent, rounded half up; 0 when the total is 0.</summary>
    public static int PerMille(long count, long total) => total <= 0 ? 0 : (int)((2000 * count + total) / (2 * total));

    public static double Percent(long count, long total) => PerMille(count, total) / 10.0;

    public static Band BandOf(long count, long total) => BandOf(PerMille(count, total));

    public static Band BandOf(int perMille) => perMille switch
    {
        < 333 => Band.None,
        < 500 => Band._33To50,
        < 667 => Band._50To66,
        _ => Band.Over66,
    };

    /// <summary>The band as the programme writes it.</summary>
    public static string Label(Band band) => band switch
    {
        Band._33To50 => "33-50%",
        Band._50To66 => "50-66%",
        Band.Over66 => "over 66%",
        _ => "",
    };
}
