using Exchange.Projects.V1;

namespace Exchange.Projects.Statistics;

/// <summary>
/// The programme's tables, over projects that were adopted at least once (proposals that were
/// never adopted are not part of the programme's statistics).
/// </summary>
public static class ProgrammeStatistics
{
    /// <summary>The row of <c>achievements_by_timing</c> that counts projects by their first achievement.</summary>
    public const string FirstAchievementRow = "FIRST_ACHIEVEMENT_OF_PROJECT";

    public static V1.Statistics Compute(IReadOnlyCollection<Model.Project> projects)
    {
        var adopted = projects.Where(p => p.SupportedFiscalYears.Count > 0).ToList();
        var statistics = new V1.Statistics { ProjectCount = adopted.Count };

        statistics.ByBureauAndSector.AddRange(adopted
            .GroupBy(p => (Bureau: p.DomesticRegion.Bureau.ToString(), Sector: p.Sector.ToString()))
            .OrderBy(g => g.Key.Bureau).ThenBy(g => g.Key.Sector)
            .Select(g => new CountCell { Row = g.Key.Bureau, Column = g.Key.Sector, Count = g.Count() }));

        statistics.ByCountry.AddRange(adopted
            .SelectMany(p => p.OverseasRegions.Select(r => r.Country).Distinct().Select(country => (country, p.Id)))
            .GroupBy(x => x.country)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key)
            .Select(g => new CountCell { Row = g.Key, Count = g.Count() }));

        var years = adopted.SelectMany(p => p.SupportedFiscalYears).Distinct().Order();
        statistics.PerFiscalYear.AddRange(years.Select(year => new FiscalYearCounts
        {
            FiscalYear = year,
            Adopted = adopted.Count(p => p.SupportedFiscalYears.Min() == year),
            Continued = adopted.Count(p => p.SupportedFiscalYears.Contains(year) && p.SupportedFiscalYears.Min() != year),
            Expanded = adopted.Count(p => p.Expansions.Any(e => e.FiscalYear == year)),
        }));

        statistics.AchievementsByTiming.AddRange(adopted
            .SelectMany(p => p.Achievements.Select(a => (Kind: a.Kind.ToString(), Timing: p.TimingOf(a).ToString())))
            .GroupBy(x => x)
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.Timing)
            .Select(g => new CountCell { Row = g.Key.Kind, Column = g.Key.Timing, Count = g.Count() }));
        statistics.AchievementsByTiming.AddRange(adopted
            .GroupBy(p => p.FirstAchievementTiming().ToString())
            .OrderBy(g => g.Key)
            .Select(g => new CountCell { Row = FirstAchievementRow, Column = g.Key, Count = g.Count() }));
        return statistics;
    }
}
