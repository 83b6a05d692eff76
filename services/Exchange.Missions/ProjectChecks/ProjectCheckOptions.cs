namespace Exchange.Missions.ProjectChecks;

/// <summary>
/// How activities are checked against their project. <c>Services:Projects</c> is the Projects
/// service's RPC address (http://host:port, or dapr://app-id through a Dapr sidecar); the section
/// <c>ProjectChecks</c> holds the rest.
/// </summary>
public sealed class ProjectCheckOptions
{
    public const string Section = "ProjectChecks";
    public const string DefaultProjectsAddress = "http://127.0.0.1:7101";

    public string ProjectsAddress { get; set; } = DefaultProjectsAddress;

    /// <summary>
    /// How long a call may wait for the Projects service, retries included, before the read model
    /// decides: long enough for a healthy service, short enough that logging goes on without it.
    /// </summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Retries of a call that failed with UNAVAILABLE (connection refused or lost).</summary>
    public int Retries { get; set; } = 2;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);
}
