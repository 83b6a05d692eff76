using Exchange.Claims.Checks;
using Exchange.Claims.Model;
using Exchange.Missions.V1;

namespace Exchange.Claims.Tests.Unit;

/// <summary>A claim and its surroundings for the rules, built in memory.</summary>
internal static class ClaimChecks
{
    public static readonly FundedPersonValue Anna = Person("Anna Weber", "de-carl-zeiss-jena", "Carl Zeiss Jena");
    public static readonly FundedPersonValue Jonas = Person("Jonas Keller", "de-carl-zeiss-jena", "Carl Zeiss Jena");
    public static readonly FundedPersonValue Mia = Person("Mia Schulz", "de-carl-zeiss-jena", "Carl Zeiss Jena");
    public static readonly FundedPersonValue Lukas = Person("Lukas Braun", "de-carl-zeiss-jena", "Carl Zeiss Jena");
    public static readonly FundedPersonValue Li = Person("Li Wei", "cn-dalian-machinery", "Dalian Machinery");

    public static readonly DateOnly Start = new(2007, 9, 3);

    public static readonly ExchangeRateTable Rates = new([
        ExchangeRate.Create("EUR", new DateOnly(2007, 4, 1), 160.12m, "TTM", "programme-office", DateTimeOffset.UnixEpoch),
        ExchangeRate.Create("EUR", new DateOnly(2007, 10, 1), 165.555m, "TTM", "programme-office", DateTimeOffset.UnixEpoch),
        ExchangeRate.Create("CNY", new DateOnly(2007, 4, 1), 15.87m, "TTM", "programme-office", DateTimeOffset.UnixEpoch),
    ]);

    public static Rulebook Template(Func<RulebookContent, RulebookContent>? change = null)
    {
        var content = new RulebookTemplate().ToContent();
        return Rulebook.Create(2007, 1, change?.Invoke(content) ?? content, "programme-office", "", DateTimeOffset.UnixEpoch);
    }

    public static Claim Claim(SupportTool tool, int days, params FundedPersonValue[] people) =>
        Model.Claim.Open(new CompletedActivity(Guid.NewGuid(), Guid.NewGuid(), 2007, tool, Start, Start.AddDays(days - 1), ["Jena, DE"], [.. people], 0, DateTimeOffset.UnixEpoch),
            "system", DateTimeOffset.UnixEpoch);

    public static ClaimLineValue Line(string id, string category, string amount, string currency = "JPY", string valueDate = "2007-09-04", FundedPersonValue? person = null, string description = "") =>
        new(id, category, description.Length > 0 ? description : $"{category} {id}", amount, currency, valueDate, person?.Key ?? "", $"att-{id}", Sha(id));

    public static ClaimCheckResult Check(Claim claim, Rulebook? rulebook = null, BudgetPosition? budget = null, DateTimeOffset? closing = null, params ClaimLineValue[] lines)
    {
        claim.ReplaceLines([.. lines], DateTimeOffset.UnixEpoch);
        var result = ClaimCheck.Run(claim, rulebook, Rates, budget ?? new BudgetPosition(100_000_000, 0), closing, new DateTimeOffset(2007, 12, 1, 0, 0, 0, TimeSpan.Zero));
        claim.Record(result);
        return result;
    }

    public static string Sha(string seed) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(seed)));

    private static FundedPersonValue Person(string name, string organisation, string organisationName) =>
        new(PersonKey.Of(organisation, name), name, organisation, organisationName, "DE", "engineer");
}
