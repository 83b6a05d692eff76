using Exchange.Rpc.TestHost;

namespace Exchange.Identity.Tests;

/// <summary>One identity-guarded interop host per test class that asks for it.</summary>
public sealed class InteropHostFixture : IAsyncLifetime
{
    public IdentityHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await IdentityHost.StartAsync<InteropTestService>();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
