import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, snakePath } from '../api/connect';
import { claimsApi, claimStatusLabels, type CategoryRule, type Claim, type ClaimLine, type Violation } from '../api/claims';
import { formatDate, formatMoney, newId, parseDate } from '../api/common';
import { toolLabel } from '../api/missions';
import { Loaded, useAsync } from '../components/async';
import { describeError, ErrorSummary, focusFirstError, type FormErrors } from '../components/forms';
import { isCoordinator, mayLog, useSession } from '../session';

/** A line as typed in the form: every field a string, so that nothing typed is lost. */
interface LineDraft {
  id: string;
  category: string;
  description: string;
  amount: string;
  currency: string;
  valueDate: string;
  personKey: string;
  attachmentId: string;
  sha256: string;
}

function toDraft(line: ClaimLine): LineDraft {
  return {
    id: line.id ?? newId('line-'),
    category: line.category ?? '',
    description: line.description ?? '',
    amount: line.amount?.amount ?? '',
    currency: line.amount?.currency ?? 'JPY',
    valueDate: formatDate(line.valueDate),
    personKey: line.personKey ?? '',
    attachmentId: line.receipt?.attachmentId ?? '',
    sha256: line.receipt?.sha256 ?? '',
  };
}

function toLine(draft: LineDraft): ClaimLine {
  return {
    id: draft.id,
    category: draft.category.trim(),
    description: draft.description,
    amount: { amount: draft.amount.trim(), currency: draft.currency.trim().toUpperCase() },
    valueDate: parseDate(draft.valueDate),
    personKey: draft.personKey,
    receipt: draft.attachmentId || draft.sha256 ? { attachmentId: draft.attachmentId.trim(), sha256: draft.sha256.trim().toLowerCase() } : undefined,
  };
}

const editableStatuses = ['CLAIM_STATUS_DRAFT', 'CLAIM_STATUS_RETURNED'];

/** The input of a line a violation's field names: "lines[2].value_date" -> ("value_date", 2). */
const lineFieldInputs: Record<string, keyof LineDraft> = {
  category: 'category',
  description: 'description',
  amount: 'amount',
  'amount.amount': 'amount',
  'amount.currency': 'currency',
  currency: 'currency',
  value_date: 'valueDate',
  person_key: 'personKey',
  receipt: 'attachmentId',
  'receipt.attachment_id': 'attachmentId',
  'receipt.sha256': 'sha256',
};

interface PlacedViolations {
  /** "<line index>.<input>" -> messages */
  fields: Record<string, string[]>;
  /** line index -> messages about the line as a whole */
  lines: Record<number, string[]>;
  claim: string[];
}

function place(violations: { field?: string; lineId?: string; message: string }[], lines: LineDraft[]): PlacedViolations {
  const placed: PlacedViolations = { fields: {}, lines: {}, claim: [] };
  for (const v of violations) {
    const field = snakePath(v.field ?? '');
    const m = /^lines\[(\d+)\](?:\.(.+))?$/.exec(field);
    let index = m ? Number(m[1]) : -1;
    if (index < 0 && v.lineId) index = lines.findIndex((l) => l.id === v.lineId);
    const input = m?.[2] ? lineFieldInputs[m[2]] : undefined;
    if (index >= 0 && index < lines.length) {
      if (input) (placed.fields[`${index}.${input}`] ??= []).push(v.message);
      else (placed.lines[index] ??= []).push(v.message);
    } else {
      placed.claim.push(v.message);
    }
  }
  return placed;
}

export function ClaimPage({ claimId }: { claimId: string }) {
  const state = useAsync(() => claimsApi.get(claimId), [claimId]);
  return (
    <Loaded state={state} what="the claim">
      {(claim) => <ClaimView initial={claim} />}
    </Loaded>
  );
}

function ClaimView({ initial }: { initial: Claim }) {
  const { identity } = useSession();
  const [claim, setClaim] = useState(initial);
  const editable = editableStatuses.includes(claim.status ?? '') && mayLog(identity);
  const rulebook = useAsync(() => claimsApi.rulebook(initial.fiscalYear ?? 0).catch(() => undefined), [initial.fiscalYear]);
  const categories: CategoryRule[] = useMemo(
    () => rulebook.data?.tools?.find((t) => t.supportTool === claim.supportTool)?.categories ?? [],
    [rulebook.data, claim.supportTool],
  );
  return (
    <article>
      <p className="breadcrumb"><a href={`#/projects/${claim.projectId}`}>Project</a> / <a href={`#/activities/${claim.activityId}`}>Activity</a></p>
      <h1>Claim: {toolLabel(claim.supportTool)}, {formatDate(claim.activityStart)}</h1>
      <section className="card" aria-labelledby="claim-facts">
        <h2 id="claim-facts" className="visually-hidden">About the claim</h2>
        <dl className="facts">
          <dt>Status</dt><dd data-testid="claim-status">{claimStatusLabels[claim.status ?? 'CLAIM_STATUS_UNSPECIFIED']}</dd>
          {claim.statusReason && <><dt>Reason</dt><dd>{claim.statusReason}</dd></>}
          <dt>Activity</dt>
          <dd>FY{claim.fiscalYear}, {formatDate(claim.activityStart)} &ndash; {formatDate(claim.activityEnd)} ({claim.activityDays} days), {(claim.places ?? []).join('; ')}</dd>
          <dt>People</dt><dd>{(claim.fundedPeople ?? []).length} funded, {claim.privateExpensePersons ?? 0} at private expense (not claimable)</dd>
          <dt>Claimed</dt><dd data-testid="claim-total">{formatMoney(claim.claimedJpy) || '0 JPY'}{(claim.claimedByCurrency ?? []).length > 1 && <> ({(claim.claimedByCurrency ?? []).map(formatMoney).join(' + ')})</>}</dd>
          {claim.sanctionedJpy?.amount && <><dt>Sanctioned</dt><dd>{formatMoney(claim.sanctionedJpy)}</dd></>}
          <dt>Rulebook</dt><dd>FY{claim.fiscalYear}, version {claim.rulebookVersion ?? '-'}</dd>
        </dl>
      </section>
      {editable
        ? <ClaimEditor claim={claim} onChange={setClaim} categories={categories} />
        : <ClaimLines claim={claim} categories={categories} />}
      {isCoordinator(identity) && <ReviewActions claim={claim} onChange={setClaim} />}
    </article>
  );
}

function ClaimEditor({ claim, onChange, categories }: { claim: Claim; onChange: (c: Claim) => void; categories: CategoryRule[] }) {
  const [lines, setLines] = useState<LineDraft[]>(() => (claim.lines ?? []).map(toDraft));
  const [violations, setViolations] = useState<Violation[]>(claim.violations ?? []);
  const [saveState, setSaveState] = useState<'saved' | 'pending' | 'saving' | 'error'>('saved');
  const [savedAt, setSavedAt] = useState<string>('');
  const [problem, setProblem] = useState<FormErrors>({ fields: {}, general: [] });
  const [submitting, setSubmitting] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const version = useRef(claim.version);
  const latest = useRef(lines);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<number>();
  const requestId = useRef(newId('submit-'));
  latest.current = lines;

  // Saves run one at a time; a change made meanwhile is saved right after, from the newest lines.
  const save = useCallback(async (): Promise<void> => {
    if (inFlight.current) {
      await inFlight.current;
    }
    const run = (async () => {
      setSaveState('saving');
      try {
        const saved = await claimsApi.save(claim.id!, latest.current.map(toLine), version.current);
        version.current = saved.version;
        setViolations(saved.violations ?? []);
        setSavedAt(new Date().toLocaleTimeString());
        setSaveState('saved');
        setProblem(errorsOfRefusal(undefined));
        onChange(saved);
      } catch (error) {
        setSaveState('error');
        setProblem(errorsOfRefusal(error));
      }
    })();
    inFlight.current = run;
    await run;
    if (inFlight.current === run) inFlight.current = null;
  }, [claim.id, onChange]);

  const change = (next: LineDraft[]) => {
    setLines(next);
    setSaveState('pending');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void save(), 600);
  };
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const setLine = (i: number, patch: Partial<LineDraft>) => change(lines.map((l, j) => (i === j ? { ...l, ...patch } : l)));
  const addLine = () => {
    change([...lines, { id: newId('line-'), category: '', description: '', amount: '', currency: 'JPY', valueDate: formatDate(claim.activityEnd), personKey: '', attachmentId: '', sha256: '' }]);
    window.setTimeout(() => document.getElementById(`line-${lines.length}-category`)?.focus(), 0);
  };

  const submit = async () => {
    window.clearTimeout(timer.current);
    setSubmitting(true);
    try {
      await save();
      const submitted = await claimsApi.submit(claim.id!, requestId.current, version.current);
      version.current = submitted.version;
      onChange(submitted);
    } catch (error) {
      setProblem(errorsOfRefusal(error));
      // The refusal names rules; the claim's saved violations name their fields.
      try {
        const fresh = await claimsApi.get(claim.id!);
        version.current = fresh.version;
        setViolations(fresh.violations ?? []);
      } catch { /* the refusal is shown already */ }
      focusFirstError(root.current);
    } finally {
      setSubmitting(false);
    }
  };

  const placed = place(violations.map((v) => ({ field: v.field, lineId: v.lineId, message: v.message ?? v.rule ?? '' })), lines);
  const fieldMessages = (i: number, input: keyof LineDraft) => placed.fields[`${i}.${input}`] ?? [];
  const people = claim.fundedPeople ?? [];

  return (
    <div ref={root}>
      <section aria-labelledby="lines-heading">
        <div className="section-head">
          <h2 id="lines-heading">Costs</h2>
          <p className={'save-state ' + saveState} role="status" aria-live="polite" data-testid="save-state">
            {saveState === 'saving' ? 'Saving ...' : saveState === 'pending' ? 'Unsaved changes' : saveState === 'error' ? 'Not saved' : savedAt ? `All changes saved (${savedAt})` : 'Saved'}
          </p>
        </div>
        <ErrorSummary errors={problem} title="The platform refused this" />
        {lines.length === 0 && <p>No cost yet. Add the costs the programme pays for this activity.</p>}
        {lines.map((line, i) => {
          const category = categories.find((c) => c.category === line.category);
          const lineProblems = placed.lines[i] ?? [];
          return (
            <fieldset key={line.id} className={'claim-line' + (lineProblems.length || Object.keys(placed.fields).some((k) => k.startsWith(i + '.')) ? ' has-problems' : '')}>
              <legend>Line {i + 1}{category ? `: ${category.label}` : ''}</legend>
              {lineProblems.length > 0 && <ul className="line-problems">{lineProblems.map((m, k) => <li key={k}>{m}</li>)}</ul>}
              <div className="grid-4">
                <LineInput i={i} input="category" label="Category" messages={fieldMessages(i, 'category')}>
                  {(a) => categories.length > 0 ? (
                    <select {...a} value={line.category} onChange={(e) => setLine(i, { category: e.target.value })}>
                      <option value="">Choose ...</option>
                      {categories.map((c) => <option key={c.category} value={c.category}>{c.label ?? c.category}</option>)}
                      {line.category && !category && <option value={line.category}>{line.category}</option>}
                    </select>
                  ) : <input {...a} value={line.category} onChange={(e) => setLine(i, { category: e.target.value })} />}
                </LineInput>
                <LineInput i={i} input="description" label="Description" messages={fieldMessages(i, 'description')} wide>
                  {(a) => <input {...a} value={line.description} onChange={(e) => setLine(i, { description: e.target.value })} />}
                </LineInput>
                <LineInput i={i} input="amount" label="Amount as paid" messages={fieldMessages(i, 'amount')}>
                  {(a) => <input {...a} inputMode="decimal" value={line.amount} onChange={(e) => setLine(i, { amount: e.target.value })} />}
                </LineInput>
                <LineInput i={i} input="currency" label="Currency" messages={fieldMessages(i, 'currency')}>
                  {(a) => <input {...a} maxLength={3} value={line.currency} onChange={(e) => setLine(i, { currency: e.target.value.toUpperCase() })} />}
                </LineInput>
                <LineInput i={i} input="valueDate" label="Paid on" messages={fieldMessages(i, 'valueDate')}>
                  {(a) => <input {...a} type="date" value={line.valueDate} onChange={(e) => setLine(i, { valueDate: e.target.value })} />}
                </LineInput>
                <LineInput i={i} input="personKey" label={category?.requiresPerson ? 'For (funded person)' : 'For (funded person, if any)'} messages={fieldMessages(i, 'personKey')}>
                  {(a) => (
                    <select {...a} value={line.personKey} onChange={(e) => setLine(i, { personKey: e.target.value })}>
                      <option value="">The event as a whole</option>
                      {people.map((p) => <option key={p.key} value={p.key}>{p.name} ({p.organisationName})</option>)}
                      {line.personKey && !people.some((p) => p.key === line.personKey) && <option value={line.personKey}>{line.personKey}</option>}
                    </select>
                  )}
                </LineInput>
                <LineInput i={i} input="attachmentId" label="Receipt reference" messages={fieldMessages(i, 'attachmentId')}>
                  {(a) => <input {...a} value={line.attachmentId} onChange={(e) => setLine(i, { attachmentId: e.target.value })} placeholder="attachment id" />}
                </LineInput>
                <LineInput i={i} input="sha256" label="Receipt SHA-256" messages={fieldMessages(i, 'sha256')} wide>
                  {(a) => <input {...a} value={line.sha256} spellCheck={false} onChange={(e) => setLine(i, { sha256: e.target.value })} placeholder="64 hexadecimal characters" />}
                </LineInput>
              </div>
              <p className="line-jpy">
                {(claim.lines ?? []).find((l) => l.id === line.id)?.amountJpy?.amount
                  ? `= ${formatMoney((claim.lines ?? []).find((l) => l.id === line.id)?.amountJpy)}`
                  : ''}
              </p>
              <button type="button" className="secondary small" onClick={() => change(lines.filter((_, j) => j !== i))}>Remove line {i + 1}</button>
            </fieldset>
          );
        })}
        <button type="button" className="secondary" onClick={addLine}>Add a cost line</button>
      </section>

      <section aria-labelledby="violations-heading" className="card violations">
        <h2 id="violations-heading">Rule check</h2>
        <div aria-live="polite" data-testid="violations">
          {violations.length === 0
            ? <p className="success">No rule is broken: the claim can be submitted.</p>
            : (
              <>
                <p>{violations.length === 1 ? 'One problem' : `${violations.length} problems`} to fix before submitting:</p>
                <ul>
                  {violations.map((v, k) => <li key={k}><code>{v.rule}</code> {withoutRule(v)}</li>)}
                </ul>
              </>
            )}
        </div>
        {(claim.duplicates ?? []).length > 0 && (
          <>
            <h3>Possible double claims</h3>
            <ul>{(claim.duplicates ?? []).map((d, k) => <li key={k}>{d.message}</li>)}</ul>
          </>
        )}
      </section>

      <div className="actions">
        <button type="button" onClick={submit} disabled={submitting}>
          {submitting ? 'Submitting ...' : claim.status === 'CLAIM_STATUS_RETURNED' ? 'Resubmit the claim' : 'Submit the claim'}
        </button>
      </div>
    </div>
  );
}

/** A violation's message without the rule's name in front, which is shown beside it. */
function withoutRule(v: Violation): string {
  const message = v.message ?? '';
  return v.rule && message.startsWith(v.rule + ': ') ? message.slice(v.rule.length + 2) : message;
}

function errorsOfRefusal(error: unknown): FormErrors {
  if (error === undefined) return { fields: {}, general: [] };
  if (error instanceof ApiError && error.ruleViolations.length > 0) {
    return { fields: {}, general: error.ruleViolations.map((v) => (v.description.startsWith(v.subject) ? v.description : `${v.subject}: ${v.description}`)) };
  }
  if (error instanceof ApiError && error.fieldViolations.length > 0) {
    return { fields: {}, general: error.fieldViolations.map((v) => `${v.field}: ${v.description}`) };
  }
  return { fields: {}, general: [describeError(error)] };
}

function LineInput({ i, input, label, messages, wide, children }: {
  i: number; input: keyof LineDraft; label: string; messages: string[]; wide?: boolean;
  children: (a: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => React.ReactNode;
}) {
  const id = `line-${i}-${input}`;
  return (
    <div className={'field' + (messages.length ? ' field-invalid' : '') + (wide ? ' wide' : '')}>
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': messages.length > 0, 'aria-describedby': messages.length ? id + '-error' : undefined })}
      {messages.length > 0 && <p className="field-error" id={id + '-error'}>{messages.join(' ')}</p>}
    </div>
  );
}

function ClaimLines({ claim, categories }: { claim: Claim; categories: CategoryRule[] }) {
  const lines = claim.lines ?? [];
  return (
    <section aria-labelledby="lines-heading">
      <h2 id="lines-heading">Costs</h2>
      {lines.length === 0 ? <p>No cost line.</p> : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr><th scope="col">Category</th><th scope="col">Description</th><th scope="col">For</th><th scope="col">Paid on</th><th scope="col">Amount</th><th scope="col">In JPY</th><th scope="col">Sanctioned</th><th scope="col">Receipt</th></tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{categories.find((c) => c.category === l.category)?.label ?? l.category}</th>
                  <td>{l.description}</td>
                  <td>{(claim.fundedPeople ?? []).find((p) => p.key === l.personKey)?.name ?? ''}</td>
                  <td>{formatDate(l.valueDate)}</td>
                  <td className="num">{formatMoney(l.amount)}</td>
                  <td className="num">{formatMoney(l.amountJpy)}</td>
                  <td className="num">{formatMoney(l.sanctionedJpy)}{l.sanctionReason ? ` (${l.sanctionReason})` : ''}</td>
                  <td>{l.receipt?.attachmentId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(claim.violations ?? []).length > 0 && (
        <div className="card">
          <h3>Rule check</h3>
          <ul>{(claim.violations ?? []).map((v, k) => <li key={k}><code>{v.rule}</code> {withoutRule(v)}</li>)}</ul>
        </div>
      )}
      {(claim.duplicates ?? []).length > 0 && (
        <div className="card">
          <h3>Possible double claims</h3>
          <ul>{(claim.duplicates ?? []).map((d, k) => <li key={k}>{d.message}</li>)}</ul>
        </div>
      )}
    </section>
  );
}

function ReviewActions({ claim, onChange }: { claim: Claim; onChange: (c: Claim) => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>({ fields: {}, general: [] });
  const act = async (call: () => Promise<Claim>) => {
    setBusy(true);
    setErrors({ fields: {}, general: [] });
    try {
      onChange(await call());
      setNote('');
    } catch (error) {
      setErrors(errorsOfRefusal(error));
    } finally {
      setBusy(false);
    }
  };
  const id = claim.id!;
  const status = claim.status;
  if (status !== 'CLAIM_STATUS_SUBMITTED' && status !== 'CLAIM_STATUS_RESUBMITTED' && status !== 'CLAIM_STATUS_UNDER_REVIEW') return null;
  return (
    <section className="card" aria-labelledby="review-heading">
      <h2 id="review-heading">Review</h2>
      <ErrorSummary errors={errors} />
      {status !== 'CLAIM_STATUS_UNDER_REVIEW' ? (
        <button type="button" disabled={busy} onClick={() => act(() => claimsApi.startReview(id, claim.version))}>Start the review</button>
      ) : (
        <>
          <div className="field">
            <label htmlFor="review-note">Note or reason</label>
            <p className="hint" id="review-note-hint">A reason is needed to return or reject the claim.</p>
            <textarea id="review-note" aria-describedby="review-note-hint" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="actions">
            <button type="button" disabled={busy} onClick={() => act(() => claimsApi.approve(id, [], note, claim.version))}>Approve in full</button>
            <button type="button" className="secondary" disabled={busy || !note.trim()} onClick={() => act(() => claimsApi.returnClaim(id, note, claim.version))}>Return for revision</button>
            <button type="button" className="danger" disabled={busy || !note.trim()} onClick={() => act(() => claimsApi.reject(id, note, claim.version))}>Reject</button>
          </div>
        </>
      )}
    </section>
  );
}
