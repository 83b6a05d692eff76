using System.Globalization;

namespace Exchange.Surveys.Model;

/// <summary>
/// When a completed project is surveyed again: <c>Surveys:FollowUpFiscalYears</c> lists the
/// offsets in fiscal years after its last supported year ("0,1,2": at completion, one and two
/// years later), because achievements keep coming after support ends.
/// </summary>
public sealed record FollowUpSchedule(IReadOnlyList<int> OffsetFiscalYears, string QuestionnaireId)
{
    public const string Section = "Surveys";

    public static FollowUpSchedule From(IConfiguration configuration)
    {
        var text = configuration[$"{Section}:FollowUpFiscalYears"] ?? "0,1,2";
        var offsets = new SortedSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) || offset > 20)
                throw new InvalidOperationException($"{Section}:FollowUpFiscalYears: '{part}' is not a number of fiscal years from 0 to 20");
            offsets.Add(offset);
        }
        return new FollowUpSchedule([.. offsets], configuration[$"{Section}:FollowUpQuestionnaire"] ?? Questionnaires.SuccessFactorTemplate.Id);
    }
}
