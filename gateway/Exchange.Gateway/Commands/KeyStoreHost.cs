namespace Exchange.Gateway.Commands;

/// <summary>A host with only the key store, configured as the gateway is; starting it migrates the database.</summary>
internal static class KeyStoreHost
{
    public static IHost Build(IEnumerable<string> configurationArgs)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configurationArgs.ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddKeyStore(builder.Configuration);
        return builder.Build();
    }
}
