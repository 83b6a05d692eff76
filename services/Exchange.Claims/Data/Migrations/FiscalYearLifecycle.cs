using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Claims.Data.Migrations;

/// <summary>
/// The multi-year lifecycle: when a closing period was announced as ended, and the cut-off of each
/// project's claims of a rolled-over fiscal year. Hand-written and provider-neutral, like the first schema.
/// </summary>
[DbContext(typeof(ClaimsDb))]
[Migration(Id)]
public sealed class FiscalYearLifecycle : Migration
{
    public const string Id = "20261215000000_FiscalYearLifecycle";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "ClosedAt", table: "project_closings", nullable: true);
        migrationBuilder.CreateIndex(name: "IX_project_closings_ClosedAt", table: "project_closings", column: "ClosedAt");

        migrationBuilder.CreateTable(
            name: "fiscal_year_cut_offs",
            columns: table => new
            {
                ProjectId = table.Column<Guid>(nullable: false),
                FiscalYear = table.Column<int>(nullable: false),
                CutOffAt = table.Column<long>(nullable: false),
                SetAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_fiscal_year_cut_offs", x => new { x.ProjectId, x.FiscalYear }));
    }
}
