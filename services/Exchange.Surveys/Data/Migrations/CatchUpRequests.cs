using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Surveys.Data.Migrations;

/// <summary>
/// The service's memory of its request for the snapshot of every project (the catch-up on
/// projects published before its queues existed): asked once, answered once.
/// </summary>
[DbContext(typeof(SurveysDb))]
[Migration(Id)]
public sealed class CatchUpRequests : Migration
{
    public const string Id = "20270115000000_CatchUpRequests";

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.CreateCatchUpRequestsTable();
}
