using Exchange.Messaging.Persistence;
using Exchange.Surveys.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Exchange.Surveys.Data;

/// <summary>
/// The Surveys service's own database: questionnaire versions, rounds, invitations with their
/// answers, follow-up schedules, the read model of projects, outbox and inbox.
/// </summary>
public sealed class SurveysDb(DbContextOptions<SurveysDb> options) : DbContext(options)
{
    // Instants as UTC ticks: the same ordering and precision on SQLite and PostgreSQL.
    private static readonly ValueConverter<DateTimeOffset, long> Ticks = new(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));

    public DbSet<QuestionnaireRecord> Questionnaires => Set<QuestionnaireRecord>();

    public DbSet<SurveyRound> Rounds => Set<SurveyRound>();

    public DbSet<Invitation> Invitations => Set<Invitation>();

    public DbSet<ScheduledSurvey> ScheduledSurveys => Set<ScheduledSurvey>();

    public DbSet<ProjectSnapshot> Projects => Set<ProjectSnapshot>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<QuestionnaireRecord>(questionnaire =>
        {
            questionnaire.ToTable("questionnaires");
            questionnaire.HasKey(q => new { q.QuestionnaireId, q.Version });
            questionnaire.Property(q => q.QuestionnaireId).HasMaxLength(40);
            questionnaire.Property(q => q.Title).HasMaxLength(200);
            questionnaire.Property(q => q.CreatedBy).HasMaxLength(64);
            questionnaire.Property(q => q.CreatedAt).HasConversion(Ticks);
        });

        modelBuilder.Entity<SurveyRound>(round =>
        {
            round.ToTable("survey_rounds");
            round.HasKey(r => r.Id);
            round.Property(r => r.RequestId).HasMaxLength(100);
            round.Property(r => r.CreatedBy).HasMaxLength(64);
            round.HasIndex(r => new { r.CreatedBy, r.RequestId }).IsUnique();
            round.HasIndex(r => r.QuestionnaireId);
            round.Property(r => r.TitleEn).HasMaxLength(200);
            round.Property(r => r.TitleJa).HasMaxLength(200);
            round.Property(r => r.QuestionnaireId).HasMaxLength(40);
            round.Property(r => r.ProjectIds).HasJsonConversion();
            round.Property(r => r.ClusterIds).HasJsonConversion();
            round.Property(r => r.ScheduledSurveyIds).HasJsonConversion();
            round.Property(r => r.CreatedAt).HasConversion(Ticks);
            round.Property(r => r.ClosedAt).HasConversion(Ticks);
            round.Property(r => r.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.ToTable("invitations");
            invitation.HasKey(i => i.Id);
            invitation.HasIndex(i => new { i.RoundId, i.Sequence }).IsUnique();
            // Respondents are found by the hash of their token only.
            invitation.Property(i => i.TokenHash).HasMaxLength(64);
            invitation.HasIndex(i => i.TokenHash).IsUnique();
            // Serves the response rates (counts by status) and the analytics' pages of submitted responses in order.
            invitation.HasIndex(i => new { i.RoundId, i.Status, i.Sequence });
            invitation.HasIndex(i => i.ProjectId);
            invitation.Property(i => i.ClusterId).HasMaxLength(64);
            invitation.Property(i => i.RespondentName).HasMaxLength(200);
            invitation.Property(i => i.OrganisationId).HasMaxLength(64);
            invitation.Property(i => i.OrganisationName).HasMaxLength(200);
            invitation.Property(i => i.Role).HasMaxLength(100);
            invitation.Property(i => i.Contact).HasMaxLength(200);
            invitation.Property(i => i.Attributes).HasJsonConversion();
            invitation.Property(i => i.Answers).HasJsonConversion();
            invitation.Property(i => i.AnswersDigest).HasMaxLength(64);
            invitation.Property(i => i.SentAt).HasConversion(Ticks);
            invitation.Property(i => i.LastRemindedAt).HasConversion(Ticks);
            invitation.Property(i => i.SavedAt).HasConversion(Ticks);
            invitation.Property(i => i.SubmittedAt).HasConversion(Ticks);
            invitation.Property(i => i.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<ScheduledSurvey>(schedule =>
        {
            schedule.ToTable("scheduled_surveys");
            schedule.HasKey(s => s.Id);
            // One schedule per project and offset: a completion delivered twice schedules nothing more.
            schedule.HasIndex(s => new { s.ProjectId, s.OffsetFiscalYears }).IsUnique();
            schedule.HasIndex(s => s.DueFiscalYear);
            schedule.Property(s => s.QuestionnaireId).HasMaxLength(40);
            schedule.Property(s => s.ScheduledAt).HasConversion(Ticks);
        });

        modelBuilder.Entity<ProjectSnapshot>(project =>
        {
            project.ToTable("projects_read_model");
            project.HasKey(p => p.ProjectId);
            project.Property(p => p.Title).HasMaxLength(200);
            project.Property(p => p.Programme).HasMaxLength(40);
            project.Property(p => p.Status).HasMaxLength(40);
            // The version guards the row: of two writers that read the same version, one wins and the other retries.
            project.Property(p => p.Version).IsConcurrencyToken();
            project.Property(p => p.DomesticBodyId).HasMaxLength(64);
            project.Property(p => p.DomesticBodyName).HasMaxLength(200);
            project.Property(p => p.OverseasBodyIds).HasJsonConversion();
            project.Property(p => p.Sector).HasMaxLength(40);
            project.Property(p => p.Theme).HasMaxLength(200);
            project.Property(p => p.Bureau).HasMaxLength(40);
            project.Property(p => p.Prefecture).HasMaxLength(100);
            project.Property(p => p.Countries).HasJsonConversion();
            project.Property(p => p.WorldAreas).HasJsonConversion();
            project.Property(p => p.SupportedFiscalYears).HasJsonConversion();
            project.Property(p => p.FirstAchievementTiming).HasMaxLength(40);
            project.Ignore(p => p.Parties);
            project.Property(p => p.ReceivedAt).HasConversion(Ticks);
        });

        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddCatchUpRequests();
    }
}
