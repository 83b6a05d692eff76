using Exchange.Messaging.Persistence;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Exchange.Surveys.Data.Migrations;

/// <summary>
/// The first schema of the Surveys service. Written by hand with provider-neutral column types,
/// so that the same migration runs on SQLite and PostgreSQL; the functional tests run it on both.
/// </summary>
[DbContext(typeof(SurveysDb))]
[Migration(Id)]
public sealed class Initial : Migration
{
    public const string Id = "20261201000000_Initial";

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "questionnaires",
            columns: table => new
            {
                QuestionnaireId = table.Column<string>(maxLength: 40, nullable: false),
                Version = table.Column<int>(nullable: false),
                Purpose = table.Column<int>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Template = table.Column<bool>(nullable: false),
                QuestionCount = table.Column<int>(nullable: false),
                Definition = table.Column<string>(nullable: false),
                CreatedBy = table.Column<string>(maxLength: 64, nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_questionnaires", x => new { x.QuestionnaireId, x.Version }));

        migrationBuilder.CreateTable(
            name: "survey_rounds",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RequestId = table.Column<string>(maxLength: 100, nullable: false),
                CreatedBy = table.Column<string>(maxLength: 64, nullable: false),
                TitleEn = table.Column<string>(maxLength: 200, nullable: false),
                TitleJa = table.Column<string>(maxLength: 200, nullable: false),
                QuestionnaireId = table.Column<string>(maxLength: 40, nullable: false),
                QuestionnaireVersion = table.Column<int>(nullable: false),
                Purpose = table.Column<int>(nullable: false),
                Status = table.Column<int>(nullable: false),
                FiscalYear = table.Column<int>(nullable: false),
                RespondBy = table.Column<DateOnly>(nullable: true),
                ProjectIds = table.Column<string>(nullable: false),
                ClusterIds = table.Column<string>(nullable: false),
                ScheduledSurveyIds = table.Column<string>(nullable: false),
                InvitationCount = table.Column<int>(nullable: false),
                CreatedAt = table.Column<long>(nullable: false),
                ClosedAt = table.Column<long>(nullable: true),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_survey_rounds", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_survey_rounds_CreatedBy_RequestId", table: "survey_rounds", columns: ["CreatedBy", "RequestId"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_survey_rounds_QuestionnaireId", table: "survey_rounds", column: "QuestionnaireId");

        migrationBuilder.CreateTable(
            name: "invitations",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                RoundId = table.Column<Guid>(nullable: false),
                Sequence = table.Column<int>(nullable: false),
                TokenHash = table.Column<string>(maxLength: 64, nullable: false),
                ProjectId = table.Column<Guid>(nullable: true),
                ClusterId = table.Column<string>(maxLength: 64, nullable: false),
                RespondentName = table.Column<string>(maxLength: 200, nullable: false),
                OrganisationId = table.Column<string>(maxLength: 64, nullable: false),
                OrganisationName = table.Column<string>(maxLength: 200, nullable: false),
                Role = table.Column<string>(maxLength: 100, nullable: false),
                Contact = table.Column<string>(maxLength: 200, nullable: false),
                Attributes = table.Column<string>(nullable: false),
                Status = table.Column<int>(nullable: false),
                RemindersSent = table.Column<int>(nullable: false),
                SentAt = table.Column<long>(nullable: false),
                LastRemindedAt = table.Column<long>(nullable: true),
                Answers = table.Column<string>(nullable: false),
                SavedAt = table.Column<long>(nullable: true),
                SubmittedAt = table.Column<long>(nullable: true),
                AnswersDigest = table.Column<string>(maxLength: 64, nullable: false),
                Version = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_invitations", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_invitations_RoundId_Sequence", table: "invitations", columns: ["RoundId", "Sequence"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_invitations_TokenHash", table: "invitations", column: "TokenHash", unique: true);
        migrationBuilder.CreateIndex(name: "IX_invitations_RoundId_Status_Sequence", table: "invitations", columns: ["RoundId", "Status", "Sequence"]);
        migrationBuilder.CreateIndex(name: "IX_invitations_ProjectId", table: "invitations", column: "ProjectId");

        migrationBuilder.CreateTable(
            name: "scheduled_surveys",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProjectId = table.Column<Guid>(nullable: false),
                OffsetFiscalYears = table.Column<int>(nullable: false),
                DueFiscalYear = table.Column<int>(nullable: false),
                DueOn = table.Column<DateOnly>(nullable: false),
                QuestionnaireId = table.Column<string>(maxLength: 40, nullable: false),
                Status = table.Column<int>(nullable: false),
                RoundId = table.Column<Guid>(nullable: true),
                ScheduledAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_scheduled_surveys", x => x.Id));
        migrationBuilder.CreateIndex(name: "IX_scheduled_surveys_ProjectId_OffsetFiscalYears", table: "scheduled_surveys", columns: ["ProjectId", "OffsetFiscalYears"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_scheduled_surveys_DueFiscalYear", table: "scheduled_surveys", column: "DueFiscalYear");

        migrationBuilder.CreateTable(
            name: "projects_read_model",
            columns: table => new
            {
                ProjectId = table.Column<Guid>(nullable: false),
                Title = table.Column<string>(maxLength: 200, nullable: false),
                Programme = table.Column<string>(maxLength: 40, nullable: false),
                Status = table.Column<string>(maxLength: 40, nullable: false),
                Version = table.Column<long>(nullable: false),
                DomesticBodyId = table.Column<string>(maxLength: 64, nullable: false),
                DomesticBodyName = table.Column<string>(maxLength: 200, nullable: false),
                OverseasBodyIds = table.Column<string>(nullable: false),
                Sector = table.Column<string>(maxLength: 40, nullable: false),
                Theme = table.Column<string>(maxLength: 200, nullable: false),
                Bureau = table.Column<string>(maxLength: 40, nullable: false),
                Prefecture = table.Column<string>(maxLength: 100, nullable: false),
                Countries = table.Column<string>(nullable: false),
                WorldAreas = table.Column<string>(nullable: false),
                SupportedFiscalYears = table.Column<string>(nullable: false),
                FirstAchievementTiming = table.Column<string>(maxLength: 40, nullable: false),
                PartyIndex = table.Column<string>(nullable: false),
                ReceivedAt = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_projects_read_model", x => x.ProjectId));

        migrationBuilder.CreateOutboxAndInboxTables();
    }
}
