using System.Globalization;
using Exchange.Surveys.Model;
using Exchange.Surveys.Questionnaires;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Analytics;

/// <summary>
/// Lays out responses, one at a time, into a <see cref="ResponseMatrix"/>. Rounds on different
/// versions of one questionnaire are laid out together: questions and options are matched by
/// their stable ids, the newest version's order first, then what only older versions had.
/// </summary>
public sealed partial class ResponseMatrixBuilder
{
    private readonly List<LaidOutQuestion> _questions = [];
    private readonly Dictionary<string, LaidOutQuestion> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AttributeEntries> _attributes = new(StringComparer.Ordinal);
    private int _capacity;
    private int _count;

    /// <param name="forms">The versions of the rounds, newest first.</param>
    /// <param name="capacity">The number of responses expected (the arrays grow if more come).</param>
    public ResponseMatrixBuilder(IEnumerable<QuestionnaireForm> forms, int capacity)
    {
        _capacity = Math.Max(capacity, 1);
        foreach (var form in forms)
        {
            foreach (var question in form.Questions)
            {
                if (question.Kind is QuestionKind.FreeText or QuestionKind.Unspecified) continue;
                if (!_byId.TryGetValue(question.Id, out var laidOut))
                {
                    laidOut = new LaidOutQuestion(question.Question, _questions.Count, _capacity);
                    _byId[question.Id] = laidOut;
                    _questions.Add(laidOut);
                }
                else
                {
                    laidOut.AddOptionsOf(question.Question);
                }
            }
        }
    }

    public int Count => _count;

    /// <summary>Adds one respondent's answers and attributes.</summary>
    public void Add(IReadOnlyList<StoredAnswer> answers, IReadOnlyList<AttributeValue> attributes)
    {
        var respondent = NextRespondent();
        // Answers are stored in questionnaire order: try the next question before the lookup.
        var next = 0;
        foreach (var answer in answers)
        {
            LaidOutQuestion? question;
            if (next < _questions.Count && string.Equals(_questions[next].Id, answer.QuestionId, StringComparison.Ordinal)) question = _questions[next];
            else if (!_byId.TryGetValue(answer.QuestionId, out question)) continue;
            question.Record(respondent, answer);
            next = question.Position + 1;
        }
        foreach (var attribute in attributes)
        {
            var entries = EntriesOf(attribute.Key);
            foreach (var value in attribute.Values) entries.Add(respondent, value);
        }
    }

    private int NextRespondent()
    {
        if (_count == _capacity)
        {
            _capacity *= 2;
            foreach (var question in _questions) question.Grow(_capacity);
        }
        return _count++;
    }

    private AttributeEntries EntriesOf(string key)
    {
        if (!_attributes.TryGetValue(key, out var entries)) _attributes[key] = entries = new AttributeEntries();
        return entries;
    }

    public ResponseMatrix Build() => new(
        _count,
        [.. _questions.Select(q => q.ToColumn(_count))],
        _attributes.Select(a => a.Value.ToColumn(a.Key, _count)));

    private sealed class LaidOutQuestion
    {
        private readonly Question _question;
        private readonly List<Category> _categories = [];
        private readonly Dictionary<string, int> _bits = new(StringComparer.Ordinal);
        private readonly List<byte[]> _utf8Categories = [];
        private ulong[]? _masks;
        private float[]? _values;

        public LaidOutQuestion(Question question, int position, int capacity)
        {
            _question = question;
            Position = position;
            Utf8Id = System.Text.Encoding.UTF8.GetBytes(question.Id);
            switch (question.Kind)
            {
                case QuestionKind.SingleChoice or QuestionKind.MultipleChoice:
                    AddOptionsOf(question);
                    _masks = new ulong[capacity];
                    break;
                case QuestionKind.Scale:
                    var (min, max) = (question.Scale.Min, question.Scale.Max);
                    for (var v = min; v <= max; v++)
                    {
                        var label = v == min ? question.Scale.MinLabel : v == max ? question.Scale.MaxLabel : null;
                        var text = v.ToString(CultureInfo.InvariantCulture);
                        var en = label is null || label.En.Length == 0 ? text : $"{text} ({label.En})";
                        var ja = label is null || label.Ja.Length == 0 ? text : $"{text} ({label.Ja})";
                        _bits[text] = _categories.Count;
                        _categories.Add(new Category(text, new LocalizedText { En = en, Ja = ja }, 100.0 * (v - min) / (max - min)));
                    }
                    _masks = new ulong[capacity];
                    _values = NewValues(capacity);
                    break;
                default:
                    _values = NewValues(capacity);
                    break;
            }
        }

        public string Id => _question.Id;

        public byte[] Utf8Id { get; }

        /// <summary>What the JSON reader needs: whether options (or a scale, or a number) are this question's answer.</summary>
        public QuestionKind Kind => _question.Kind;

        public void RecordMask(int respondent, ulong mask)
        {
            if (_masks is not null && _question.Kind != QuestionKind.Scale) _masks[respondent] = mask;
        }

        public void RecordScale(int respondent, int scale)
        {
            if (_question.Kind != QuestionKind.Scale) return;
            var bit = scale - _question.Scale.Min;
            if (bit >= 0 && bit < _categories.Count) _masks![respondent] = 1UL << bit;
            _values![respondent] = scale;
        }

        public void RecordNumber(int respondent, double number)
        {
            if (_question.Kind == QuestionKind.Number) _values![respondent] = (float)number;
        }

        /// <summary>The bit of the option the reader stands on, compared in UTF-8 without making a string.</summary>
        public int BitOf(ref System.Text.Json.Utf8JsonReader reader)
        {
            if (_utf8Categories.Count <= 16)
            {
                for (var i = 0; i < _utf8Categories.Count; i++)
                    if (reader.ValueTextEquals(_utf8Categories[i])) return i;
                return -1;
            }
            return _bits.TryGetValue(reader.GetString() ?? "", out var found) ? found : -1;
        }

        public int Position { get; }

        public void AddOptionsOf(Question question)
        {
            foreach (var option in question.Options)
            {
                if (_bits.ContainsKey(option.Id) || _categories.Count == QuestionnaireValidation.MaxOptions) continue;
                _bits[option.Id] = _categories.Count;
                _categories.Add(new Category(option.Id, option.Label, option.HasScore ? option.Score : null));
                _utf8Categories.Add(System.Text.Encoding.UTF8.GetBytes(option.Id));
            }
        }

        public void Grow(int capacity)
        {
            if (_masks is not null) Array.Resize(ref _masks, capacity);
            if (_values is not null)
            {
                var old = _values.Length;
                Array.Resize(ref _values, capacity);
                _values.AsSpan(old).Fill(float.NaN);
            }
        }

        public void Record(int respondent, StoredAnswer answer)
        {
            if (answer.OptionIds is { } options && _masks is not null && _question.Kind != QuestionKind.Scale)
            {
                ulong mask = 0;
                foreach (var option in options)
                    if (BitOf(option) is var bit and >= 0) mask |= 1UL << bit;
                _masks[respondent] = mask;
            }
            else if (answer.Scale is { } scale && _question.Kind == QuestionKind.Scale)
            {
                var bit = scale - _question.Scale.Min;
                if (bit >= 0 && bit < _categories.Count) _masks![respondent] = 1UL << bit;
                _values![respondent] = scale;
            }
            else if (answer.Number is { } number && _question.Kind == QuestionKind.Number)
            {
                _values![respondent] = (float)number;
            }
        }

        // A dozen options are found faster by comparing than by hashing.
        private int BitOf(string option)
        {
            if (_categories.Count > 16) return _bits.TryGetValue(option, out var found) ? found : -1;
            for (var i = 0; i < _categories.Count; i++)
                if (string.Equals(_categories[i].Value, option, StringComparison.Ordinal)) return i;
            return -1;
        }

        public QuestionColumn ToColumn(int count)
        {
            if (_masks is not null && _masks.Length != count) Array.Resize(ref _masks, count);
            if (_values is not null && _values.Length != count) Array.Resize(ref _values, count);
            return new QuestionColumn(_question, _categories, _masks, _values);
        }

        private static float[] NewValues(int capacity)
        {
            var values = new float[capacity];
            values.AsSpan().Fill(float.NaN);
            return values;
        }
    }

    /// <summary>(respondent, value) pairs of one attribute, turned into codes and offsets at the end.</summary>
    private sealed class AttributeEntries
    {
        private readonly List<(int Respondent, string Value)> _entries = [];
        private readonly HashSet<string> _values = new(StringComparer.Ordinal);
        // The first values seen, for matching in UTF-8: sectors, bureaus, countries, clusters repeat.
        private readonly List<(byte[] Utf8, string Value)> _utf8Values = [];

        /// <summary>Adds the value the reader stands on, reusing the string of a value seen before.</summary>
        public void Add(int respondent, ref System.Text.Json.Utf8JsonReader reader)
        {
            foreach (var known in _utf8Values)
                if (reader.ValueTextEquals(known.Utf8))
                {
                    Add(respondent, known.Value);
                    return;
                }
            var value = reader.GetString() ?? "";
            if (_utf8Values.Count < 64) _utf8Values.Add((System.Text.Encoding.UTF8.GetBytes(value), value));
            Add(respondent, value);
        }

        public void Add(int respondent, string value)
        {
            if (_entries.Count > 0 && _entries[^1] == (respondent, value)) return;
            _entries.Add((respondent, value));
            _values.Add(value);
        }

        public AttributeColumn ToColumn(string key, int count)
        {
            var perRespondent = new int[count];
            foreach (var (respondent, _) in _entries) perRespondent[respondent]++;
            var missing = perRespondent.Any(n => n == 0);
            if (missing) _values.Add("");
            var values = _values.Order(StringComparer.Ordinal).ToArray();
            var code = values.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
            var offsets = new int[count + 1];
            for (var r = 0; r < count; r++) offsets[r + 1] = offsets[r] + Math.Max(perRespondent[r], 1);
            var codes = new int[offsets[count]];
            var next = (int[])offsets.Clone();
            foreach (var (respondent, value) in _entries) codes[next[respondent]++] = code[value];
            if (missing)
                for (var r = 0; r < count; r++)
                    if (perRespondent[r] == 0) codes[offsets[r]] = code[""];
            return new AttributeColumn(key, values, offsets, codes);
        }
    }
}
