using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Gateway.Data.Migrations;

/// <summary>
/// The first schema of the gateway's database. Written by hand with provider-neutral column types,
/// so that the same migration runs on SQLite and PostgreSQL; the schema test compares it with the model.
/// </summary>
[DbContext(typeof(GatewayDb))]
[Migration(Id)]
public sealed class Initial : Migration
{
    public const string Id = "20261201000000_Initial";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "api_keys",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 16, nullable: false),
                OrganisationId = table.Column<string>(maxLength: 64, nullable: false),
                OrganisationName = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 32, nullable: false),
                Name = table.Column<string>(maxLength: 200, nullable: false),
                SecretHash = table.Column<byte[]>(nullable: false),
                PreviousSecretHash = table.Column<byte[]>(nullable: true),
                PreviousSecretValidUntil = table.Column<long>(nullable: true),
                CreatedAt = table.Column<long>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 128, nullable: false),
                ExpiresAt = table.Column<long>(nullable: false),
                RotatedAt = table.Column<long>(nullable: true),
                RevokedAt = table.Column<long>(nullable: true),
                RevokedBy = table.Column<string>(maxLength: 128, nullable: true),
                RevocationReason = table.Column<string>(maxLength: 500, nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_api_keys", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_api_keys_OrganisationId", table: "api_keys", column: "OrganisationId");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "api_keys");
}
