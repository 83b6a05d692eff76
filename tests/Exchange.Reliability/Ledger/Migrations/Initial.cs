using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Reliability.Ledger.Migrations;

[DbContext(typeof(LedgerDb))]
[Migration("20250601000000_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateOutboxAndInboxTables();
        migrationBuilder.CreateTable(
            name: "postings",
            columns: table => new
            {
                Index = table.Column<int>(name: "index", nullable: false),
                Amount = table.Column<long>(name: "amount", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_postings", x => x.Index));
        migrationBuilder.CreateTable(
            name: "applied_postings",
            columns: table => new
            {
                Id = table.Column<Guid>(name: "id", nullable: false),
                Index = table.Column<int>(name: "index", nullable: false),
                MessageId = table.Column<Guid>(name: "message_id", nullable: false),
            },
            constraints: table => table.PrimaryKey("pk_applied_postings", x => x.Id));
    }
}
