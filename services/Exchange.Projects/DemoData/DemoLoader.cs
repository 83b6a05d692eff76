namespace Exchange.Projects.DemoData;

/// <summary>Loads the demo projects at start when <c>Demo:Load</c> is true (the run command sets it).</summary>
internal sealed class DemoLoader(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
