namespace Exchange.Surveys.Analytics;

/// <summary>
/// One respondent attribute ("sector", "country", "cluster") of every respondent: the distinct
/// values in order, and per respondent the codes of its values (a project in two countries has
/// two), stored as one code array with offsets.
/// </summary>
public sealed class AttributeColumn(string key, string[] values, int[] offsets, int[] codes)
{
    public string Key => key;

    /// <summary>The distinct values, sorted; a respondent without the attribute has the value "".</summary>
    public IReadOnlyList<string> Values => values;

    public ReadOnlySpan<int> CodesOf(int respondent) => codes.AsSpan(offsets[respondent], offsets[respondent + 1] - offsets[respondent]);

    /// <summary>The respondent's first value, or "" when it has none.</summary>
    public string FirstValueOf(int respondent) => offsets[respondent + 1] > offsets[respondent] ? values[codes[offsets[respondent]]] : "";

    public int CodeOf(string value) => Array.BinarySearch(values, value, StringComparer.Ordinal) is var i and >= 0 ? i : -1;

    internal long Bytes => (long)offsets.Length * sizeof(int) + (long)codes.Length * sizeof(int);
}
