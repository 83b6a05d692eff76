using Exchange.Messaging.Persistence;

namespace Exchange.Projects.Tests.Infrastructure;

/// <summary>
/// Projects hosts started with the demo data (the programme's real tie-ups), one per database
/// provider, for the statistics and listing tests; demo loading happens while a host starts.
/// </summary>
public sealed class DemoHosts : IAsyncLifetime
{
    private readonly Dictionary<DatabaseProvider, (ProjectsHost Host, ProjectsClient Client)> _hosts = [];

    public ProjectsHost Host(DatabaseProvider provider) => _hosts[provider].Host;

    public ProjectsClient Client(DatabaseProvider provider) => _hosts[provider].Client;

    public async Task InitializeAsync()
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
        {
            var host = await ProjectsHost.StartAsync(provider, loadDemo: true);
            _hosts[provider] = (host, new ProjectsClient(host.RpcAddress));
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var (host, client) in _hosts.Values)
        {
            client.Dispose();
            await host.DisposeAsync();
        }
    }
}
