using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Messaging.Tests.Ledger.Migrations;

[DbContext(typeof(LedgerDb))]
[Migration(Id)]
public sealed class Initial : Migration
{
    public const string Id = "20250601000000_Initial";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInboxTables();
        migrationBuilder.CreateTable(
            name: "accounts",
            columns: table => new
            {
                Id = table.Column<Guid>(name: "id", nullable: false),
                Name = table.Column<string>(name: "name", maxLength: 100, nullable: false),
                Balance = table.Column<long>(name: "balance", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_accounts", x => x.Id));
    }
}
