using Exchange.Cli.Tests.Infrastructure;

namespace Exchange.Cli.Tests;

/// <summary>A coordinator reconciles a coordinator contract year from the command line.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ContractTests(Platform platform)
{
    [Fact]
    public async Task Reconciliation_shows_each_contract_with_its_totals_and_flags()
    {
        var hamamatsu = await ProjectCommandTests.ProjectId(platform, "Hamamatsu - Jena optical appliances tie-up");
        var table = await platform.Coordinator.Ok("contracts", "reconcile", "--fiscal-year", "2008", "--project", hamamatsu, "--as-of", "2009-04-30");
        Assert.Contains("Coordinator contracts of FY2008: 2", table.Output);
        Assert.Contains("Kenji Sato", table.Output);
        Assert.Contains("Claudia Fischer", table.Output);
        Assert.Contains("flagged", table.Output);

        var json = (await platform.Coordinator.Ok("contracts", "reconcile", "--fiscal-year", "2008", "--project", hamamatsu, "--as-of", "2009-04-30", "--json")).Json;
        var contracts = json.GetProperty("contracts").EnumerateArray().ToList();
        Assert.Equal(2, contracts.Count);
        var japan = contracts.Single(c => c.GetProperty("contract").GetProperty("side").GetString() == "COORDINATOR_SIDE_JAPAN");
        Assert.Equal("1440000", japan.GetProperty("invoiced").GetProperty("amount").GetString());
        var overseas = contracts.Single(c => c.GetProperty("contract").GetProperty("side").GetString() == "COORDINATOR_SIDE_OVERSEAS");
        Assert.Equal(3, overseas.GetProperty("missingMonths").GetArrayLength());
    }
}
