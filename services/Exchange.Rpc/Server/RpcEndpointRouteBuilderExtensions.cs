using Google.Protobuf.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Exchange.Rpc.Server;

public static class RpcEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Serves every RPC of <paramref name="service"/> from <typeparamref name="TService"/>, over
    /// gRPC and Connect, at <c>/package.Service/Method</c>. Unknown paths with a gRPC or Connect
    /// content type answer UNIMPLEMENTED.
    /// </summary>
    public static IEndpointConventionBuilder MapRpcService<TService>(this IEndpointRouteBuilder endpoints, ServiceDescriptor service)
        where TService : class
    {
        var options = endpoints.ServiceProvider.GetService<IOptions<RpcServerOptions>>()?.Value ?? new RpcServerOptions();
        var methods = ServiceBinder.Bind<TService>(service, endpoints.ServiceProvider, options);
        var builders = new List<IEndpointConventionBuilder>();
        foreach (var method in methods)
        {
            builders.Add(endpoints.MapPost(method.Path, method.HandleAsync).WithDisplayName($"rpc {method.Path}"));
        }
        MapUnknownMethodFallback(endpoints, service);
        return new CompositeConventionBuilder(builders);
    }

    private static void MapUnknownMethodFallback(IEndpointRouteBuilder endpoints, ServiceDescriptor service)
    {
        var marker = endpoints.ServiceProvider.GetService<UnknownMethodFallbackMarker>();
        if (marker is null) return;
        marker.KnownServices.Add(service.FullName);
        foreach (var method in service.Methods) marker.ServedMethodNames.Add(method.Name);
        if (marker.Mapped) return;
        marker.Mapped = true;
        var pattern = RoutePatternFactory.Parse("/{service}/{method}", defaults: null,
            parameterPolicies: new RouteValueDictionary { ["method"] = new UnservedMethodConstraint(marker) });
        endpoints.Map(pattern, UnknownMethod.HandleAsync)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Post]))
            .WithOrder(int.MaxValue)
            .WithDisplayName("rpc unknown method");
    }

    private sealed class CompositeConventionBuilder(IReadOnlyList<IEndpointConventionBuilder> builders) : IEndpointConventionBuilder
    {
        public void Add(Action<EndpointBuilder> convention)
        {
            foreach (var builder in builders) builder.Add(convention);
        }

        public void Finally(Action<EndpointBuilder> finallyConvention)
        {
            foreach (var builder in builders) builder.Finally(finallyConvention);
        }
    }
}

/// <summary>Remembers that the unknown-method endpoint is mapped, so that it is mapped once.</summary>
internal sealed class UnknownMethodFallbackMarker
{
    public bool Mapped { get; set; }

    public HashSet<string> KnownServices { get; } = new(StringComparer.Ordinal);

    /// <summary>Names of the methods of every mapped service (route segments compare ignoring case).</summary>
    public HashSet<string> ServedMethodNames { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public static class HealthEndpointRouteBuilderExtensions
{
    /// <summary>Serves <c>grpc.health.v1.Health</c> (Check and Watch).</summary>
    public static IEndpointConventionBuilder MapRpcHealthService(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapRpcService<HealthService>(Grpc.Health.V1.HealthReflection.Descriptor.Services[0]);
}
