using Exchange.Messaging.Persistence;
using Exchange.Claims.Data;
using Exchange.Claims.Tests.Infrastructure;
using Exchange.Testing;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Claims.Tests;

/// <summary>
/// The hand-written migrations must create what the model maps. The functional tests run them on
/// both providers; this compares their tables, columns and indexes with the model's own schema.
/// </summary>
[Collection(ClaimsCollection.Name)]
public sealed class MigrationTests(ClaimsFixture fixture)
{
    [Fact]
    public async Task The_migrations_create_every_table_column_and_index_of_the_model()
    {
        var migrated = await fixture.On(DatabaseProvider.Sqlite).Claims.InDatabase(db => Task.FromResult(db.Database.GetConnectionString()!));
        Assert.Empty(await ModelSchema.DifferencesAsync<ClaimsDb>(migrated, options => new ClaimsDb(options)));
    }
}
