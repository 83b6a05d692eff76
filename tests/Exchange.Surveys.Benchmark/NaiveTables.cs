using Exchange.Surveys.Model;

namespace Exchange.Surveys.Benchmark;

/// <summary>
/// The baseline: the same tables computed the obvious way, with LINQ group-by over one answer
/// object per chosen option, as a first version working from the stored rows would.
/// </summary>
internal sealed class NaiveTables
{
    public NaiveTables(SyntheticRound round)
    {
        for (var r = 0; r < round.Answers.Count; r++)
        {
            var sector = round.Attributes[r].First(a => a.Key == RespondentAttributes.Sector).Values[0];
            foreach (var answer in round.Answers[r])
                foreach (var option in answer.OptionIds ?? [answer.Scale!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)])
                    Rows.Add(new AnswerRow(r, sector, answer.QuestionId, option));
        }
    }

    public List<AnswerRow> Rows { get; } = [];

    /// <summary>Counts per (sector, option), and respondents per sector who answered.</summary>
    public (Dictionary<(string Sector, string Option), int> Counts, Dictionary<string, int> Bases) CrossTab(string questionId)
    {
        var answers = Rows.Where(r => r.QuestionId == questionId).ToList();
        var counts = answers.GroupBy(r => (r.Sector, r.Option)).ToDictionary(g => g.Key, g => g.Select(r => r.Respondent).Distinct().Count());
        var bases = answers.GroupBy(r => r.Sector).ToDictionary(g => g.Key, g => g.Select(r => r.Respondent).Distinct().Count());
        return (counts, bases);
    }

    /// <summary>Counts per (row option, column option) over respondents who answered both.</summary>
    public Dictionary<(string Row, string Column), int> TwoWay(string rowQuestion, string columnQuestion)
    {
        var rows = Rows.Where(r => r.QuestionId == rowQuestion).ToLookup(r => r.Respondent, r => r.Option);
        var columns = Rows.Where(r => r.QuestionId == columnQuestion).ToLookup(r => r.Respondent, r => r.Option);
        return rows.Where(g => columns.Contains(g.Key))
            .SelectMany(g => g.SelectMany(row => columns[g.Key].Select(column => (row, column))))
            .GroupBy(p => p)
            .ToDictionary(g => g.Key, g => g.Count());
    }
}

internal sealed record AnswerRow(int Respondent, string Sector, string QuestionId, string Option);
