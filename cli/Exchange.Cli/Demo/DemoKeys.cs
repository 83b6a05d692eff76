using System.Text.Json;
using System.Text.Json.Serialization;
using Exchange.Cli.Gateway;
using Exchange.Gateway.V1;

namespace Exchange.Cli.Demo;

/// <summary>
/// The demo's API keys: a coordinator of the programme office, the implementation body of the
/// Hamamatsu - Jena tie-up and its overseas partner. They are kept in a file (readable by its
/// owner alone) so that running the demo again keeps them: a kept key is reused while the gateway
/// still lists it as active, and replaced by a new one otherwise.
/// </summary>
public sealed class DemoKeys
{
    public sealed record Holder(string Role, Exchange.Gateway.V1.Role KeyRole, string OrganisationId, string OrganisationName, string Description);

    public static readonly Holder[] Holders =
    [
        new("coordinator", Exchange.Gateway.V1.Role.Coordinator, DemoCatalogue.CoordinatorOrganisation, "Programme Office", "approves claims, reconciles contracts, runs surveys"),
        new("implementation-body", Exchange.Gateway.V1.Role.ImplementationBody, DemoCatalogue.HamamatsuBody, "Hamamatsu City", "logs missions and claims of Hamamatsu - Jena"),
        new("overseas-partner", Exchange.Gateway.V1.Role.OverseasPartner, DemoCatalogue.JenaPartner, "Jena economic development", "reads and updates Hamamatsu - Jena"),
    ];

    public sealed record KeptKey(
        [property: JsonPropertyName("role")] string Role,
        [property: JsonPropertyName("organisation")] string Organisation,
        [property: JsonPropertyName("keyId")] string KeyId,
        [property: JsonPropertyName("apiKey")] string ApiKey);

    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static List<KeptKey> Read(string path)
    {
        if (!File.Exists(path)) return [];
        try
        {
            return JsonSerializer.Deserialize<List<KeptKey>>(File.ReadAllText(path), Options) ?? [];
        }
        catch (JsonException)
        {
            // A damaged file only costs new keys.
            return [];
        }
    }

    /// <summary>The keys of every holder: kept ones still active at the gateway, new ones for the rest; written back to <paramref name="path"/>.</summary>
    public static async Task<List<KeptKey>> EnsureAsync(GatewayClient admin, string path, CancellationToken cancellationToken, Action<string> note)
    {
        var kept = Read(path);
        var active = (await admin.Call(Api.Keys.List, new ListKeysRequest(), cancellationToken)).Keys
            .Where(k => k.State == KeyState.Active).Select(k => k.Id).ToHashSet(StringComparer.Ordinal);
        var keys = new List<KeptKey>();
        foreach (var holder in Holders)
        {
            var existing = kept.FirstOrDefault(k => k.Role == holder.Role && k.Organisation == holder.OrganisationId && active.Contains(k.KeyId));
            if (existing is not null)
            {
                keys.Add(existing);
                continue;
            }
            var created = await admin.Call(Api.Keys.Create, new CreateKeyRequest
            {
                OrganisationId = holder.OrganisationId,
                OrganisationName = holder.OrganisationName,
                Role = holder.KeyRole,
                Name = $"demo {holder.Role} key",
                ExpiresInDays = 365,
            }, cancellationToken);
            note($"created the demo {holder.Role} key {created.Key.Id} ({holder.OrganisationId})");
            keys.Add(new KeptKey(holder.Role, holder.OrganisationId, created.Key.Id, created.ApiKey));
        }
        Write(path, keys);
        return keys;
    }

    private static void Write(string path, List<KeptKey> keys)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (File.Create(path)) { }
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(path, JsonSerializer.Serialize(keys, Options));
    }
}
