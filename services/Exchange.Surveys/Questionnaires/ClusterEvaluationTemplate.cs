using Exchange.Surveys.V1;
using static Exchange.Surveys.Questionnaires.QuestionnaireBuilder;

namespace Exchange.Surveys.Questionnaires;

/// <summary>
/// The standard evaluation survey of a cluster's member companies, in the six areas the
/// evaluation model grades: a cluster core, collaboration, R&amp;D, new business, economic effect
/// and participant satisfaction. Every tagged question is scored 0..100 (scales linearly,
/// choices by their option scores), which the compound indices are built from.
/// </summary>
public static class ClusterEvaluationTemplate
{
    public const string Id = "cluster-evaluation";

    public static Questionnaire Build()
    {
        var core = Text("Cluster core", "クラスターの中核");
        var collaboration = Text("Collaboration", "連携");
        var research = Text("Research and development", "研究開発");
        var business = Text("New business", "新事業");
        var economy = Text("Economic effect", "経済効果");
        var satisfaction = Text("Satisfaction", "満足度");
        var company = Text("Your company", "貴社について");
        var low = Text("Not at all", "全くそう思わない");
        var high = Text("Very much", "非常にそう思う");

        Question[] questions =
        [
            Single("company-size", company, "How many employees does your company have?", "貴社の従業員数を教えてください。", true,
                Option("small", "Fewer than 50", "50人未満"),
                Option("medium", "50 to 299", "50人以上300人未満"),
                Option("large", "300 or more", "300人以上")),
            Single("core-exists", core, "Is there an organisation that drives the cluster?", "クラスターを牽引する中核組織はありますか。", true,
                Option("active", "Yes, and it is active", "あり、活発に活動している", 100),
                Option("nominal", "Yes, but only in name", "あるが、名目的である", 50),
                Option("none", "No", "ない", 0))
                .Measures(EvaluationArea.ClusterCore),
            Scale("core-support", core, "How useful is the core organisation's support to your company?", "中核組織の支援は貴社にとって役立っていますか。", true, low, high)
                .Measures(EvaluationArea.ClusterCore),
            Single("collab-partners", collaboration, "How many new partners did your company find through the cluster in the last year?",
                "この1年間にクラスターを通じて新たに得た連携先は何社ですか。", true,
                Option("none", "None", "なし", 0),
                Option("one-or-two", "One or two", "1～2社", 50),
                Option("three-or-more", "Three or more", "3社以上", 100))
                .Measures(EvaluationArea.Collaboration),
            Scale("collab-academia", collaboration, "Does your company collaborate with universities and research institutes through the cluster?",
                "クラスターを通じて大学・研究機関と連携していますか。", true, low, high)
                .Measures(EvaluationArea.Collaboration),
            Single("rd-joint", research, "Does your company take part in joint R&D through the cluster?", "クラスターを通じた共同研究開発に参加していますか。", true,
                Option("none", "No", "参加していない", 0),
                Option("planned", "Planned", "計画中", 50),
                Option("running", "Yes, running", "実施中", 100))
                .Measures(EvaluationArea.ResearchAndDevelopment),
            Single("rd-patents", research, "Did cluster activities lead to patent applications?", "クラスター活動から特許出願につながりましたか。", true,
                Option("none", "None", "なし", 0),
                Option("one", "One", "1件", 50),
                Option("several", "Several", "複数件", 100))
                .Measures(EvaluationArea.ResearchAndDevelopment),
            Single("nb-products", business, "Did your company launch new products or services through the cluster?", "クラスターを通じて新製品・新サービスを発売しましたか。", true,
                Option("none", "No", "していない", 0),
                Option("developing", "In development", "開発中", 50),
                Option("launched", "Launched", "発売した", 100))
                .Measures(EvaluationArea.NewBusiness),
            Scale("nb-customers", business, "Did the cluster bring your company new customers or markets?", "クラスターにより新たな顧客・市場を獲得できましたか。", true, low, high)
                .Measures(EvaluationArea.NewBusiness),
            Single("econ-sales", economy, "How have your company's sales changed since it joined the cluster?", "クラスター参加後、貴社の売上高はどう変化しましたか。", true,
                Option("decreased-greatly", "Decreased greatly", "大きく減少した", 0),
                Option("decreased", "Decreased", "減少した", 25),
                Option("unchanged", "Unchanged", "変わらない", 50),
                Option("increased", "Increased", "増加した", 75),
                Option("increased-greatly", "Increased greatly", "大きく増加した", 100))
                .Measures(EvaluationArea.EconomicEffect),
            Number("econ-sales-percent", economy, "By how many percent did sales change (negative for a decrease)?", "売上高は何％変化しましたか（減少はマイナス）。", "%", min: -100, max: 1000),
            Single("econ-employment", economy, "How has your company's employment changed?", "貴社の雇用はどう変化しましたか。", true,
                Option("decreased", "Decreased", "減少した", 0),
                Option("unchanged", "Unchanged", "変わらない", 50),
                Option("increased", "Increased", "増加した", 100))
                .Measures(EvaluationArea.EconomicEffect),
            Scale("sat-overall", satisfaction, "How satisfied is your company with the cluster overall?", "クラスター全体に満足していますか。", true, low, high)
                .Measures(EvaluationArea.ParticipantSatisfaction),
            Single("sat-continue", satisfaction, "Will your company go on taking part?", "今後も参加を続けますか。", true,
                Option("yes", "Yes", "続ける", 100),
                Option("undecided", "Undecided", "未定", 50),
                Option("no", "No", "続けない", 0))
                .Measures(EvaluationArea.ParticipantSatisfaction),
            FreeText("comments", satisfaction, "Anything else about the cluster?", "その他、クラスターについてご意見をお書きください。"),
        ];

        var questionnaire = new Questionnaire
        {
            Id = Id,
            Version = 1,
            Title = Text("Cluster evaluation: member company survey", "クラスター評価：参加企業調査"),
            Description = Text(
                "The standard survey of every member company, graded in six areas: cluster core, collaboration, R&D, new business, economic effect, satisfaction.",
                "全参加企業を対象とする標準調査です。中核、連携、研究開発、新事業、経済効果、満足度の6分野で評価します。"),
            Purpose = QuestionnairePurpose.ClusterEvaluation,
            Template = true,
            CreatedBy = "programme-office",
        };
        questionnaire.Questions.Add(questions);
        return questionnaire;
    }
}
