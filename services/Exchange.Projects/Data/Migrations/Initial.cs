using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Projects.Data.Migrations;

/// <summary>
/// The first schema of the Projects service. Written by hand with provider-neutral column types,
/// so that the same migration runs on SQLite and PostgreSQL; the schema test compares it with the model.
/// </summary>
[DbContext(typeof(ProjectsDb))]
[Migration(Id)]
public sealed class Initial : Migration
{
    public const string Id = "20261122000000_Initial";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "projects",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RequestId = table.Column<string>(maxLength: 100, nullable: false),
                Programme = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                DomesticRegion = table.Column<string>(nullable: false),
                OverseasRegions = table.Column<string>(nullable: false),
                Sector = table.Column<int>(nullable: false),
                Theme = table.Column<string>(maxLength: 120, nullable: false),
                DomesticBody = table.Column<string>(nullable: false),
                OverseasBodies = table.Column<string>(nullable: false),
                Members = table.Column<string>(nullable: false),
                PlannedFirstYear = table.Column<int>(nullable: false),
                PlannedLastYear = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                StatusReason = table.Column<string>(maxLength: 2000, nullable: false),
                SupportedFiscalYears = table.Column<string>(nullable: false),
                Expansions = table.Column<string>(nullable: false),
                Achievements = table.Column<string>(nullable: false),
                FollowUpReviews = table.Column<string>(nullable: false),
                Version = table.Column<long>(nullable: false),
                RegisteredAt = table.Column<long>(nullable: false),
                RegisteredBy = table.Column<string>(maxLength: 64, nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
                CountryIndex = table.Column<string>(nullable: false),
                WorldAreaIndex = table.Column<string>(nullable: false),
                FiscalYearIndex = table.Column<string>(nullable: false),
                SearchText = table.Column<string>(nullable: false),
                PartyIndex = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_projects", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_projects_RegisteredBy_RequestId", table: "projects", columns: ["RegisteredBy", "RequestId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_projects_Status", table: "projects", column: "Status");

        migrationBuilder.CreateTable(
            name: "adoption_rules",
            columns: table => new
            {
                Programme = table.Column<int>(nullable: false),
                FiscalYear = table.Column<int>(nullable: false),
                MaxSupportedFiscalYears = table.Column<int>(nullable: false),
                MinSmeMembers = table.Column<int>(nullable: false),
                MinSmeSharePercent = table.Column<decimal>(precision: 5, scale: 2, nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
                UpdatedBy = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_adoption_rules", x => new { x.Programme, x.FiscalYear }));

        migrationBuilder.CreateOutboxAndInboxTables();
    }
}
