namespace Exchange.Projects.Grpc;

/// <summary>The RPC surface of exchange.projects.v1.Projects.</summary>
public sealed class ProjectsRpc
{
}
