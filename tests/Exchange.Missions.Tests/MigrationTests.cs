using Exchange.Messaging.Persistence;
using Exchange.Missions.Data;
using Exchange.Missions.Tests.Infrastructure;
using Exchange.Testing;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Missions.Tests;

/// <summary>
/// The hand-written migrations must create what the model maps. The functional tests run them on
/// both providers; this compares their tables, columns and indexes with the model's own schema.
/// </summary>
[Collection(MissionsCollection.Name)]
public sealed class MigrationTests(MissionsFixture fixture)
{
    [Fact]
    public async Task The_migrations_create_every_table_column_and_index_of_the_model()
    {
        var migrated = await fixture.On(DatabaseProvider.Sqlite).Missions.InDatabase(db => Task.FromResult(db.Database.GetConnectionString()!));
        Assert.Empty(await ModelSchema.DifferencesAsync<MissionsDb>(migrated, options => new MissionsDb(options)));
    }
}
