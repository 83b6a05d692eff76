using Exchange.Surveys.Data;
using Exchange.Surveys.Model;
using Microsoft.EntityFrameworkCore;

namespace Exchange.Surveys.Questionnaires;

/// <summary>
/// Stores the shipped templates (success factors, cluster evaluation) as version 1 when the
/// database has no such questionnaire yet. Later versions are coordinators' revisions.
/// </summary>
internal sealed class TemplateInstaller(IServiceScopeFactory scopes, TimeProvider clock, ILogger<TemplateInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SurveysDb>();
        foreach (var template in new[] { SuccessFactorTemplate.Build(), ClusterEvaluationTemplate.Build() })
        {
            if (await db.Questionnaires.AnyAsync(q => q.QuestionnaireId == template.Id, cancellationToken)) continue;
            db.Questionnaires.Add(QuestionnaireRecord.From(template, clock.GetUtcNow()));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                logger.LogInformation("Questionnaire template {QuestionnaireId} v{Version} installed", template.Id, template.Version);
            }
            catch (DbUpdateException)
            {
                // Another instance installed it at the same moment.
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
