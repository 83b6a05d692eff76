using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Claims.Data.Migrations;

/// <summary>
/// The first schema of the Claims service. Written by hand with provider-neutral column types,
/// so that the same migration runs on SQLite and PostgreSQL; the functional tests run it on both.
/// </summary>
[DbContext(typeof(ClaimsDb))]
[Migration(Id)]
public sealed class Initial : Migration
{
    public const string Id = "20261201000000_Initial";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "rulebooks",
            columns: table => new
            {
                FiscalYear = table.Column<int>(nullable: false),
                Version = table.Column<int>(nullable: false),
                Content = table.Column<string>(nullable: false),
                ChangedBy = table.Column<string>(maxLength: 64, nullable: false),
                ChangedAt = table.Column<long>(nullable: false),
                Note = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_rulebooks", x => new { x.FiscalYear, x.Version }));

        migrationBuilder.CreateTable(
            name: "exchange_rates",
            columns: table => new
            {
                Currency = table.Column<string>(maxLength: 3, nullable: false),
                EffectiveFrom = table.Column<DateOnly>(nullable: false),
                RateToJpy = table.Column<decimal>(precision: 18, scale: 6, nullable: false),
                Source = table.Column<string>(maxLength: 200, nullable: false),
                RecordedBy = table.Column<string>(maxLength: 64, nullable: false),
                RecordedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_exchange_rates", x => new { x.Currency, x.EffectiveFrom }));

        migrationBuilder.CreateTable(
            name: "budgets",
            columns: table => new
            {
                ProjectId = table.Column<Guid>(nullable: false),
                FiscalYear = table.Column<int>(nullable: false),
                Lines = table.Column<string>(nullable: false),
                CoordinatorsProgrammeShare = table.Column<long>(nullable: false),
                CoordinatorsOwnShare = table.Column<long>(nullable: false),
                Version = table.Column<long>(nullable: false),
                SetBy = table.Column<string>(maxLength: 64, nullable: false),
                SetAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_budgets", x => new { x.ProjectId, x.FiscalYear }));

        migrationBuilder.CreateTable(
            name: "claims",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                FiscalYear = table.Column<int>(nullable: false),
                ActivityId = table.Column<Guid>(nullable: false),
                SupportTool = table.Column<int>(nullable: false),
                ActivityStart = table.Column<DateOnly>(nullable: false),
                ActivityEnd = table.Column<DateOnly>(nullable: false),
                Places = table.Column<string>(nullable: false),
                FundedPeople = table.Column<string>(nullable: false),
                PrivateExpensePersons = table.Column<int>(nullable: false),
                ActivityCompletedAt = table.Column<long>(nullable: false),
                Status = table.Column<int>(nullable: false),
                Lines = table.Column<string>(nullable: false),
                Violations = table.Column<string>(nullable: false),
                Duplicates = table.Column<string>(nullable: false),
                DuplicateCount = table.Column<int>(nullable: false),
                ClaimedJpy = table.Column<long>(nullable: false),
                SanctionedJpy = table.Column<long>(nullable: false),
                RulebookVersion = table.Column<int>(nullable: false),
                StatusReason = table.Column<string>(maxLength: 2000, nullable: false),
                SubmitRequestId = table.Column<string>(maxLength: 100, nullable: false),
                Version = table.Column<long>(nullable: false),
                OpenedBy = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                UpdatedAt = table.Column<long>(nullable: false),
                SubmittedAt = table.Column<long>(nullable: true),
                DecidedAt = table.Column<long>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_claims", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_claims_ActivityId", table: "claims", column: "ActivityId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_claims_ProjectId_FiscalYear", table: "claims", columns: ["ProjectId", "FiscalYear"]);
        migrationBuilder.CreateIndex(name: "IX_claims_FiscalYear", table: "claims", column: "FiscalYear");

        migrationBuilder.CreateTable(
            name: "claim_payments",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ClaimId = table.Column<Guid>(nullable: false),
                PaymentId = table.Column<string>(maxLength: 100, nullable: false),
                AmountJpy = table.Column<long>(nullable: false),
                PaidOn = table.Column<DateOnly>(nullable: false),
                Reference = table.Column<string>(maxLength: 200, nullable: false),
                PaidBy = table.Column<string>(maxLength: 64, nullable: false),
                Source = table.Column<string>(maxLength: 16, nullable: false),
                RecordedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_claim_payments", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_claim_payments_ClaimId", table: "claim_payments", column: "ClaimId", unique: true);
        migrationBuilder.CreateIndex(name: "IX_claim_payments_PaymentId", table: "claim_payments", column: "PaymentId", unique: true);

        migrationBuilder.CreateTable(
            name: "claim_receipts",
            columns: table => new
            {
                ClaimId = table.Column<Guid>(nullable: false),
                LineId = table.Column<string>(maxLength: 64, nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                Sha256 = table.Column<string>(maxLength: 64, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_claim_receipts", x => new { x.ClaimId, x.LineId }));
        migrationBuilder.CreateIndex(name: "IX_claim_receipts_Sha256", table: "claim_receipts", column: "Sha256");

        migrationBuilder.CreateTable(
            name: "coordinator_contracts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                FiscalYear = table.Column<int>(nullable: false),
                Side = table.Column<int>(nullable: false),
                Slot = table.Column<int>(nullable: false),
                CoordinatorName = table.Column<string>(maxLength: 120, nullable: false),
                CoordinatorOrganisation = table.Column<string>(maxLength: 120, nullable: false),
                CoordinatorCountry = table.Column<string>(maxLength: 2, nullable: false),
                CommissionFeeJpy = table.Column<long>(nullable: false),
                TravelBudgetJpy = table.Column<long>(nullable: false),
                FirstMonth = table.Column<int>(nullable: false),
                LastMonth = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                RenewedFromId = table.Column<Guid>(nullable: true),
                RenewedToId = table.Column<Guid>(nullable: true),
                Invoices = table.Column<string>(nullable: false),
                RequestId = table.Column<string>(maxLength: 100, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_coordinator_contracts", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_coordinator_contracts_ProjectId_FiscalYear_Side_Slot", table: "coordinator_contracts",
            columns: ["ProjectId", "FiscalYear", "Side", "Slot"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_coordinator_contracts_CreatedBy_RequestId", table: "coordinator_contracts", columns: ["CreatedBy", "RequestId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_coordinator_contracts_FiscalYear", table: "coordinator_contracts", column: "FiscalYear");

        migrationBuilder.CreateTable(
            name: "audit_trail",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                SubjectKind = table.Column<string>(maxLength: 32, nullable: false),
                SubjectId = table.Column<string>(maxLength: 64, nullable: false),
                ProjectId = table.Column<Guid>(nullable: true),
                Action = table.Column<string>(maxLength: 32, nullable: false),
                FromState = table.Column<string>(maxLength: 32, nullable: false),
                ToState = table.Column<string>(maxLength: 32, nullable: false),
                ActorOrganisation = table.Column<string>(maxLength: 64, nullable: false),
                ActorRole = table.Column<string>(maxLength: 32, nullable: false),
                ActorSubject = table.Column<string>(maxLength: 200, nullable: false),
                At = table.Column<long>(nullable: false),
                Ordinal = table.Column<int>(nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_audit_trail", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_audit_trail_SubjectId", table: "audit_trail", column: "SubjectId");
        migrationBuilder.CreateIndex(name: "IX_audit_trail_ProjectId", table: "audit_trail", column: "ProjectId");

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
                ReceivedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_projects_read_model", x => x.ProjectId));

        migrationBuilder.CreateTable(
            name: "project_closings",
            columns: table => new
            {
                ProjectId = table.Column<Guid>(nullable: false),
                LastFiscalYear = table.Column<int>(nullable: false),
                CompletedAt = table.Column<long>(nullable: false),
                Deadline = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_project_closings", x => x.ProjectId));

        migrationBuilder.CreateOutboxAndInboxTables();
    }
}
