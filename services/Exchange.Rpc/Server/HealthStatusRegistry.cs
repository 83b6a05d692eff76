using Grpc.Health.V1;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace Exchange.Rpc.Server;

/// <summary>
/// The serving status of each service name ("" is the whole server). Readiness probes set it;
/// the health service reads it and tells watchers about every change.
/// </summary>
public sealed class HealthStatusRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal) { [""] = ServingStatus.Serving };
    private readonly List<Action<string, ServingStatus>> _watchers = [];

    public void SetStatus(string service, ServingStatus status)
    {
        Action<string, ServingStatus>[] watchers;
        lock (_gate)
        {
            if (_statuses.TryGetValue(service, out var current) && current == status) return;
            _statuses[service] = status;
            watchers = [.. _watchers];
        }
        foreach (var watcher in watchers) watcher(service, status);
    }

    public bool TryGetStatus(string service, out ServingStatus status)
    {
        lock (_gate) return _statuses.TryGetValue(service, out status);
    }

    public IReadOnlyDictionary<string, ServingStatus> Snapshot()
    {
        lock (_gate) return new Dictionary<string, ServingStatus>(_statuses);
    }

    internal IDisposable Watch(Action<string, ServingStatus> onChange)
    {
        lock (_gate) _watchers.Add(onChange);
        return new Subscription(this, onChange);
    }

    private sealed class Subscription(HealthStatusRegistry registry, Action<string, ServingStatus> onChange) : IDisposable
    {
        public void Dispose()
        {
            lock (registry._gate) registry._watchers.Remove(onChange);
        }
    }
}
