import { useEffect, useState, type FormEvent } from 'react';
import { claimsApi, claimStatusLabels, type Claim } from '../api/claims';
import { enumWords, formatDate, newId, parseDate } from '../api/common';
import {
  meetingResults, missionsApi, organisationKinds, toolLabel,
  type Activity, type Funding, type MeetingResult, type OrganisationKind,
} from '../api/missions';
import { achievementKinds, type AchievementKind } from '../api/projects';
import { Loaded, useAsync } from '../components/async';
import { describeError, ErrorSummary, SelectField, TextAreaField, TextField, useFormErrors, type FormErrors } from '../components/forms';
import { mayLog, useSession } from '../session';

export function ActivityPage({ activityId }: { activityId: string }) {
  const state = useAsync(() => missionsApi.get(activityId), [activityId]);
  return (
    <Loaded state={state} what="the activity">
      {(activity) => <ActivityView activity={activity} onChange={state.set} />}
    </Loaded>
  );
}

function ActivityView({ activity, onChange }: { activity: Activity; onChange: (a: Activity) => void }) {
  const { identity } = useSession();
  const canLog = mayLog(identity);
  const open = activity.status === 'ACTIVITY_STATUS_PLANNED' || activity.status === 'ACTIVITY_STATUS_CONFIRMED';
  return (
    <article>
      <p className="breadcrumb"><a href={`#/projects/${activity.projectId}`}>Project</a></p>
      <h1>{activity.title}</h1>
      <section className="card" aria-labelledby="plan-heading">
        <h2 id="plan-heading">Plan</h2>
        <dl className="facts">
          <dt>Support tool</dt><dd>{toolLabel(activity.supportTool)} ({enumWords(activity.direction, 'DIRECTION_')})</dd>
          <dt>Fiscal year</dt><dd>FY{activity.fiscalYear}</dd>
          <dt>Dates</dt><dd>{formatDate(activity.startDate)} &ndash; {formatDate(activity.endDate)}</dd>
          <dt>Places</dt><dd>{(activity.places ?? []).map((p) => `${p.name}, ${p.country}`).join('; ')}</dd>
          <dt>Purpose</dt><dd>{activity.purpose}</dd>
          <dt>Status</dt><dd data-testid="activity-status">{enumWords(activity.status, 'ACTIVITY_STATUS_')}{activity.statusReason ? ` (${activity.statusReason})` : ''}</dd>
        </dl>
        {canLog && <StatusActions activity={activity} onChange={onChange} />}
      </section>

      <section aria-labelledby="roster-heading">
        <h2 id="roster-heading">Roster</h2>
        <p>{activity.fundedPersons ?? 0} funded by the programme, {activity.privateExpensePersons ?? 0} at private expense.</p>
        {(activity.roster ?? []).length > 0 && (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">Name</th><th scope="col">Organisation</th><th scope="col">Role</th><th scope="col">Country</th><th scope="col">Funding</th>{canLog && open && <th scope="col"><span className="visually-hidden">Actions</span></th>}</tr></thead>
              <tbody>
                {(activity.roster ?? []).map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.name}</th>
                    <td>{r.organisation?.name}</td>
                    <td>{r.role}</td>
                    <td>{r.country}</td>
                    <td>{r.funding === 'FUNDING_PROGRAMME' ? 'Programme' : 'Private expense'}</td>
                    {canLog && open && (
                      <td>
                        <button type="button" className="secondary small" onClick={() =>
                          missionsApi.removeRosterEntry(activity.id!, r.id!, activity.version).then(onChange, (e) => alert(describeError(e)))}>
                          Remove {r.name}
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canLog && open && <RosterForm activity={activity} onChange={onChange} />}
      </section>

      <section aria-labelledby="meetings-heading">
        <h2 id="meetings-heading">Business meetings</h2>
        {(activity.meetings ?? []).length === 0 ? <p>No meeting recorded.</p> : (
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">Date</th><th scope="col">Counterpart</th><th scope="col">Topic</th><th scope="col">Result</th></tr></thead>
              <tbody>
                {(activity.meetings ?? []).map((m) => (
                  <tr key={m.id}>
                    <td>{formatDate(m.date)}</td>
                    <th scope="row">{m.counterpart?.name} ({m.counterpart?.country})</th>
                    <td>{m.topic}</td>
                    <td>{enumWords(m.result, 'MEETING_RESULT_')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canLog && open && <MeetingForm activity={activity} onChange={onChange} />}
      </section>

      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">Outcomes</h2>
        {(activity.outcomes ?? []).length === 0 ? <p>No outcome reported.</p> : (
          <ul>
            {(activity.outcomes ?? []).map((o) => (
              <li key={o.id}>{formatDate(o.achievedOn)}: {achievementKinds.find(([k]) => k === o.kind)?.[1]} &ndash; {o.description}</li>
            ))}
          </ul>
        )}
        {identity?.role !== 'unknown' && activity.status !== 'ACTIVITY_STATUS_CANCELLED' && <OutcomeForm activity={activity} onChange={onChange} />}
      </section>

      {activity.status === 'ACTIVITY_STATUS_COMPLETED' && <ActivityClaim activityId={activity.id!} />}
    </article>
  );
}

function StatusActions({ activity, onChange }: { activity: Activity; onChange: (a: Activity) => void }) {
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, general: [] });
  const act = async (call: () => Promise<Activity>) => {
    setBusy(true);
    setErrors({ fields: {}, general: [] });
    try {
      onChange(await call());
    } catch (error) {
      setErrors({ fields: {}, general: [describeError(error)] });
    } finally {
      setBusy(false);
    }
  };
  const id = activity.id!;
  return (
    <div className="actions">
      <ErrorSummary errors={errors} />
      {activity.status === 'ACTIVITY_STATUS_PLANNED' && (
        <button type="button" disabled={busy} onClick={() => act(() => missionsApi.confirm(id, activity.version))}>Confirm the activity</button>
      )}
      {activity.status === 'ACTIVITY_STATUS_CONFIRMED' && (
        <button type="button" disabled={busy} onClick={() => act(() => missionsApi.complete(id, activity.version))}>Report it completed</button>
      )}
      {(activity.status === 'ACTIVITY_STATUS_PLANNED' || activity.status === 'ACTIVITY_STATUS_CONFIRMED') && (
        <details>
          <summary>Cancel the activity</summary>
          <label htmlFor="cancel-reason">Reason</label>
          <input id="cancel-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="danger" disabled={busy || !reason.trim()} onClick={() => act(() => missionsApi.cancel(id, reason, activity.version))}>
            Cancel it
          </button>
        </details>
      )}
    </div>
  );
}

function RosterForm({ activity, onChange }: { activity: Activity; onChange: (a: Activity) => void }) {
  const [name, setName] = useState('');
  const [orgName, setOrgName] = useState('');
  const [orgCountry, setOrgCountry] = useState('JP');
  const [orgKind, setOrgKind] = useState<OrganisationKind | ''>('ORGANISATION_KIND_COMPANY');
  const [role, setRole] = useState('');
  const [funding, setFunding] = useState<Funding | ''>('FUNDING_PROGRAMME');
  const [busy, setBusy] = useState(false);
  const { errors, formRef, fail, show, clear } = useFormErrors();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string[]> = {};
    if (!name.trim()) missing.name = ['Enter the person\'s name.'];
    if (!orgName.trim()) missing['organisation.name'] = ['Everyone comes from an organisation (an expert in their own name is one).'];
    if (!funding) missing.funding = ['Say who pays.'];
    if (Object.keys(missing).length) return show({ fields: missing, general: [] });
    setBusy(true);
    clear();
    try {
      onChange(await missionsApi.addRosterEntry(activity.id!, {
        name, role, funding: funding as Funding,
        organisation: { name: orgName, country: orgCountry, kind: (orgKind || undefined) as OrganisationKind | undefined },
      }, activity.version));
      setName(''); setRole('');
    } catch (error) {
      fail(error, {
        stripPrefix: 'person.',
        ruleFields: { 'roster-entry-needs-organisation': 'organisation.name', 'max-three-funded-invitees-per-company': 'funding' },
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="card" aria-labelledby="roster-form-heading">
      <h3 id="roster-form-heading">Add a person</h3>
      <ErrorSummary errors={errors} />
      <div className="grid-3">
        <TextField id="person-name" label="Name" path="name" errors={errors} required value={name} onChange={setName} />
        <TextField id="person-role" label="Role in the activity" path="role" errors={errors} value={role} onChange={setRole} placeholder="company president, expert" />
        <SelectField id="person-funding" label="Paid by" path="funding" errors={errors} required value={funding} onChange={setFunding}
          options={[['FUNDING_PROGRAMME', 'The programme (funded)'], ['FUNDING_PRIVATE_EXPENSE', 'Private expense']]} />
        <TextField id="person-org" label="Organisation" path="organisation.name" errors={errors} required value={orgName} onChange={setOrgName} />
        <TextField id="person-org-country" label="Organisation's country (ISO code)" path="organisation.country" errors={errors} value={orgCountry}
          onChange={(v) => setOrgCountry(v.toUpperCase())} maxLength={2} />
        <SelectField id="person-org-kind" label="Kind of organisation" path="organisation.kind" errors={errors} value={orgKind} onChange={setOrgKind} options={organisationKinds} />
      </div>
      <button type="submit" disabled={busy}>{busy ? 'Adding ...' : 'Add to the roster'}</button>
    </form>
  );
}

function MeetingForm({ activity, onChange }: { activity: Activity; onChange: (a: Activity) => void }) {
  const [counterpart, setCounterpart] = useState('');
  const [country, setCountry] = useState(activity.places?.[0]?.country ?? '');
  const [date, setDate] = useState(formatDate(activity.startDate));
  const [topic, setTopic] = useState('');
  const [result, setResult] = useState<MeetingResult | ''>('MEETING_RESULT_INFORMATION_EXCHANGE');
  const [busy, setBusy] = useState(false);
  const { errors, formRef, fail, show, clear } = useFormErrors();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string[]> = {};
    if (!counterpart.trim()) missing['counterpart.name'] = ['Name the counterpart organisation.'];
    if (!parseDate(date)) missing.date = ['Enter the day of the meeting.'];
    if (Object.keys(missing).length) return show({ fields: missing, general: [] });
    setBusy(true);
    clear();
    try {
      onChange(await missionsApi.recordMeeting({
        activityId: activity.id!, counterpart: { name: counterpart, country, kind: 'ORGANISATION_KIND_COMPANY' },
        date: parseDate(date), topic, result: (result || 'MEETING_RESULT_UNSPECIFIED') as MeetingResult, expectedVersion: activity.version,
      }));
      setCounterpart(''); setTopic('');
    } catch (error) {
      fail(error, { ruleFields: { 'meeting-within-activity-dates': 'date' } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="card" aria-labelledby="meeting-form-heading">
      <h3 id="meeting-form-heading">Record a meeting</h3>
      <ErrorSummary errors={errors} />
      <div className="grid-3">
        <TextField id="meeting-counterpart" label="Counterpart organisation" path="counterpart.name" errors={errors} required value={counterpart} onChange={setCounterpart} />
        <TextField id="meeting-country" label="Its country (ISO code)" path="counterpart.country" errors={errors} value={country}
          onChange={(v) => setCountry(v.toUpperCase())} maxLength={2} />
        <TextField id="meeting-date" label="Date" path="date" errors={errors} required type="date" value={date} onChange={setDate} />
        <TextField id="meeting-topic" label="Topic" path="topic" errors={errors} value={topic} onChange={setTopic} />
        <SelectField id="meeting-result" label="Result" path="result" errors={errors} value={result} onChange={setResult} options={meetingResults} />
      </div>
      <button type="submit" disabled={busy}>{busy ? 'Recording ...' : 'Record the meeting'}</button>
    </form>
  );
}

function OutcomeForm({ activity, onChange }: { activity: Activity; onChange: (a: Activity) => void }) {
  const [kind, setKind] = useState<AchievementKind | ''>('');
  const [date, setDate] = useState('');
  const [description, setDescription] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcomeId, setOutcomeId] = useState(() => newId('out-'));
  const { errors, formRef, fail, show, clear } = useFormErrors();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string[]> = {};
    if (!kind) missing.kind = ['Choose the kind of outcome.'];
    if (!parseDate(date)) missing.achieved_on = ['Enter the date it was achieved.'];
    if (!description.trim()) missing.description = ['Describe the outcome.'];
    if (Object.keys(missing).length) return show({ fields: missing, general: [] });
    setBusy(true);
    clear();
    try {
      onChange(await missionsApi.reportOutcome({
        activityId: activity.id!, outcomeId, kind: kind as AchievementKind, achievedOn: parseDate(date), description,
      }));
      setKind(''); setDate(''); setDescription('');
      setOutcomeId(newId('out-'));
    } catch (error) {
      fail(error, { ruleFields: { 'outcome-date': 'achieved_on' } });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate className="card" aria-labelledby="outcome-form-heading">
      <h3 id="outcome-form-heading">Report an outcome</h3>
      <p className="hint">Outcomes are recorded as achievements of the project.</p>
      <ErrorSummary errors={errors} />
      <div className="grid-2">
        <SelectField id="outcome-kind" label="Kind" path="kind" errors={errors} required value={kind} onChange={setKind} options={achievementKinds} placeholder="Choose ..." />
        <TextField id="outcome-date" label="Achieved on" path="achieved_on" errors={errors} required type="date" value={date} onChange={setDate} />
      </div>
      <TextAreaField id="outcome-description" label="Description" path="description" errors={errors} required value={description} onChange={setDescription} />
      <button type="submit" disabled={busy}>{busy ? 'Reporting ...' : 'Report the outcome'}</button>
    </form>
  );
}

/** The claim opened for a completed activity; it arrives by an event, so it is looked for a few times. */
function ActivityClaim({ activityId }: { activityId: string }) {
  const [claim, setClaim] = useState<Claim | undefined>();
  const [tries, setTries] = useState(0);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    let live = true;
    claimsApi.list({ activityId, page: { pageSize: 5 } }).then(
      (r) => {
        if (!live) return;
        if (r.claims?.length) setClaim(r.claims[0]);
        else if (tries < 20) window.setTimeout(() => live && setTries(tries + 1), 1000);
      },
      (e) => live && setError(e),
    );
    return () => { live = false; };
  }, [activityId, tries]);
  return (
    <section aria-labelledby="claim-heading" className="card">
      <h2 id="claim-heading">Cost claim</h2>
      {claim ? (
        <p>
          <a className="button" href={`#/claims/${claim.id}`}>Open the claim</a>{' '}
          {claimStatusLabels[claim.status ?? 'CLAIM_STATUS_UNSPECIFIED']}
        </p>
      ) : error ? <p>{describeError(error)}</p> : tries >= 20 ? <p>No claim has been opened for this activity yet.</p> : <p role="status">Waiting for the draft claim to open ...</p>}
    </section>
  );
}
