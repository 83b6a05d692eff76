namespace Exchange.ServiceDefaults;

/// <summary>
/// Something a service needs before it can serve: its database, the broker. The readiness probe
/// runs every check periodically and publishes the result under <see cref="Name"/> in health.
/// </summary>
public interface IReadinessCheck
{
    string Name { get; }

    Task<bool> IsReadyAsync(CancellationToken cancellationToken);
}
