import { useState, type FormEvent } from 'react';
import { newId, parseDate } from '../api/common';
import { missionsApi, supportTools, type Place, type SupportTool } from '../api/missions';
import { projectsApi } from '../api/projects';
import { Loaded, useAsync } from '../components/async';
import { ErrorSummary, FieldMessages, SelectField, TextAreaField, TextField, useFormErrors, type FormErrors } from '../components/forms';
import { navigate } from '../router';

/** Rules of the Missions service that are about one field of this form. */
export const activityRuleFields: Record<string, string> = {
  'dates-in-order': 'end_date',
  'dates-within-supported-period': 'start_date',
  'project-active-in-fiscal-year': 'start_date',
};

export function ActivityNewPage({ projectId }: { projectId: string }) {
  const project = useAsync(() => projectsApi.get(projectId), [projectId]);
  return (
    <section>
      <p className="breadcrumb"><a href={`#/projects/${projectId}`}>{project.data?.title ?? 'Project'}</a></p>
      <h1>Log an activity</h1>
      <Loaded state={project} what="the project">
        {(p) => <PlanForm projectId={p.id!} defaultCountry={p.overseasRegions?.[0]?.country ?? ''} />}
      </Loaded>
    </section>
  );
}

function PlanForm({ projectId, defaultCountry }: { projectId: string; defaultCountry: string }) {
  const [tool, setTool] = useState<SupportTool | ''>('');
  const [title, setTitle] = useState('');
  const [purpose, setPurpose] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [places, setPlaces] = useState<Place[]>([{ name: '', country: defaultCountry }]);
  const [busy, setBusy] = useState(false);
  const [requestId] = useState(() => newId('plan-'));
  const { errors, formRef, fail, show } = useFormErrors();

  const setPlace = (i: number, change: Partial<Place>) => setPlaces(places.map((p, j) => (i === j ? { ...p, ...change } : p)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: FormErrors = { fields: {}, general: [] };
    if (!tool) missing.fields.support_tool = ['Choose the support tool the activity uses.'];
    if (!title.trim()) missing.fields.title = ['Give the activity a title.'];
    if (!parseDate(start)) missing.fields.start_date = ['Enter the first day.'];
    if (!parseDate(end)) missing.fields.end_date = ['Enter the last day.'];
    if (Object.keys(missing.fields).length) return show(missing);
    setBusy(true);
    try {
      const activity = await missionsApi.plan({
        requestId, projectId, supportTool: tool as SupportTool, title, purpose,
        startDate: parseDate(start), endDate: parseDate(end),
        places: places.filter((p) => p.name?.trim() || p.country?.trim()),
      });
      navigate(`/activities/${activity.id}`);
    } catch (error) {
      fail(error, { ruleFields: activityRuleFields });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="card">
      <ErrorSummary errors={errors} />
      <SelectField id="tool" label="Support tool" path="support_tool" errors={errors} required value={tool} onChange={setTool}
        options={supportTools} placeholder="Choose ..." hint="The direction (abroad or in Japan) follows from the tool." />
      <TextField id="title" label="Title" path="title" errors={errors} required value={title} onChange={setTitle} />
      <TextAreaField id="purpose" label="Purpose" path="purpose" errors={errors} value={purpose} onChange={setPurpose} />
      <div className="grid-2">
        <TextField id="start" label="First day" path="start_date" errors={errors} required type="date" value={start} onChange={setStart} />
        <TextField id="end" label="Last day" path="end_date" errors={errors} required type="date" value={end} onChange={setEnd} />
      </div>
      <fieldset>
        <legend>Places</legend>
        {places.map((place, i) => (
          <div className="grid-3 place-row" key={i}>
            <TextField id={`place-${i}-name`} label={`Place ${i + 1}`} path={`places[${i}].name`} errors={errors} value={place.name ?? ''}
              onChange={(v) => setPlace(i, { name: v })} />
            <TextField id={`place-${i}-country`} label="Country (ISO code)" path={`places[${i}].country`} errors={errors}
              value={place.country ?? ''} onChange={(v) => setPlace(i, { country: v.toUpperCase() })} maxLength={2} />
            {places.length > 1 && (
              <button type="button" className="secondary" onClick={() => setPlaces(places.filter((_, j) => j !== i))}>
                Remove place {i + 1}
              </button>
            )}
          </div>
        ))}
        <FieldMessages errors={errors} path="places" id="places-error" />
        <button type="button" className="secondary" onClick={() => setPlaces([...places, { name: '', country: '' }])}>Add a place</button>
      </fieldset>
      <button type="submit" disabled={busy}>{busy ? 'Saving ...' : 'Plan the activity'}</button>
    </form>
  );
}
