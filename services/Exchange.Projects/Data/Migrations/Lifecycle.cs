using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Projects.Data.Migrations;

/// <summary>
/// The multi-year lifecycle's state: each project's stage and the facts other services reported,
/// its history, the follow-up survey rounds, and the fiscal-year rollovers. Hand-written and
/// provider-neutral like the first schema; the lifecycle tests compare it with the model.
/// </summary>
[DbContext(typeof(ProjectsDb))]
[Migration(Id)]
public sealed class Lifecycle : Migration
{
    public const string Id = "20261215000000_Lifecycle";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "project_lifecycles",
            columns: table => new
            {
                ProjectId = table.Column<Guid>(nullable: false),
                Stage = table.Column<int>(nullable: false),
                StageSince = table.Column<long>(nullable: false),
                FiscalYear = table.Column<int>(nullable: false),
                ClaimsClosingDeadline = table.Column<long>(nullable: true),
                ClaimsClosedAt = table.Column<long>(nullable: true),
                FollowUps = table.Column<string>(nullable: false),
                PlannedFollowUpOffsets = table.Column<string>(nullable: false),
                StepCount = table.Column<int>(nullable: false),
                Version = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_project_lifecycles", x => x.ProjectId));
        migrationBuilder.CreateIndex(name: "IX_project_lifecycles_Stage", table: "project_lifecycles", column: "Stage");

        migrationBuilder.CreateTable(
            name: "lifecycle_steps",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                Key = table.Column<string>(maxLength: 100, nullable: false),
                At = table.Column<long>(nullable: false),
                Step = table.Column<string>(maxLength: 40, nullable: false),
                FromStage = table.Column<int>(nullable: false),
                ToStage = table.Column<int>(nullable: false),
                Actor = table.Column<string>(maxLength: 200, nullable: false),
                Detail = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_lifecycle_steps", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_lifecycle_steps_ProjectId_Key", table: "lifecycle_steps", columns: ["ProjectId", "Key"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_lifecycle_steps_ProjectId_Sequence", table: "lifecycle_steps", columns: ["ProjectId", "Sequence"], unique: true);

        migrationBuilder.CreateTable(
            name: "lifecycle_follow_up_rounds",
            columns: table => new
            {
                RoundId = table.Column<Guid>(nullable: false),
                ScheduledSurveyIds = table.Column<string>(nullable: false),
                ProjectIds = table.Column<string>(nullable: false),
                ProjectIndex = table.Column<string>(nullable: false),
                OpenedAt = table.Column<long>(nullable: true),
                ClosedAt = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_lifecycle_follow_up_rounds", x => x.RoundId));

        migrationBuilder.CreateTable(
            name: "fiscal_year_rollovers",
            columns: table => new
            {
                FiscalYear = table.Column<int>(nullable: false),
                ClosedFiscalYear = table.Column<int>(nullable: false),
                RolledOverBy = table.Column<string>(maxLength: 200, nullable: false),
                RolledOverAt = table.Column<long>(nullable: false),
                ClosedYearProjectIds = table.Column<string>(nullable: false),
                ContinuedProjectIds = table.Column<string>(nullable: false),
                AwaitingDecisionProjectIds = table.Column<string>(nullable: false),
                ClosedProjectIds = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_fiscal_year_rollovers", x => x.FiscalYear));
    }
}
