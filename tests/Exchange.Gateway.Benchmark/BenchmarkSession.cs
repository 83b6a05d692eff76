using System.Diagnostics;
using System.Net;
using System.Text;
using Exchange.Identity;
using Exchange.Projects.V1;
using Exchange.Rpc;
using Exchange.Rpc.Client;
using Exchange.Testing;
using Google.Protobuf;

namespace Exchange.Gateway.Benchmark;

/// <summary>
/// Starts the Projects service and the gateway as processes (Release build, SQLite, the local
/// broker), registers a project, and loads <c>GetProject</c> on it four ways: gRPC and Connect
/// JSON, each directly (with a bearer token) and through the gateway (with an API key). Each
/// round measures throughput with many calls in flight, direct and gateway one after the other;
/// latency, one call at a time, is measured in one-second slices taken by every route in turn,
/// its percentiles over all of a route's calls. The report gives the gateway's cost.
/// </summary>
public sealed class BenchmarkSession(BenchmarkOptions options)
{
    private static readonly Google.Protobuf.Reflection.ServiceDescriptor Projects = ProjectsReflection.Descriptor.Services[0];

    /// <summary>How long one route is measured one call at a time before the next route's turn.</summary>
    private static readonly TimeSpan LatencySlice = TimeSpan.FromSeconds(1);

    public async Task<int> RunAsync()
    {
        var work = Directory.CreateTempSubdirectory("exchange-gateway-benchmark-").FullName;
        try
        {
            var shared = new Dictionary<string, string>
            {
                ["ConnectionStrings__RabbitMq"] = options.RabbitMq,
                ["Database__DataFolder"] = Path.Combine(work, "data"),
                ["Identity__DevelopmentKeysFolder"] = Path.Combine(work, "keys"),
                ["Logging__LogLevel__Default"] = "Warning",
                ["DOTNET_gcServer"] = "0",
            };
            var (projectsRpc, projectsHttp, gatewayRpc, gatewayHttp) = (Loopback.FreePort(), Loopback.FreePort(), Loopback.FreePort(), Loopback.FreePort());
            using var projects = ChildProcess.Start("projects", Dll("services/Exchange.Projects"), new Dictionary<string, string>(shared)
            {
                ["Endpoints__RpcPort"] = $"{projectsRpc}",
                ["Endpoints__HttpPort"] = $"{projectsHttp}",
                ["Messaging__QueuePrefix"] = "projects-benchmark",
            }, work);
            await projects.WaitUntilReady(new Uri($"http://127.0.0.1:{projectsHttp}/readyz"), TimeSpan.FromSeconds(90));

            var token = TokenIssuer.FromOptions(new ExchangeIdentityOptions { DevelopmentKeysFolder = shared["Identity__DevelopmentKeysFolder"] })
                .Issue(new ExchangePrincipal("hamamatsu-city", "Hamamatsu City", Role.ImplementationBody, new HashSet<string>(), "benchmark"), TimeSpan.FromHours(2));
            var projectId = await RegisterProject(new Uri($"http://127.0.0.1:{projectsRpc}"), token);
            var key = await CreateKey(shared);

            var gatewaySettings = new Dictionary<string, string>(shared)
            {
                ["Endpoints__RpcPort"] = $"{gatewayRpc}",
                ["Endpoints__HttpPort"] = $"{gatewayHttp}",
                ["Gateway__Services__projects__Address"] = $"http://127.0.0.1:{projectsRpc}",
                ["Gateway__Services__projects__Http"] = $"http://127.0.0.1:{projectsHttp}",
                // One key sends the whole load: its rate limit would measure the limit, not the gateway.
                ["Gateway__RateLimit__Enabled"] = "false",
                ["Logging__LogLevel__Exchange.Gateway.Access"] = "Information",
            };
            foreach (var (name, value) in options.GatewaySettings) gatewaySettings[EnvironmentName(name)] = value;
            using var gateway = ChildProcess.Start("gateway", Dll("gateway/Exchange.Gateway"), gatewaySettings, work);
            await gateway.WaitUntilReady(new Uri($"http://127.0.0.1:{gatewayHttp}/healthz"), TimeSpan.FromSeconds(60));

            // The second gateway of --compare, on ports of its own, measured beside the first.
            var (compareRpc, compareHttp) = (Loopback.FreePort(), Loopback.FreePort());
            var compareSettings = new Dictionary<string, string>(gatewaySettings)
            {
                ["Endpoints__RpcPort"] = $"{compareRpc}",
                ["Endpoints__HttpPort"] = $"{compareHttp}",
            };
            foreach (var (name, value) in options.CompareSettings) compareSettings[EnvironmentName(name)] = value;
            using var compared = options.CompareSettings.Count == 0 ? null
                : ChildProcess.Start("gateway-compared", Dll("gateway/Exchange.Gateway"), compareSettings, work);
            if (compared is not null) await compared.WaitUntilReady(new Uri($"http://127.0.0.1:{compareHttp}/healthz"), TimeSpan.FromSeconds(60));

            var targets = Targets(work, projectId, token, key, projectsRpc, projectsHttp, gatewayRpc, gatewayHttp);
            // The floors under the gateway's added latency, measured one call at a time only.
            await using var relayRpc = TcpRelay.To(projectsRpc);
            await using var relayHttp = TcpRelay.To(projectsHttp);
            await using var bare = await BareProxy.StartAsync(projectsRpc, projectsHttp, Loopback.FreePort(), Loopback.FreePort());
            var (haproxyRpc, haproxyHttp) = (Loopback.FreePort(), Loopback.FreePort());
            using var haproxy = await HaProxy.StartAsync(projectsRpc, projectsHttp, haproxyRpc, haproxyHttp, work);
            var floors = Floors(targets, (relayRpc.Port, relayHttp.Port), (bare.RpcPort, bare.HttpPort), (haproxyRpc, haproxyHttp));
            if (compared is not null)
                floors.AddRange(targets.Where(t => t.Route == LoadTarget.Gateway).Select(t => Through(t, LoadTarget.Compared, (compareRpc, compareHttp))));
            foreach (var target in targets.Concat(floors)) await Probe(target, projectId);
            Console.Error.WriteLine($"warming up, {options.WarmUp.TotalSeconds} s per target");
            foreach (var target in targets) await H2Load.RunAsync(target, H2Load.Concurrency.Saturating(target), options.WarmUp, work);

            var throughput = targets.ToDictionary(t => t, _ => new List<LoadRun>());
            for (var round = 1; round <= options.Rounds; round++)
            {
                Console.Error.WriteLine($"throughput, round {round} of {options.Rounds}");
                foreach (var target in targets) throughput[target].Add(await H2Load.RunAsync(target, H2Load.Concurrency.Saturating(target), options.Duration, work));
            }
            // Latency in short slices, every route in turn, so that the machine's slow swings of
            // speed fall on all routes alike; each route's calls are pooled for its percentiles.
            var routes = targets.Concat(floors).ToList();
            var latency = routes.ToDictionary(t => t, _ => new List<LoadRun>());
            var slices = Math.Max(1, (int)Math.Round(options.Rounds * options.Duration / LatencySlice));
            for (var slice = 0; slice < slices; slice++)
            {
                if (slice % 10 == 0) Console.Error.WriteLine($"latency, slices {slice + 1}-{Math.Min(slice + 10, slices)} of {slices}");
                for (var i = 0; i < routes.Count; i++)
                {
                    var target = routes[(i + slice) % routes.Count];
                    latency[target].Add(await H2Load.RunAsync(target, H2Load.Concurrency.One, LatencySlice, work));
                }
            }
            foreach (var target in targets) await Probe(target, projectId);
            Console.WriteLine(BenchmarkReport.Render(options, targets, latency, throughput));
            Console.WriteLine(BenchmarkReport.RenderFloors(options, targets.Concat(floors).ToList(), latency));
            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private List<LoadTarget> Targets(string work, string projectId, string token, string key, int projectsRpc, int projectsHttp, int gatewayRpc, int gatewayHttp)
    {
        var request = new GetProjectRequest { ProjectId = projectId };
        var grpcBody = Path.Combine(work, "request.grpc");
        var payload = request.ToByteArray();
        var frame = new byte[5 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)payload.Length);
        payload.CopyTo(frame, 5);
        File.WriteAllBytes(grpcBody, frame);
        var jsonBody = Path.Combine(work, "request.json");
        File.WriteAllText(jsonBody, JsonFormatter.Default.Format(request), new UTF8Encoding(false));
        const string path = "/exchange.projects.v1.Projects/GetProject";
        string[] grpc = ["content-type: application/grpc", "te: trailers"];
        string[] json = ["content-type: application/json"];
        return
        [
            new(LoadTarget.Direct, "gRPC", new Uri($"http://127.0.0.1:{projectsRpc}{path}"), grpcBody, [.. grpc, $"authorization: Bearer {token}"]),
            new(LoadTarget.Gateway, "gRPC", new Uri($"http://127.0.0.1:{gatewayRpc}{path}"), grpcBody, [.. grpc, $"x-api-key: {key}"]),
            new(LoadTarget.Direct, "Connect JSON", new Uri($"http://127.0.0.1:{projectsHttp}{path}"), jsonBody, [.. json, $"authorization: Bearer {token}"]),
            new(LoadTarget.Gateway, "Connect JSON", new Uri($"http://127.0.0.1:{gatewayHttp}{path}"), jsonBody, [.. json, $"x-api-key: {key}"]),
        ];
    }

    /// <summary>The direct calls again, through the TCP relay, bare YARP and HAProxy, with the same bearer token.</summary>
    private static List<LoadTarget> Floors(IEnumerable<LoadTarget> targets, (int Rpc, int Http) relay, (int Rpc, int Http) bare, (int Rpc, int Http) haproxy) =>
        targets.Where(t => t.Route == LoadTarget.Direct).SelectMany(direct => new[]
        {
            Through(direct, LoadTarget.Relay, relay),
            Through(direct, LoadTarget.HaProxy, haproxy),
            Through(direct, LoadTarget.BareYarp, bare),
        }).ToList();

    private static LoadTarget Through(LoadTarget target, string route, (int Rpc, int Http) ports) =>
        target with { Route = route, Url = new UriBuilder(target.Url) { Port = target.Http1 ? ports.Http : ports.Rpc }.Uri };

    /// <summary>h2load counts HTTP 200 as success, which a gRPC error also is: each target must really answer the project.</summary>
    private static async Task Probe(LoadTarget target, string projectId)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url)
        {
            Content = new ByteArrayContent(File.ReadAllBytes(target.BodyFile)),
            Version = target.Http1 ? HttpVersion.Version11 : HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        foreach (var header in target.Headers)
        {
            var (name, value) = (header[..header.IndexOf(':')], header[(header.IndexOf(':') + 1)..].Trim());
            if (!request.Headers.TryAddWithoutValidation(name, value)) request.Content.Headers.TryAddWithoutValidation(name, value);
        }
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        var status = response.TrailingHeaders.TryGetValues("grpc-status", out var trailer) ? trailer.First()
            : response.Headers.TryGetValues("grpc-status", out var header2) ? header2.First() : null;
        var answered = target.Http1 ? Encoding.UTF8.GetString(body).Contains(projectId, StringComparison.Ordinal) : status == "0" && body.Length > 5;
        if (response.StatusCode != HttpStatusCode.OK || !answered)
            throw new InvalidOperationException($"{target.Name} does not answer GetProject correctly: HTTP {(int)response.StatusCode}, grpc-status {status}");
    }

    private static async Task<string> RegisterProject(Uri projects, string token)
    {
        using var channel = RpcChannel.ForAddress(projects);
        var request = new RegisterProjectRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Programme = Programme.RegionalIndustryTieUp,
            Title = "Hamamatsu - Jena optical appliances tie-up",
            DomesticRegion = new Common.V1.DomesticRegion { Name = "Hamamatsu city", Prefecture = "Shizuoka", Bureau = Common.V1.RegionalBureau.Chubu },
            OverseasRegions = { new Common.V1.OverseasRegion { Name = "Jena", Country = "DE", WorldArea = Common.V1.WorldArea.Europe } },
            Sector = Common.V1.Sector.MetalMechanical,
            Theme = "Optical appliances",
            DomesticBody = new Organisation { Id = "hamamatsu-city", Name = "Hamamatsu City", Country = "JP" },
            OverseasBodies = { new Organisation { Id = "jena-city", Name = "Jena economic development", Country = "DE" } },
            PlannedPeriod = new Common.V1.FiscalYearRange { FirstYear = 2007, LastYear = 2009 },
        };
        for (var i = 1; i <= 5; i++) request.Members.Add(new Member { ActorType = ActorType.RegionalCompany, OrganisationName = $"Hamamatsu SME {i}", Sme = true });
        var project = await channel.UnaryAsync(RpcMethod<RegisterProjectRequest, Project>.From(Projects, "RegisterProject"), request,
            new CallOptions { Headers = new Metadata().Add("authorization", $"Bearer {token}"), Timeout = TimeSpan.FromSeconds(30) });
        return project.Id;
    }

    private async Task<string> CreateKey(IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Dll("gateway/Exchange.Gateway"), "keys", "create", "--organisation", "hamamatsu-city", "--role", "implementation-body", "--name", "benchmark" })
            info.ArgumentList.Add(argument);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        using var process = Process.Start(info)!;
        var errors = process.StandardError.ReadToEndAsync();
        var key = (await process.StandardOutput.ReadToEndAsync()).Trim();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"keys create failed: {await errors}");
        return key;
    }

    private static string EnvironmentName(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);

    private string Dll(string folder) => Path.Combine(options.Root, folder, "bin", "Release", "net10.0", Path.GetFileName(folder) + ".dll");
}
