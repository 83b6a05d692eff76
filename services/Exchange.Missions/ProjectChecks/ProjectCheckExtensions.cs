using Exchange.Rpc.Client;

namespace Exchange.Missions.ProjectChecks;

public static class ProjectCheckExtensions
{
    /// <summary>
    /// The Projects service client (address from <c>Services:Projects</c>, default
    /// http://127.0.0.1:7101, or dapr://projects through a Dapr sidecar), the read model and the
    /// check that uses both.
    /// </summary>
    public static IServiceCollection AddProjectChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProjectCheckOptions>()
            .Bind(configuration.GetSection(ProjectCheckOptions.Section))
            .Configure(o =>
            {
                if (configuration["Services:Projects"] is { Length: > 0 } address) o.ProjectsAddress = address;
            })
            .Validate(o => ServiceAddress.TryParse(o.ProjectsAddress, out _, out _),
                "Services:Projects must be an http(s) address (http://projects:7101) or a Dapr app id (dapr://projects)")
            .ValidateOnStart();
        services.AddSingleton<ProjectsServiceClient>();
        services.AddScoped<ProjectsReadModel>();
        services.AddScoped<ProjectCheck>();
        return services;
    }
}
