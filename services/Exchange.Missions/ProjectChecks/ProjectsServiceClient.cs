using Exchange.Projects.V1;
using Exchange.Rpc;
using Exchange.Rpc.Client;
using Microsoft.Extensions.Options;

namespace Exchange.Missions.ProjectChecks;

/// <summary>
/// The Projects service as this service calls it: one shared channel whose calls retry
/// UNAVAILABLE with backoff (a Polly pipeline) within one deadline. The address is the service
/// itself (http://host:port) or its Dapr app id (dapr://projects), called through the local sidecar.
/// </summary>
public sealed class ProjectsServiceClient : IDisposable
{
    private static readonly RpcMethod<GetProjectRequest, Project> GetProjectMethod =
        RpcMethod<GetProjectRequest, Project>.From(ProjectsReflection.Descriptor.Services[0], "GetProject");

    private readonly RpcChannel _channel;

    public ProjectsServiceClient(IOptions<ProjectCheckOptions> options)
    {
        var settings = options.Value;
        Address = ServiceAddress.Parse(settings.ProjectsAddress);
        _channel = Address.CreateChannel(new RpcChannelOptions
        {
            Resilience = RpcResilience.RetryUnavailable(settings.Retries, settings.RetryDelay),
        });
    }

    public ServiceAddress Address { get; }

    public Task<Project> GetProjectAsync(Guid projectId, Metadata headers, DateTime deadline, CancellationToken cancellationToken) =>
        _channel.UnaryAsync(GetProjectMethod, new GetProjectRequest { ProjectId = projectId.ToString() }, new CallOptions
        {
            Headers = headers,
            Deadline = deadline,
            CancellationToken = cancellationToken,
        });

    public void Dispose() => _channel.Dispose();
}
