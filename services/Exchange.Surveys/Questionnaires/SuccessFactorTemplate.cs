using Exchange.Surveys.V1;
using static Exchange.Surveys.Questionnaires.QuestionnaireBuilder;

namespace Exchange.Surveys.Questionnaires;

/// <summary>
/// The programme's success-factor questionnaire for implementation bodies and key persons, after
/// a project and in the follow-up years: why and with what aims the region tied up, what it
/// expected of the partner region, who ran the project, how far the implementation body took
/// part, when the first achievement came, preparation, present status, keys, obstacles, ripple
/// effects, and a self-assessment on each of the eight points for success.
/// </summary>
public static class SuccessFactorTemplate
{
    public const string Id = "success-factor";

    public static Questionnaire Build()
    {
        var tieUp = Text("About the tie-up", "連携について");
        var running = Text("Running the project", "事業の実施");
        var results = Text("Results", "成果");
        var points = Text("The eight points for success", "成功のための8つのポイント");
        var notAtAll = Text("Not at all", "全くできなかった");
        var fully = Text("Fully", "十分にできた");

        var questionnaire = new Questionnaire
        {
            Id = Id,
            Version = 1,
            Title = Text("Success factors of region-to-region tie-ups", "地域間連携の成功要因に関する調査"),
            Description = Text(
                "For implementation bodies and key persons of projects, at completion and in the follow-up years. Most questions allow several answers.",
                "事業の実施機関及びキーパーソンを対象に、事業終了時及びその後の年度に実施します。多くの設問は複数回答可です。"),
            Purpose = QuestionnairePurpose.SuccessFactor,
            Template = true,
            CreatedBy = "programme-office",
        };
        Question[] questions =
        [
            Multiple("reasons", tieUp, "Why did your region take up an international tie-up?", "国際連携に取り組んだ理由は何ですか。", true,
                Option("revitalise-industry", "To revitalise the region's industry", "地域産業の活性化のため"),
                Option("overseas-market", "To open overseas markets", "海外市場を開拓するため"),
                Option("upgrade-technology", "To upgrade the region's technology", "地域の技術を高度化するため"),
                Option("existing-exchange", "To develop an existing exchange", "既存の交流を発展させるため"),
                Option("regional-policy", "As part of the region's own policy", "地域の施策の一環として"),
                Option("other", "Other", "その他")),
            Multiple("objectives", tieUp, "What were the objectives of the tie-up?", "連携の目的は何でしたか。", true,
                Option("technical-exchange", "Technical exchange", "技術交流"),
                Option("new-sales-channels", "New sales channels", "新たな販路の開拓"),
                Option("joint-development", "Joint development of products or technology", "製品・技術の共同開発"),
                Option("investment", "Investment or setting up abroad", "投資・海外進出"),
                Option("human-exchange", "Exchange of people and know-how", "人材・ノウハウの交流"),
                Option("other", "Other", "その他")),
            Multiple("expectations", tieUp, "What did you expect of the partner region?", "相手地域に何を期待しましたか。", true,
                Option("same-field-cluster", "An industrial cluster of the same field", "同じ分野の産業集積"),
                Option("advanced-technology-cluster", "A cluster of advanced technology", "先端技術の集積"),
                Option("existing-exchange", "An exchange that already existed", "既存の交流関係"),
                Option("supplementing-cluster", "A cluster that supplements our region", "当地域を補完する産業集積"),
                Option("design-ability", "High design ability", "高いデザイン力"),
                Option("brand-image", "An excellent brand image", "優れたブランドイメージ"),
                Option("need-for-our-technology", "The partner's need for our region's technology", "当地域の技術に対する相手側のニーズ"),
                Option("materials", "Desirable materials to procure", "調達したい素材・原材料"),
                Option("management-know-how", "Project management know-how", "プロジェクト運営のノウハウ")),
            Multiple("run-by", running, "Who ran the project?", "事業を推進したのは誰ですか。", true,
                Option("regional-companies", "Regional companies", "地域企業"),
                Option("prefectural-government", "The prefectural government or its support organisations", "県及び県の支援機関"),
                Option("city-government", "The city government or its support organisations", "市町村及び市町村の支援機関"),
                Option("universities", "Universities and colleges", "大学・高等専門学校"),
                Option("chambers", "Chambers of commerce", "商工会議所・商工会"),
                Option("associations", "Other associations and industrial groups", "その他の団体・業界団体"),
                Option("national-government", "The national government (regional bureau)", "国（地方経済産業局）"),
                Option("consultants", "Consulting offices", "コンサルタント")),
            Single("body-contribution", running, "How far did the implementation body take part and contribute?", "実施機関はどの程度参画し、貢献しましたか。", true,
                Option("sufficiently", "Sufficiently", "十分に参画・貢献した", 100),
                Option("to-an-extent", "To an extent", "ある程度参画・貢献した", 50),
                Option("hard-to-tell", "Hard to tell", "どちらとも言えない", 0))
                .Measures(SuccessPoint.RegionalMeasures),
            Single("advance-preparation", running, "How far did you prepare before the tie-up (surveys of the partner region, matching of needs)?",
                "連携の前に、相手地域の調査やニーズの照合などの事前準備をどの程度行いましたか。", false,
                Option("thorough", "Thoroughly", "十分に行った", 100),
                Option("partly", "Partly", "一部行った", 50),
                Option("none", "Not at all", "行わなかった", 0))
                .Measures(SuccessPoint.GlobalPerspective),
            Single("first-achievement", results, "When did the first achievement come?", "最初の成果はいつ出ましたか。", true,
                Option("during", "During the supported period", "支援期間中"),
                Option("after", "After the project ended", "事業終了後"),
                Option("not-yet", "Not yet", "まだ出ていない")),
            Multiple("achievement-kinds", results, "What were the achievements?", "どのような成果がありましたか。", true,
                Option("joint-venture", "A joint venture", "合弁会社の設立"),
                Option("overseas-base", "A plant or sales company set up abroad", "海外での工場・販売会社の設立"),
                Option("development-contract", "A product or technology development contract", "製品・技術開発の契約"),
                Option("technology-transfer", "A technology transfer contract", "技術移転の契約"),
                Option("agreement", "A friendship or cooperation agreement, or an MoU", "友好・協力協定、覚書の締結"),
                Option("joint-development", "Joint development or joint clinical tests", "共同開発・共同臨床試験"),
                Option("sales-channel", "A new sales channel or exports", "新たな販路・輸出"),
                Option("trade-fair", "Exhibition at a trade fair", "見本市への出展"),
                Option("consortium", "A consortium formed in the region", "地域でのコンソーシアムの形成"))
                .When("first-achievement", "during", "after"),
            Single("exchange-status", results, "What is the present status of the exchange?", "交流の現状はどうなっていますか。", true,
                Option("continuing-own-budget", "Continuing with our own budget", "自主財源で継続している", 100),
                Option("continuing-reduced", "Continuing on a smaller scale", "規模を縮小して継続している", 50),
                Option("ceased", "Ceased", "終了した", 0))
                .Measures(SuccessPoint.LongTermPerspective),
            Multiple("keys", results, "What were the keys to realising the tie-up?", "連携の実現にとって何が鍵となりましたか。", false,
                Option("key-persons", "Key persons on both sides", "双方のキーパーソンの存在"),
                Option("trust", "Trust built over time", "時間をかけて築いた信頼関係"),
                Option("clear-goals", "Clear, shared goals", "明確で共有された目標"),
                Option("matching-needs", "Needs that matched", "ニーズの合致"),
                Option("support-organisations", "Support organisations taking part", "支援機関の関与"),
                Option("continuity", "Continuous exchange", "継続的な交流")),
            Multiple("obstacles", results, "What obstacles and challenges did you meet?", "どのような障害や課題がありましたか。", false,
                Option("communication", "Communication with the counterpart", "相手側とのコミュニケーション"),
                Option("recruiting-participants", "Recruiting enthusiastic participants", "意欲的な参加者の確保"),
                Option("partner-needs", "Understanding the overseas partner's needs", "海外の相手側のニーズの把握"),
                Option("momentum", "Fostering momentum", "機運の醸成"),
                Option("fundraising", "Fundraising and resources", "資金・資源の確保"),
                Option("know-how-people", "Recruiting people with know-how", "ノウハウを持つ人材の確保"),
                Option("development-methods", "Methods of technology and product development", "技術・製品開発の進め方"),
                Option("publicity", "Publicity to regional business circles", "地域経済界への周知"),
                Option("socio-economic-change", "Socio-economic change", "社会経済情勢の変化"),
                Option("none", "None", "特になし", exclusive: true))
                .Tagged("obstacles"),
            Multiple("ripple-effects", results, "What ripple effects did the tie-up have?", "連携によりどのような波及効果がありましたか。", false,
                Option("overseas-network", "An overseas network", "海外とのネットワークの構築"),
                Option("revitalised-industry", "Revitalised regional industry", "地域産業の活性化"),
                Option("know-how", "Know-how gained", "ノウハウの蓄積"),
                Option("more-negotiations", "More business negotiations", "商談の増加"),
                Option("regional-consortium", "A regional consortium", "地域のコンソーシアムの形成"),
                Option("none", "None", "特になし", exclusive: true))
                .Tagged("ripple-effects"),
            Number("companies-involved", running, "How many companies took part in the project?", "事業に参加した企業は何社ですか。", "companies", min: 0),
            Scale("sp-global-perspective", points, "Did the project discover the region's technology from a global perspective?",
                "グローバルな視点で地域の技術を発掘できましたか。", true, notAtAll, fully).Measures(SuccessPoint.GlobalPerspective),
            Scale("sp-regional-measures", points, "Did the project cooperate with the region's own measures?",
                "地域の施策と連携できましたか。", true, notAtAll, fully).Measures(SuccessPoint.RegionalMeasures),
            Scale("sp-wide-vision", points, "Did the project keep a wide exchange vision?",
                "幅広い交流のビジョンを持てましたか。", true, notAtAll, fully).Measures(SuccessPoint.WideVision),
            Scale("sp-company-motivation", points, "Were the participating companies motivated?",
                "参加企業の意欲を引き出せましたか。", true, notAtAll, fully).Measures(SuccessPoint.CompanyMotivation),
            Scale("sp-networks", points, "Did the project use government, industry and academia networks?",
                "産学官のネットワークを活用できましたか。", true, notAtAll, fully).Measures(SuccessPoint.Networks),
            Scale("sp-communication", points, "Was communication with the partner sufficient?",
                "相手側と十分なコミュニケーションを取れましたか。", true, notAtAll, fully).Measures(SuccessPoint.Communication),
            Scale("sp-flexibility", points, "Was the project flexible enough to overcome failures?",
                "失敗を乗り越える柔軟性を持てましたか。", true, notAtAll, fully).Measures(SuccessPoint.Flexibility),
            Scale("sp-long-term", points, "Did the project keep a long-term perspective?",
                "長期的な視点を持てましたか。", true, notAtAll, fully).Measures(SuccessPoint.LongTermPerspective),
            FreeText("comments", results, "Anything else the programme office should know?", "その他、事務局へのご意見をお書きください。"),
        ];
        questionnaire.Questions.Add(questions);
        return questionnaire;
    }
}
