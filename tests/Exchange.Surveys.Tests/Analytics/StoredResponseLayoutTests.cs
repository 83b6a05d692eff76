using System.Text.Json;
using Exchange.Surveys.Analytics;
using Exchange.Surveys.Model;
using Exchange.Surveys.Questionnaires;
using Exchange.Surveys.V1;
using static Exchange.Surveys.Tests.Analytics.Responses;

namespace Exchange.Surveys.Tests.Analytics;

public sealed class StoredResponseLayoutTests
{
    private static readonly JsonSerializerOptions Stored = new(JsonSerializerDefaults.Web);

    [Fact]
    public void Stored_json_read_straight_into_the_columns_lays_out_as_the_answers_do()
    {
        var survey = Questionnaire(
            Multiple("obstacles", ("communication", null), ("fundraising", null), ("none", null)),
            Single("status", ("continuing", 100), ("ceased", 0)),
            Scale("satisfaction"),
            new Question { Id = "sales", Kind = QuestionKind.Number, Text = new LocalizedText { En = "sales" } },
            new Question { Id = "comments", Kind = QuestionKind.FreeText, Text = new LocalizedText { En = "comments" } });
        (StoredAnswer[] Answers, AttributeValue[] Attributes)[] responses =
        [
            ([Options("obstacles", "communication", "fundraising"), Options("status", "ceased"), ScaleValue("satisfaction", 4), new("sales", Number: -12.5), new("comments", Text: "\"q\": no")],
                [new("sector", ["Food"]), new("country", ["CN", "US"])]),
            // Out of questionnaire order, an unknown question and an unknown option: skipped as Add skips them.
            ([ScaleValue("satisfaction", 1), new("gone", OptionIds: ["x"]), Options("obstacles", "none", "bribes")], [new("sector", ["日本酒"])]),
            ([], []),
        ];
        var fromAnswers = new ResponseMatrixBuilder([new QuestionnaireForm(survey)], 1);
        var fromJson = new ResponseMatrixBuilder([new QuestionnaireForm(survey)], 1);
        foreach (var (answers, attributes) in responses)
        {
            fromAnswers.Add(answers, attributes);
            fromJson.AddStored(JsonSerializer.Serialize(answers, Stored), JsonSerializer.Serialize(attributes, Stored));
        }
        var expected = fromAnswers.Build();
        var actual = fromJson.Build();

        Assert.Equal(3, actual.Count);
        foreach (var question in expected.Questions)
        {
            Assert.Equal(question.Masks, actual.Question(question.Id)!.Masks);
            Assert.Equal(question.Values, actual.Question(question.Id)!.Values);
        }
        Assert.Equal([0b011UL, 0b100UL, 0UL], actual.Question("obstacles")!.Masks!);
        Assert.Equal(-12.5f, actual.Question("sales")!.Values![0]);
        foreach (var attribute in expected.Attributes)
        {
            var read = actual.Attribute(attribute.Key)!;
            Assert.Equal(attribute.Values, read.Values);
            for (var r = 0; r < 3; r++) Assert.Equal(attribute.CodesOf(r).ToArray(), read.CodesOf(r).ToArray());
        }
        Assert.Equal(["", "Food", "日本酒"], actual.Attribute("sector")!.Values);
    }
}
