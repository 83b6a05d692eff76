using Exchange.Identity.Authentication;
using Exchange.Identity.Testing;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Exchange.Identity.Tests;

/// <summary>Tokens as the gateway mints them and services read them back.</summary>
public sealed class TokenIssuerTests
{
    private readonly BearerTokenValidator _validator = new(TestTokens.ValidationParameters);

    [Fact]
    public async Task A_token_carries_the_caller_back_unchanged()
    {
        var caller = new ExchangePrincipal("toyama-pref", "Toyama Prefecture", Role.ImplementationBody,
            new HashSet<string> { "toyama-basel", "toyama-ontario" }, "key-3");

        var check = await _validator.ValidateAsync(TestTokens.Issuer.Issue(caller));

        Assert.True(check.IsValid, check.Failure);
        Assert.Equal(caller, check.Caller);
        Assert.Equal("key-3", check.Identity!.Name);
        Assert.True(new System.Security.Claims.ClaimsPrincipal(check.Identity).IsInRole("implementation-body"));
    }

    [Theory]
    [InlineData(Role.ImplementationBody)]
    [InlineData(Role.OverseasPartner)]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Admin)]
    public async Task Every_role_travels(Role role)
    {
        var check = await _validator.ValidateAsync(TestTokens.For(role, "org"));
        Assert.Equal(role, check.Caller!.Role);
    }

    [Fact]
    public async Task A_caller_without_projects_has_an_empty_set()
    {
        var check = await _validator.ValidateAsync(TestTokens.For(Role.Coordinator, "programme-office"));
        Assert.Empty(check.Caller!.ProjectIds);
    }

    [Fact]
    public void A_token_has_an_id_and_a_five_minute_lifetime_by_default()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.Zero));
        var issuer = BadTokens.Issuer(clock: clock);

        var first = new JsonWebToken(issuer.Issue(TestTokens.Principal(Role.Admin, "ops")));
        var second = new JsonWebToken(issuer.Issue(TestTokens.Principal(Role.Admin, "ops")));

        Assert.Equal("ES256", first.Alg);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, first.IssuedAt);
        Assert.Equal(clock.GetUtcNow().UtcDateTime, first.ValidFrom);
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddMinutes(5), first.ValidTo);
        Assert.False(string.IsNullOrEmpty(first.Id));
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal("exchange-gateway", first.Issuer);
        Assert.Equal(["exchange-services"], first.Audiences);
    }

    [Fact]
    public async Task Clock_skew_is_small_and_tolerated()
    {
        var caller = TestTokens.Principal(Role.ImplementationBody, "suwa-city");
        // Expired ten seconds ago, or valid from ten seconds ahead: within the 30 s skew.
        var justExpired = BadTokens.Issuer(clock: FixedClock.At(TimeSpan.FromSeconds(-70))).Issue(caller, TimeSpan.FromMinutes(1));
        var slightlyAhead = BadTokens.Issuer(clock: FixedClock.At(TimeSpan.FromSeconds(10))).Issue(caller);
        var expiredTwoMinutesAgo = BadTokens.Issuer(clock: FixedClock.At(TimeSpan.FromMinutes(-3))).Issue(caller, TimeSpan.FromMinutes(1));

        Assert.True((await _validator.ValidateAsync(justExpired)).IsValid);
        Assert.True((await _validator.ValidateAsync(slightlyAhead)).IsValid);
        Assert.Equal(TokenRejections.Expired, (await _validator.ValidateAsync(expiredTwoMinutesAgo)).Failure);
    }

    [Fact]
    public async Task A_token_without_expiry_is_refused()
    {
        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var token = handler.CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = "exchange-gateway",
            Audience = "exchange-services",
            Claims = new Dictionary<string, object> { ["sub"] = "k", ["org"] = "suwa-city", ["role"] = "admin" },
            SigningCredentials = new(TestTokens.SigningKey, "ES256"),
        });

        Assert.Equal(TokenRejections.NoExpiry, (await _validator.ValidateAsync(token)).Failure);
    }

    [Fact]
    public void Only_a_private_key_signs()
    {
        Assert.Throws<ArgumentException>(() => new TokenIssuer(TestTokens.PublicKey, "i", "a"));
        Assert.Throws<ArgumentOutOfRangeException>(() => TestTokens.Issuer.Issue(TestTokens.Principal(Role.Admin, "ops"), TimeSpan.Zero));
    }
}
