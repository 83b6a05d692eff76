import { useState, type FormEvent } from 'react';
import { claimsApi, claimStatusLabels } from '../api/claims';
import { enumWords, formatDate, formatMoney, newId, parseDate, sectorLabels } from '../api/common';
import { missionsApi, toolLabel, type Activity } from '../api/missions';
import { achievementKinds, projectsApi, stageOf, type AchievementKind, type Project } from '../api/projects';
import { Loaded, useAsync } from '../components/async';
import { ErrorSummary, SelectField, TextAreaField, TextField, useFormErrors } from '../components/forms';
import { mayLog, useSession } from '../session';
import { LifecycleSteps } from './LifecycleSteps';

export function ProjectPage({ projectId }: { projectId: string }) {
  const state = useAsync(() => projectsApi.get(projectId), [projectId]);
  return (
    <Loaded state={state} what="the project">
      {(project) => <ProjectView project={project} onChange={state.set} />}
    </Loaded>
  );
}

function ProjectView({ project, onChange }: { project: Project; onChange: (p: Project) => void }) {
  const { identity } = useSession();
  const activities = useAsync(() => missionsApi.list(project.id!, { pageSize: 200 }).then((r) => r.activities ?? []), [project.id]);
  const claims = useAsync(() => claimsApi.list({ projectId: project.id, page: { pageSize: 200 } }).then((r) => r.claims ?? []), [project.id]);
  const canLog = mayLog(identity);
  return (
    <article>
      <p className="breadcrumb"><a href="#/projects">Projects</a></p>
      <h1>{project.title}</h1>
      <section aria-labelledby="lifecycle-heading" className="card">
        <h2 id="lifecycle-heading">Where the project stands</h2>
        <LifecycleSteps status={project.status} />
        <p>
          Stage: <strong>{stageOf(project.status)}</strong>. Supported in{' '}
          {(project.supportedFiscalYears ?? []).map((y) => 'FY' + y).join(', ') || 'no fiscal year yet'}
          {project.plannedPeriod && <> (planned FY{project.plannedPeriod.firstYear}&ndash;FY{project.plannedPeriod.lastYear})</>}.
        </p>
        <dl className="facts">
          <dt>Programme</dt><dd>{enumWords(project.programme, 'PROGRAMME_')}</dd>
          <dt>Domestic region</dt>
          <dd>{project.domesticRegion?.name}{project.domesticRegion?.prefecture ? `, ${project.domesticRegion.prefecture}` : ''} ({enumWords(project.domesticRegion?.bureau, 'REGIONAL_BUREAU_')} bureau)</dd>
          <dt>Overseas regions</dt><dd>{(project.overseasRegions ?? []).map((r) => `${r.name}, ${r.country}`).join('; ')}</dd>
          <dt>Sector and theme</dt><dd>{sectorLabels[project.sector ?? 'SECTOR_UNSPECIFIED']}: {project.theme}</dd>
          <dt>Implementation bodies</dt>
          <dd>{project.domesticBody?.name}; {(project.overseasBodies ?? []).map((b) => b.name).join(', ')}</dd>
          <dt>Members</dt><dd>{(project.members ?? []).length} ({(project.members ?? []).filter((m) => m.sme).length} SMEs)</dd>
        </dl>
      </section>

      <section aria-labelledby="activities-heading">
        <div className="section-head">
          <h2 id="activities-heading">Activities</h2>
          {canLog && <a className="button" href={`#/projects/${project.id}/activities/new`}>Log an activity</a>}
        </div>
        <Loaded state={activities} what="activities">
          {(list) => <ActivityTable activities={list} />}
        </Loaded>
      </section>

      <section aria-labelledby="claims-heading">
        <h2 id="claims-heading">Cost claims</h2>
        <p className="hint">A draft claim opens by itself when an activity is reported completed.</p>
        <Loaded state={claims} what="claims">
          {(list) => list.length === 0 ? <p>No claims yet.</p> : (
            <div className="table-wrap">
              <table>
                <thead><tr><th scope="col">Claim</th><th scope="col">Fiscal year</th><th scope="col">Status</th><th scope="col">Claimed</th><th scope="col">Open problems</th></tr></thead>
                <tbody>
                  {list.map((c) => (
                    <tr key={c.id}>
                      <th scope="row"><a href={`#/claims/${c.id}`}>{toolLabel(c.supportTool)}, {formatDate(c.activityStart)}</a></th>
                      <td>FY{c.fiscalYear}</td>
                      <td>{claimStatusLabels[c.status ?? 'CLAIM_STATUS_UNSPECIFIED']}</td>
                      <td className="num">{formatMoney(c.claimedJpy)}</td>
                      <td className="num">{(c.violations ?? []).length}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Loaded>
      </section>

      <section aria-labelledby="achievements-heading">
        <h2 id="achievements-heading">Achievements</h2>
        {(project.achievements ?? []).length === 0 ? <p>No achievement recorded yet.</p> : (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">Date</th><th scope="col">Kind</th><th scope="col">Description</th><th scope="col">Timing</th></tr></thead>
              <tbody>
                {(project.achievements ?? []).map((a) => (
                  <tr key={a.id}>
                    <td>{formatDate(a.date)}</td>
                    <td>{achievementKinds.find(([k]) => k === a.kind)?.[1] ?? a.kind}</td>
                    <td>{a.description}</td>
                    <td>{enumWords(a.timing, 'ACHIEVEMENT_TIMING_')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {identity?.role !== 'unknown' && (
          <AchievementForm project={project} activities={activities.data ?? []} onRecorded={onChange} />
        )}
      </section>
    </article>
  );
}

function ActivityTable({ activities }: { activities: Activity[] }) {
  if (activities.length === 0) return <p>No activity logged yet.</p>;
  const sorted = [...activities].sort((a, b) => formatDate(b.startDate).localeCompare(formatDate(a.startDate)));
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr><th scope="col">Activity</th><th scope="col">Support tool</th><th scope="col">Dates</th><th scope="col">People</th><th scope="col">Meetings</th><th scope="col">Status</th></tr>
        </thead>
        <tbody>
          {sorted.map((a) => (
            <tr key={a.id}>
              <th scope="row"><a href={`#/activities/${a.id}`}>{a.title}</a></th>
              <td>{toolLabel(a.supportTool)}</td>
              <td>{formatDate(a.startDate)} &ndash; {formatDate(a.endDate)}</td>
              <td className="num">{a.fundedPersons ?? 0} funded, {a.privateExpensePersons ?? 0} private</td>
              <td className="num">{(a.meetings ?? []).length}</td>
              <td>{enumWords(a.status, 'ACTIVITY_STATUS_')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AchievementForm({ project, activities, onRecorded }: { project: Project; activities: Activity[]; onRecorded: (p: Project) => void }) {
  const [kind, setKind] = useState<AchievementKind | ''>('');
  const [date, setDate] = useState('');
  const [description, setDescription] = useState('');
  const [activityId, setActivityId] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState('');
  const { errors, formRef, fail, show, clear } = useFormErrors();
  // One id per achievement being typed, so that a retried click records it once.
  const [achievementId, setAchievementId] = useState(() => newId('ach-'));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string[]> = {};
    if (!kind) missing.kind = ['Choose the kind of achievement.'];
    if (!parseDate(date)) missing.date = ['Enter the date it was achieved.'];
    if (!description.trim()) missing.description = ['Describe the achievement.'];
    if (Object.keys(missing).length) return show({ fields: missing, general: [] });
    setBusy(true);
    clear();
    try {
      const updated = await projectsApi.recordAchievement({
        projectId: project.id!, achievementId, kind: kind as AchievementKind, date: parseDate(date), description, activityId: activityId || undefined,
      });
      onRecorded(updated);
      setDone('Achievement recorded.');
      setKind(''); setDate(''); setDescription(''); setActivityId('');
      setAchievementId(newId('ach-'));
    } catch (error) {
      fail(error, { ruleFields: { 'achievement-date': 'date' } });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="card" aria-labelledby="achievement-form-heading">
      <h3 id="achievement-form-heading">Record an achievement</h3>
      <ErrorSummary errors={errors} />
      {done && <p role="status" className="success">{done}</p>}
      <div className="grid-2">
        <SelectField id="ach-kind" label="Kind" path="kind" errors={errors} required value={kind} onChange={setKind} options={achievementKinds} placeholder="Choose ..." />
        <TextField id="ach-date" label="Date achieved" path="date" errors={errors} required type="date" value={date} onChange={setDate} />
      </div>
      <TextAreaField id="ach-description" label="Description" path="description" errors={errors} required value={description} onChange={setDescription} />
      <SelectField id="ach-activity" label="Activity that led to it (optional)" path="activity_id" errors={errors} value={activityId}
        onChange={setActivityId} options={activities.map((a) => [a.id!, a.title ?? a.id!] as [string, string])} placeholder="None" />
      <button type="submit" disabled={busy}>{busy ? 'Recording ...' : 'Record achievement'}</button>
    </form>
  );
}
