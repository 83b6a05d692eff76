using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Missions.Data.Migrations;

/// <summary>
/// The first schema of the Missions service. Written by hand with provider-neutral column types,
/// so that the same migration runs on SQLite and PostgreSQL; the functional tests run it on both.
/// </summary>
[DbContext(typeof(MissionsDb))]
[Migration(Id)]
public sealed class Initial : Migration
{
    public const string Id = "20261122000000_Initial";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "activities",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                RequestId = table.Column<string>(maxLength: 100, nullable: false),
                PlannedBy = table.Column<string>(maxLength: 64, nullable: false),
                FiscalYear = table.Column<int>(nullable: false),
                SupportTool = table.Column<int>(nullable: false),
                Direction = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Purpose = table.Column<string>(maxLength: 2000, nullable: false),
                StartDate = table.Column<DateOnly>(nullable: false),
                EndDate = table.Column<DateOnly>(nullable: false),
                Places = table.Column<string>(nullable: false),
                Status = table.Column<int>(nullable: false),
                StatusReason = table.Column<string>(maxLength: 2000, nullable: false),
                Roster = table.Column<string>(nullable: false),
                Meetings = table.Column<string>(nullable: false),
                Outcomes = table.Column<string>(nullable: false),
                History = table.Column<string>(nullable: false),
                Version = table.Column<long>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_activities", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_activities_PlannedBy_RequestId", table: "activities", columns: ["PlannedBy", "RequestId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_activities_ProjectId_FiscalYear", table: "activities", columns: ["ProjectId", "FiscalYear"]);
        migrationBuilder.CreateIndex(name: "IX_activities_FiscalYear", table: "activities", column: "FiscalYear");

        migrationBuilder.CreateTable(
            name: "organisations",
            columns: table => new
            {
                Id = table.Column<string>(maxLength: 64, nullable: false),
                Name = table.Column<string>(maxLength: 120, nullable: false),
                Country = table.Column<string>(maxLength: 2, nullable: false),
                Kind = table.Column<int>(nullable: false),
                SearchText = table.Column<string>(maxLength: 200, nullable: false),
                RegisteredBy = table.Column<string>(maxLength: 64, nullable: false),
                RegisteredAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_organisations", x => x.Id));

        migrationBuilder.CreateTable(
            name: "projects_read_model",
            columns: table => new
            {
                ProjectId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Status = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                DomesticBodyId = table.Column<string>(maxLength: 64, nullable: false),
                OverseasBodyIds = table.Column<string>(nullable: false),
                SupportedFiscalYears = table.Column<string>(nullable: false),
                PartyIndex = table.Column<string>(nullable: false),
                Source = table.Column<string>(maxLength: 32, nullable: false),
                ReceivedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_projects_read_model", x => x.ProjectId));

        migrationBuilder.CreateOutboxAndInboxTables();
    }
}
