using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Messaging.Benchmark.Migrations;

[DbContext(typeof(TallyDb))]
[Migration("20250601000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInboxTables();
        migrationBuilder.CreateTable(
            name: "tallies",
            columns: table => new
            {
                Stream = table.Column<int>(name: "stream", nullable: false),
                Total = table.Column<long>(name: "total", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_tallies", x => x.Stream));
    }
}
