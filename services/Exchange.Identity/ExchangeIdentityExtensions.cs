using Exchange.Identity.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Exchange.Identity;

public static class ExchangeIdentityExtensions
{
    /// <summary>
    /// Registers bearer token authentication as the default scheme, configured from the
    /// <c>Identity</c> section of <paramref name="configuration"/>. A missing or unreadable key
    /// stops the host at start-up rather than failing every call.
    /// </summary>
    public static IServiceCollection AddExchangeIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExchangeIdentityOptions>()
            .Bind(configuration.GetSection(ExchangeIdentityOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExchangeIdentityOptions>, ReadableKeyValidation>();
        services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<BearerTokenOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddOptions<BearerTokenOptions>(BearerTokenHandler.SchemeName)
            .Configure<IOptions<ExchangeIdentityOptions>>((bearer, identity) =>
                bearer.Validator ??= new BearerTokenValidator(identity.Value.CreateValidationParameters(identity.Value.ReadValidationKey())));
        return services;
    }

    /// <summary>
    /// Authenticates every request and refuses those without a valid token (health excepted).
    /// Call before mapping endpoints, after the correlation id middleware so refusals carry it.
    /// </summary>
    public static WebApplication UseExchangeIdentity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<CallerGateMiddleware>();
        return app;
    }

    private sealed class ReadableKeyValidation : IValidateOptions<ExchangeIdentityOptions>
    {
        public ValidateOptionsResult Validate(string? name, ExchangeIdentityOptions options)
        {
            try
            {
                options.ReadValidationKey();
                return ValidateOptionsResult.Success;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                return ValidateOptionsResult.Fail(ex.Message);
            }
        }
    }
}
