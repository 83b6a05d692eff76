using Exchange.Claims;
using Exchange.Claims.Data;
using Exchange.Messaging.Persistence;
using Exchange.Projects;
using Exchange.Projects.Data;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Lifecycle.Tests;

/// <summary>
/// The hand-written migrations of the lifecycle must create what the models map: a column added to
/// an entity but forgotten in a migration would fail only when first written. Each service's
/// migrated database is compared with the schema its model creates by itself.
/// </summary>
public sealed class MigrationTests
{
    [Fact]
    public async Task The_projects_migrations_create_every_table_column_and_index_of_the_model()
    {
        await using var host = await ServiceHost.StartAsync("projects", ProjectsApp.Build, DatabaseProvider.Sqlite);
        var migrated = await host.InDatabase<ProjectsDb, string>(db => Task.FromResult(db.Database.GetConnectionString()!));
        Assert.Empty(await ModelSchema.DifferencesAsync<ProjectsDb>(migrated, options => new ProjectsDb(options)));
    }

    [Fact]
    public async Task The_claims_migrations_create_every_table_column_and_index_of_the_model()
    {
        await using var host = await ServiceHost.StartAsync("claims", ClaimsApp.Build, DatabaseProvider.Sqlite);
        var migrated = await host.InDatabase<ClaimsDb, string>(db => Task.FromResult(db.Database.GetConnectionString()!));
        Assert.Empty(await ModelSchema.DifferencesAsync<ClaimsDb>(migrated, options => new ClaimsDb(options)));
    }
}
