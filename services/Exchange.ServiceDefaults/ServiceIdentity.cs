namespace Exchange.ServiceDefaults;

/// <summary>The name a service reports in health, logs and events (e.g. "projects").</summary>
public sealed record ServiceIdentity(string Name);
