using Exchange.Deploy.Tests.Infrastructure;
using Exchange.Rpc.Client;

namespace Exchange.Deploy.Tests;

/// <summary>
/// The Dapr variant (deploy/kubernetes/dapr): a sidecar beside every service, forwarding to its
/// h2c port as gRPC; calls between services addressed by app id through the sidecar; events left
/// to MassTransit on RabbitMQ. In the base variant the same calls go to the Kubernetes Services.
/// </summary>
public sealed class DaprVariantTests
{
    [Fact]
    public void Every_service_gets_a_sidecar_that_forwards_to_its_grpc_port_as_grpc()
    {
        var services = Workload.All("dapr").Where(w => w.PodTemplate.At("metadata.labels").Text("app.kubernetes.io/component") == "service").ToList();
        Assert.NotEmpty(services);

        Assert.All(services, service =>
        {
            var annotations = service.PodTemplate.At("metadata.annotations") ?? [];
            Assert.Equal(("true", service.Name, $"{service.ContainerPort("grpc")}", "grpc"),
                (annotations.Text("dapr.io/enabled"), annotations.Text("dapr.io/app-id"), annotations.Text("dapr.io/app-port"), annotations.Text("dapr.io/app-protocol")));
            Assert.Equal(service.Value("Endpoints__RpcPort"), annotations.Text("dapr.io/app-port"));
        });
    }

    [Fact]
    public void In_the_Dapr_variant_services_call_each_other_by_app_id_through_their_sidecar()
    {
        var workloads = Workload.All("dapr");
        var appIds = workloads.Select(w => w.PodTemplate.At("metadata.annotations").Text("dapr.io/app-id")).OfType<string>().ToHashSet();
        var calls = workloads.SelectMany(w => w.Environment.Where(s => s.Key.StartsWith("Services:", StringComparison.Ordinal)).Select(s => (Workload: w, Setting: s))).ToList();
        Assert.NotEmpty(calls);

        Assert.All(calls, call =>
        {
            var address = ServiceAddress.Parse(call.Setting.Value!, _ => null);
            Assert.True(address.DaprAppId is not null, $"{call.Workload} calls {call.Setting.Value} directly, not through its sidecar");
            Assert.Contains(address.DaprAppId, appIds);
            Assert.True(call.Workload.PodTemplate.At("metadata.annotations").Text("dapr.io/enabled") == "true", $"{call.Workload} calls through a sidecar it does not have");
        });
    }

    [Fact]
    public void In_the_base_variant_services_call_each_others_Kubernetes_Service_on_its_grpc_port()
    {
        var manifests = Kustomization.Load(Path.Combine(Repository.Kubernetes, "base"));
        var calls = Workload.All("base").SelectMany(w => w.Environment.Where(s => s.Key.StartsWith("Services:", StringComparison.Ordinal))).ToList();
        Assert.NotEmpty(calls);

        Assert.All(calls, call =>
        {
            var address = ServiceAddress.Parse(call.Value!, _ => null);
            Assert.Null(address.DaprAppId);
            var service = manifests.Find("Service", address.ChannelAddress.Host);
            Assert.True(service is not null, $"{call.Name}={call.Value} names no Service of the manifests");
            var grpc = service.Root.At("spec").Maps("ports").Single(p => p.Text("name") == "grpc");
            Assert.Equal(grpc.Text("port"), $"{address.ChannelAddress.Port}");
        });
    }

    [Fact]
    public void Events_stay_on_RabbitMQ_no_Dapr_component_is_declared_and_every_workload_keeps_its_broker()
    {
        var manifests = Kustomization.Load(Path.Combine(Repository.Kubernetes, "dapr"));

        Assert.DoesNotContain(manifests.Objects, o => o.Root.Text("apiVersion")?.StartsWith("dapr.io/", StringComparison.Ordinal) == true);
        Assert.All(Workload.All("dapr"), w => Assert.Contains(w.Environment, s => s.Name == "ConnectionStrings__RabbitMq"));
    }
}
