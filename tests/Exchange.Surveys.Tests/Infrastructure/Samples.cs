using Exchange.Common.V1;
using Exchange.Projects.V1;
using Exchange.Surveys.V1;

namespace Exchange.Surveys.Tests.Infrastructure;

/// <summary>
/// Projects modelled on the programme's real cases, spread over sectors, bureaus and world areas for
/// the analytics to tell apart (their own registrations, not those of <see cref="TieUps"/>), and answers
/// to the shipped questionnaires.
/// </summary>
public static class Samples
{
    /// <summary>Hamamatsu - Jena, optical appliances: metal and mechanical processing, Chubu, Germany.</summary>
    public static RegisterProjectRequest HamamatsuJena() =>
        Registration("Hamamatsu - Jena optical appliances", "Hamamatsu city", "Shizuoka", RegionalBureau.Chubu, Sector.MetalMechanical,
            TieUps.Hamamatsu, [("Jena", "DE", WorldArea.Europe)], TieUps.Jena);

    /// <summary>East Osaka - Dalian, precision machining: metal and mechanical processing, Kinki, China.</summary>
    public static RegisterProjectRequest EastOsakaDalian() =>
        Registration("East Osaka - Dalian precision machining", "Higashiosaka city", "Osaka", RegionalBureau.Kinki, Sector.MetalMechanical,
            "higashiosaka-city", [("Dalian", "CN", WorldArea.Asia)], TieUps.Dalian);

    /// <summary>Fukuoka - Shanghai and Silicon Valley, embedded software: IT, Kyushu, China and the USA.</summary>
    public static RegisterProjectRequest FukuokaSoftware() =>
        Registration("Fukuoka embedded software", "Fukuoka city", "Fukuoka", RegionalBureau.Kyushu, Sector.It,
            "fukuoka-city", [("Shanghai", "CN", WorldArea.Asia), ("Silicon Valley", "US", WorldArea.NorthAmerica)], "shanghai-software-park");

    public static Respondent Person(string name, string organisation = "") => new() { Name = name, OrganisationName = organisation, Role = "key person", Contact = $"{name.Replace(' ', '.').ToLowerInvariant()}@example.org" };

    public static Answer Options(string questionId, params string[] options) => new() { QuestionId = questionId, OptionIds = { options } };

    public static Answer Scale(string questionId, int value) => new() { QuestionId = questionId, ScaleValue = value };

    /// <summary>
    /// A complete success-factor response: the answers the test cares about, and for everything
    /// else required a neutral answer (scales 3).
    /// </summary>
    public static Answer[] SuccessFactors(string contribution, string firstAchievement, string[] obstacles, params Answer[] overrides)
    {
        var answers = new List<Answer>
        {
            Options("reasons", "overseas-market"),
            Options("objectives", "technical-exchange", "new-sales-channels"),
            Options("expectations", "same-field-cluster"),
            Options("run-by", "regional-companies", "city-government"),
            Options("body-contribution", contribution),
            Options("first-achievement", firstAchievement),
            Options("exchange-status", "continuing-own-budget"),
            Options("obstacles", obstacles),
        };
        if (firstAchievement != "not-yet") answers.Add(Options("achievement-kinds", "trade-fair"));
        foreach (var point in new[] { "global-perspective", "regional-measures", "wide-vision", "company-motivation", "networks", "communication", "flexibility", "long-term" })
            answers.Add(Scale($"sp-{point}", 3));
        foreach (var answer in overrides)
        {
            answers.RemoveAll(a => a.QuestionId == answer.QuestionId);
            answers.Add(answer);
        }
        return [.. answers];
    }

    /// <summary>
    /// A complete cluster-evaluation response in which every scored answer scores <paramref name="level"/>
    /// (0, 50 or 100): options by their score, scales 1, 3 or 5.
    /// </summary>
    public static Answer[] ClusterMember(int level, params Answer[] overrides)
    {
        var template = Exchange.Surveys.Questionnaires.ClusterEvaluationTemplate.Build();
        var answers = new List<Answer> { Options("company-size", "small") };
        foreach (var question in template.Questions.Where(q => q.EvaluationAreas.Count > 0))
        {
            if (question.Kind == QuestionKind.Scale) answers.Add(Scale(question.Id, 1 + level / 25));
            else answers.Add(Options(question.Id, question.Options.First(o => o.Score == level).Id));
        }
        foreach (var answer in overrides)
        {
            answers.RemoveAll(a => a.QuestionId == answer.QuestionId);
            answers.Add(answer);
        }
        return [.. answers];
    }

    private static RegisterProjectRequest Registration(string title, string region, string prefecture, RegionalBureau bureau, Sector sector,
        string body, (string Name, string Country, WorldArea Area)[] overseas, string overseasBody)
    {
        var request = new RegisterProjectRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Programme = Programme.RegionalIndustryTieUp,
            Title = title,
            DomesticRegion = new DomesticRegion { Name = region, Prefecture = prefecture, Bureau = bureau },
            Sector = sector,
            Theme = title,
            DomesticBody = new Projects.V1.Organisation { Id = body, Name = $"{region} office", Country = "JP" },
            OverseasBodies = { new Projects.V1.Organisation { Id = overseasBody, Name = overseasBody, Country = overseas[0].Country } },
            PlannedPeriod = new FiscalYearRange { FirstYear = 2007, LastYear = 2009 },
        };
        request.OverseasRegions.Add(overseas.Select(o => new OverseasRegion { Name = o.Name, Country = o.Country, WorldArea = o.Area }));
        for (var i = 1; i <= 5; i++) request.Members.Add(new Member { ActorType = ActorType.RegionalCompany, OrganisationName = $"{region} SME {i}", Sme = true });
        request.Members.Add(new Member { ActorType = ActorType.University, OrganisationName = $"{prefecture} university" });
        return request;
    }
}
