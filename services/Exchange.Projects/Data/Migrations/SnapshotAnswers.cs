using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Projects.Data.Migrations;

/// <summary>
/// The answers to other services' requests for the snapshot of every project, one per request.
/// Hand-written and provider-neutral like the others; the tests compare it with the model.
/// </summary>
[DbContext(typeof(ProjectsDb))]
[Migration(Id)]
public sealed class SnapshotAnswers : Migration
{
    public const string Id = "20270115000000_SnapshotAnswers";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "project_snapshot_answers",
            columns: table => new
            {
                RequestId = table.Column<Guid>(nullable: false),
                RequestedBy = table.Column<string>(maxLength: 200, nullable: false),
                ReceivedAt = table.Column<long>(nullable: false),
                LastProjectId = table.Column<Guid>(nullable: true),
                Sent = table.Column<int>(nullable: false),
                CompletedAt = table.Column<long>(nullable: true),
                Version = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_project_snapshot_answers", x => x.RequestId));
    }
}
