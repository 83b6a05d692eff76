using Exchange.Rpc.TestHost;

namespace Exchange.Rpc.Tests;

/// <summary>One interop server per test class that asks for it.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await TestServer.StartAsync(configure: o => o.MaxReceiveMessageSize = 4 * 1024 * 1024);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
