using Exchange.Deploy.Tests.Infrastructure;

namespace Exchange.Deploy.Tests;

/// <summary>
/// Every setting the manifests and the container builds pass to a workload (environment variables
/// in the <c>__</c> form of configuration keys) is one the workload reads: a misspelt or stale key
/// would otherwise do nothing, silently. What each workload reads is found in its source
/// (<see cref="SettingsCatalogue"/>).
/// </summary>
public sealed class SettingsTests
{
    public static TheoryData<string, string> Workloads => Workload.WithProjects();

    [Theory]
    [MemberData(nameof(Workloads))]
    public void Every_setting_passed_to_the_workload_is_one_it_reads(string variant, string name)
    {
        var workload = Workload.Named(variant, name);
        var catalogue = SettingsCatalogue.For(Repository.Full(workload.ProjectFile!));
        var passed = workload.Environment
            .Concat(workload.Dockerfile.Environment.Select(e => new Setting(e.Key, e.Value, workload.Dockerfile.File)));

        var unread = passed
            .Where(s => !IsRuntimeSetting(s.Name) && !catalogue.Knows(s.Key))
            .Select(s => $"{s.Name} (from {s.Source}): {name} never reads {s.Key}; it reads {string.Join(", ", catalogue.Near(s.Key).DefaultIfEmpty("nothing under that section"))}")
            .ToList();

        Assert.True(unread.Count == 0, string.Join(Environment.NewLine, unread));
    }

    [Fact]
    public void The_catalogue_finds_each_way_the_services_read_settings_and_nothing_they_do_not_read()
    {
        var projects = SettingsCatalogue.For(Repository.Full("services/Exchange.Projects/Exchange.Projects.csproj"));
        var missions = SettingsCatalogue.For(Repository.Full("services/Exchange.Missions/Exchange.Missions.csproj"));

        Assert.True(projects.Knows("Messaging:Transport"), "a key read by its literal");
        Assert.True(projects.Knows("messaging:quorumqueues"), "keys are case-insensitive");
        Assert.True(projects.Knows("Messaging:Outbox:LeaseDuration"), "a property of an options class with its section");
        Assert.True(projects.Knows("Identity:PublicKeyPem"), "an options class of a referenced library");
        Assert.True(projects.Knows("ConnectionStrings:projects"), "the service's database by its name");
        Assert.True(projects.Knows("ConnectionStrings:RabbitMq"), "a connection string by name");
        Assert.True(projects.Knows("RabbitMq:Host"), "a key read by index from a section");
        Assert.True(projects.Knows("Logging:LogLevel:Default"), "a key of appsettings.json");
        Assert.True(missions.Knows("Services:Projects"), "Missions reads where Projects is");

        Assert.False(projects.Knows("Services:Projects"), "Projects calls no other service");
        Assert.False(projects.Knows("ConnectionStrings:missions"), "Projects has no Missions database");
        Assert.False(projects.Knows("Messaging:QuorumQueue"), "a misspelt key");
        Assert.False(projects.Knows("Gateway:Services:projects:Address"), "a gateway setting");
    }

    /// <summary>Read by the .NET runtime and ASP.NET Core's host themselves, not by the application's configuration.</summary>
    private static bool IsRuntimeSetting(string name) =>
        name.StartsWith("DOTNET_", StringComparison.Ordinal) || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal);
}
