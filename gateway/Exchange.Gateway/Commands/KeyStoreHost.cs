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
        // Standard output carries only what the command prints (a new key, for scripts); logs go
        // to standard error, and only warnings and errors.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        builder.Services.AddKeyStore(builder.Configuration);
        return builder.Build();
    }
}
