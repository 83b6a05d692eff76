using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Exchange.Surveys.Analytics;

/// <summary>
/// The fast way in: a response as stored (the JSON of its answers and of its attributes) read
/// straight into the columns, without making an object per answer. Deserialising 10,000 stored
/// responses of 100 answers into objects takes seconds; reading them here takes a fraction of that.
/// The answers are those the service writes: <c>[{"q":"q1","o":["a","b"]},{"q":"q2","s":3},...]</c>
/// with the question id first in each answer.
/// </summary>
public sealed partial class ResponseMatrixBuilder
{
    /// <summary>Adds one respondent from the stored JSON of its answers and attributes.</summary>
    public void AddStored(string answersJson, string attributesJson)
    {
        var respondent = NextRespondent();
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(Math.Max(answersJson.Length, attributesJson.Length)));
        try
        {
            ReadAnswers(respondent, buffer.AsSpan(0, Encoding.UTF8.GetBytes(answersJson, buffer)));
            ReadAttributes(respondent, buffer.AsSpan(0, Encoding.UTF8.GetBytes(attributesJson, buffer)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void ReadAnswers(int respondent, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw new JsonException("stored answers are not a JSON array");
        var next = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            LaidOutQuestion? question = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("q"u8))
                {
                    reader.Read();
                    question = Find(ref reader, next);
                    if (question is not null) next = question.Position + 1;
                }
                else if (reader.ValueTextEquals("o"u8))
                {
                    reader.Read();
                    ulong mask = 0;
                    while (reader.Read() && reader.TokenType == JsonTokenType.String)
                        if (question?.BitOf(ref reader) is >= 0 and var bit) mask |= 1UL << bit;
                    question?.RecordMask(respondent, mask);
                }
                else if (reader.ValueTextEquals("s"u8))
                {
                    reader.Read();
                    question?.RecordScale(respondent, reader.GetInt32());
                }
                else if (reader.ValueTextEquals("n"u8))
                {
                    reader.Read();
                    question?.RecordNumber(respondent, reader.GetDouble());
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
    }

    // Answers come in questionnaire order: the next question is compared first, in UTF-8.
    private LaidOutQuestion? Find(ref Utf8JsonReader reader, int next)
    {
        if (next < _questions.Count && reader.ValueTextEquals(_questions[next].Utf8Id)) return _questions[next];
        return _byId.GetValueOrDefault(reader.GetString() ?? "");
    }

    // [{"key":"sector","values":["It"]},...] as the JSON columns store attributes.
    private void ReadAttributes(int respondent, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw new JsonException("stored attributes are not a JSON array");
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            AttributeEntries? entries = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("key"u8))
                {
                    reader.Read();
                    entries = EntriesOf(reader.GetString() ?? "");
                }
                else if (reader.ValueTextEquals("values"u8) && entries is not null)
                {
                    reader.Read();
                    while (reader.Read() && reader.TokenType == JsonTokenType.String) entries.Add(respondent, ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
    }
}
