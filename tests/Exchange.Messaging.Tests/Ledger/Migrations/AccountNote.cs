using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Messaging.Tests.Ledger.Migrations;

[DbContext(typeof(LedgerDb))]
[Migration(Id)]
public sealed class AccountNote : Migration
{
    public const string Id = "20250615000000_AccountNote";

    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.AddColumn<string>(name: "note", table: "accounts", maxLength: 200, nullable: true);
}
