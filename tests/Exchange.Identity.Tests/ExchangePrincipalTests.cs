using System.Security.Claims;

namespace Exchange.Identity.Tests;

public sealed class ExchangePrincipalTests
{
    private static ClaimsPrincipal User(bool authenticated, params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), authenticated ? "Bearer" : null));

    [Fact]
    public void A_complete_authenticated_identity_is_a_caller()
    {
        var caller = ExchangePrincipal.From(User(true, ("sub", "key-1"), ("org", "dalian-city"), ("org_name", "Dalian"),
            ("role", "overseas-partner"), ("projects", "suwa-dalian"), ("projects", "kobe-dalian")));

        Assert.Equal(new ExchangePrincipal("dalian-city", "Dalian", Role.OverseasPartner,
            new HashSet<string> { "kobe-dalian", "suwa-dalian" }, "key-1"), caller);
    }

    [Fact]
    public void The_organisation_name_defaults_to_its_id()
    {
        var caller = ExchangePrincipal.From(User(true, ("sub", "k"), ("org", "suwa-city"), ("role", "coordinator")));
        Assert.Equal("suwa-city", caller!.OrganisationName);
    }

    [Fact]
    public void Anything_less_is_no_caller()
    {
        Assert.Null(ExchangePrincipal.From(null));
        Assert.Null(ExchangePrincipal.From(new ClaimsPrincipal()));
        Assert.Null(ExchangePrincipal.From(User(false, ("sub", "k"), ("org", "suwa-city"), ("role", "admin"))));
        Assert.Null(ExchangePrincipal.From(User(true, ("org", "suwa-city"), ("role", "admin"))));
        Assert.Null(ExchangePrincipal.From(User(true, ("sub", "k"), ("role", "admin"))));
        Assert.Null(ExchangePrincipal.From(User(true, ("sub", "k"), ("org", "suwa-city"))));
        Assert.Null(ExchangePrincipal.From(User(true, ("sub", "k"), ("org", "suwa-city"), ("role", "Admin"))));
    }
}
