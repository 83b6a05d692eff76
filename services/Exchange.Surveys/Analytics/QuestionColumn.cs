using Exchange.Surveys.V1;

namespace Exchange.Surveys.Analytics;

/// <summary>
/// The answers of every respondent to one question, stored compactly: for choice and scale
/// questions one 64-bit mask per respondent (bit i = category i chosen; 0 = no answer), for scale
/// and number questions also the value (NaN = no answer). 10,000 respondents take 80 KB per question.
/// </summary>
public sealed class QuestionColumn
{
    internal QuestionColumn(Question question, IReadOnlyList<Category> categories, ulong[]? masks, float[]? values)
    {
        Question = question;
        Categories = categories;
        Masks = masks;
        Values = values;
        CategoryScores = [.. categories.Select(c => c.Score ?? double.NaN)];
    }

    public Question Question { get; }

    public string Id => Question.Id;

    public QuestionKind Kind => Question.Kind;

    /// <summary>The options (or scale values) in bit order.</summary>
    public IReadOnlyList<Category> Categories { get; }

    /// <summary>Per respondent, the categories chosen; null for number questions.</summary>
    public ulong[]? Masks { get; }

    /// <summary>Per respondent, the scale or number value; null for choice questions.</summary>
    public float[]? Values { get; }

    /// <summary>Per category, what choosing it scores (0..100), NaN when it does not count.</summary>
    public double[] CategoryScores { get; }

    /// <summary>True when one respondent may be counted in several categories.</summary>
    public bool MultipleAnswers => Kind == QuestionKind.MultipleChoice;

    /// <summary>
    /// The respondent's score on this question, 0..100: a scale linearly, a choice the mean of the
    /// scores of the options chosen that carry one; NaN when not answered or not scored.
    /// </summary>
    public double ScoreOf(int respondent)
    {
        var mask = Masks is null ? 0UL : Masks[respondent];
        if (mask == 0) return double.NaN;
        double sum = 0;
        var count = 0;
        while (mask != 0)
        {
            var bit = System.Numerics.BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            var score = CategoryScores[bit];
            if (double.IsNaN(score)) continue;
            sum += score;
            count++;
        }
        return count == 0 ? double.NaN : sum / count;
    }
}

/// <summary>An option of a choice question, or a value of a scale, with its label and score.</summary>
public sealed record Category(string Value, LocalizedText Label, double? Score);
