namespace Exchange.Surveys.Analytics;

/// <summary>
/// The submitted responses of a selection of rounds, column by column, as every analysis reads
/// them: one <see cref="QuestionColumn"/> per question and one <see cref="AttributeColumn"/> per
/// respondent attribute. Free-text answers stay in the database (the export reads them there).
/// </summary>
public sealed class ResponseMatrix
{
    private readonly Dictionary<string, QuestionColumn> _questions;
    private readonly Dictionary<string, AttributeColumn> _attributes;

    internal ResponseMatrix(int count, IReadOnlyList<QuestionColumn> questions, IEnumerable<AttributeColumn> attributes)
    {
        Count = count;
        Questions = questions;
        _questions = questions.ToDictionary(q => q.Id, StringComparer.Ordinal);
        _attributes = attributes.ToDictionary(a => a.Key, StringComparer.Ordinal);
    }

    /// <summary>Respondents (submitted responses).</summary>
    public int Count { get; }

    public IReadOnlyList<QuestionColumn> Questions { get; }

    public IReadOnlyCollection<AttributeColumn> Attributes => _attributes.Values;

    public QuestionColumn? Question(string id) => _questions.GetValueOrDefault(id);

    public AttributeColumn? Attribute(string key) => _attributes.GetValueOrDefault(key);

    /// <summary>What the columns hold in memory, in bytes: the figure the benchmark prints.</summary>
    public long Bytes =>
        Questions.Sum(q => (q.Masks?.LongLength ?? 0) * sizeof(ulong) + (q.Values?.LongLength ?? 0) * sizeof(float))
        + _attributes.Values.Sum(a => a.Bytes);

    /// <summary>
    /// The respondents whose attributes match every filter (one of the filter's values), or null
    /// for everyone when there is no filter.
    /// </summary>
    public int[]? Select(IReadOnlyList<(string Key, IReadOnlyCollection<string> Values)> filters)
    {
        if (filters.Count == 0) return null;
        var allowed = new List<(AttributeColumn? Column, HashSet<int> Codes)>();
        foreach (var (key, values) in filters)
        {
            var column = Attribute(key);
            var codes = column is null ? [] : values.Select(column.CodeOf).Where(c => c >= 0).ToHashSet();
            allowed.Add((column, codes));
        }
        var selected = new List<int>();
        for (var r = 0; r < Count; r++)
        {
            var keep = true;
            foreach (var (column, codes) in allowed)
            {
                var match = false;
                if (column is not null)
                    foreach (var code in column.CodesOf(r))
                        if (codes.Contains(code)) { match = true; break; }
                if (!match) { keep = false; break; }
            }
            if (keep) selected.Add(r);
        }
        return [.. selected];
    }
}
