using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Exchange.ServiceDefaults.Logging;

public static class ConsoleLoggingExtensions
{
    /// <summary>
    /// Single-line console logs with UTC timestamps and scopes (the correlation id among them),
    /// written in batches by <see cref="BatchedConsoleLoggerProvider"/> in place of the console
    /// logger; the services and the gateway log the same way. Settings under <c>Logging:Console:Batch</c>.
    /// </summary>
    public static ILoggingBuilder AddExchangeConsole(this ILoggingBuilder logging, IConfiguration configuration)
    {
        logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
            o.UseUtcTimestamp = true;
        });
        // The formatter stays (it writes the text); the console logger's own writer goes.
        var console = logging.Services.Where(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)).ToList();
        foreach (var descriptor in console) logging.Services.Remove(descriptor);
        var options = configuration.GetSection(BatchedConsoleOptions.Section).Get<BatchedConsoleOptions>() ?? new BatchedConsoleOptions();
        logging.Services.AddSingleton<ILoggerProvider>(provider => new BatchedConsoleLoggerProvider(
            provider.GetServices<ConsoleFormatter>().Single(f => f.Name == ConsoleFormatterNames.Simple),
            Console.OpenStandardOutput(),
            options));
        return logging;
    }
}
