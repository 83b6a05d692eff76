using Microsoft.Extensions.Configuration;

namespace Exchange.Messaging;

/// <summary>
/// Bus settings read from configuration: <c>Messaging:Transport</c> (RabbitMq or InMemory),
/// <c>Messaging:RetryIntervals</c> (milliseconds, e.g. "200,1000,5000"), <c>Messaging:QuorumQueues</c>
/// (true declares the service's queues as replicated quorum queues, for a RabbitMQ cluster),
/// <c>Messaging:ExchangePrefix</c> (put before the name of every exchange events are published to
/// and consumed from, so that two platforms on one broker and virtual host never see each
/// other's events; empty by default), and the
/// RabbitMQ host from <c>ConnectionStrings:RabbitMq</c> (amqp://user:password@host:port/vhost) or
/// <c>RabbitMq:Host/Port/User/Password/VirtualHost</c>.
/// </summary>
public sealed record MessagingSettings(
    MessagingTransport Transport,
    string Host,
    ushort Port,
    string VirtualHost,
    string User,
    string Password,
    IReadOnlyList<TimeSpan> RetryIntervals,
    bool QuorumQueues = false,
    string ExchangePrefix = "")
{
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryIntervals =
        [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    public static MessagingSettings From(IConfiguration configuration)
    {
        var transportText = configuration["Messaging:Transport"];
        var transport = string.IsNullOrWhiteSpace(transportText)
            ? MessagingTransport.RabbitMq
            : Enum.TryParse<MessagingTransport>(transportText, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Messaging:Transport '{transportText}' is neither RabbitMq nor InMemory.");

        var retries = ParseIntervals(configuration["Messaging:RetryIntervals"]);
        var quorumQueues = ParseFlag(configuration["Messaging:QuorumQueues"], "Messaging:QuorumQueues");
        var exchangePrefix = (configuration["Messaging:ExchangePrefix"] ?? "").Trim();

        var connectionString = configuration.GetConnectionString("RabbitMq");
        if (!string.IsNullOrWhiteSpace(connectionString)) return FromUri(transport, connectionString, retries) with { QuorumQueues = quorumQueues, ExchangePrefix = exchangePrefix };

        var section = configuration.GetSection("RabbitMq");
        return new MessagingSettings(
            transport,
            section["Host"] ?? "localhost",
            ushort.TryParse(section["Port"], out var port) ? port : (ushort)5672,
            section["VirtualHost"] ?? "/",
            section["User"] ?? "guest",
            section["Password"] ?? "guest",
            retries,
            quorumQueues,
            exchangePrefix);
    }

    private static MessagingSettings FromUri(MessagingTransport transport, string connectionString, IReadOnlyList<TimeSpan> retries)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "rabbitmq"))
        {
            throw new InvalidOperationException("ConnectionStrings:RabbitMq must look like amqp://user:password@host:port/vhost.");
        }
        var userInfo = uri.UserInfo.Split(':', 2);
        var virtualHost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new MessagingSettings(
            transport,
            uri.Host,
            uri.IsDefaultPort || uri.Port < 0 ? (ushort)5672 : (ushort)uri.Port,
            virtualHost.Length == 0 ? "/" : virtualHost,
            userInfo[0].Length == 0 ? "guest" : Uri.UnescapeDataString(userInfo[0]),
            userInfo.Length < 2 ? "guest" : Uri.UnescapeDataString(userInfo[1]),
            retries);
    }

    private static bool ParseFlag(string? text, string key)
    {
        if (string.IsNullOrWhiteSpace(text)) return false;
        return bool.TryParse(text.Trim(), out var value)
            ? value
            : throw new InvalidOperationException($"{key} is '{text}', neither true nor false.");
    }

    private static IReadOnlyList<TimeSpan> ParseIntervals(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return DefaultRetryIntervals;
        return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(part => int.TryParse(part, out var ms) && ms >= 0
                ? TimeSpan.FromMilliseconds(ms)
                : throw new InvalidOperationException($"Messaging:RetryIntervals holds '{part}', not a number of milliseconds."))
            .ToArray();
    }
}
