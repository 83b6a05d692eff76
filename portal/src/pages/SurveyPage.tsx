// The respondent's page, opened from the invitation link: no sign-in, the token is the credential.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, snakePath } from '../api/connect';
import { formatDate } from '../api/common';
import { respondentApi, type Answer, type InvitationView, type Question, type SubmissionReceipt } from '../api/surveys';
import { focusFirstError } from '../components/forms';
import { LanguageSwitch, useI18n } from '../i18n';

type Answers = Record<string, Answer>;

function isAnswered(a: Answer | undefined): boolean {
  if (!a) return false;
  return (a.optionIds?.length ?? 0) > 0 || a.scaleValue !== undefined || a.numberValue !== undefined || (a.text ?? '').trim() !== '';
}

/** A question is asked when it has no condition, or the earlier answer it depends on holds one of its options. */
export function isAsked(q: Question, answers: Answers, questions: Question[]): boolean {
  const condition = q.condition;
  if (!condition?.questionId) return true;
  const earlier = questions.find((x) => x.id === condition.questionId);
  if (earlier && !isAsked(earlier, answers, questions)) return false;
  const chosen = answers[condition.questionId]?.optionIds ?? [];
  return chosen.some((o) => (condition.anyOfOptionIds ?? []).includes(o));
}

export function SurveyPage({ token }: { token: string }) {
  const { t, lang } = useI18n();
  const [view, setView] = useState<InvitationView | undefined>();
  const [loadError, setLoadError] = useState<unknown>();
  useEffect(() => {
    document.title = t('app.name');
    respondentApi.getInvitation(token).then(setView, setLoadError);
  }, [token]); // eslint-disable-line react-hooks/exhaustive-deps

  let body;
  if (loadError) {
    const notFound = loadError instanceof ApiError && (loadError.code === 'not_found' || loadError.code === 'invalid_argument');
    body = <div className="error-summary" role="alert"><p className="error-summary-title">{notFound ? t('survey.notFound') : t('survey.unavailable')}</p></div>;
  } else if (!view) {
    body = <p role="status">{t('survey.loading')}</p>;
  } else {
    body = <Questionnaire token={token} view={view} />;
  }
  return (
    <div className="respondent" lang={lang}>
      <header className="site-header">
        <div className="brand">{t('app.name')}</div>
        <div className="session"><LanguageSwitch /></div>
      </header>
      <main id="main" tabIndex={-1}>{body}</main>
    </div>
  );
}

function Questionnaire({ token, view }: { token: string; view: InvitationView }) {
  const { t, text } = useI18n();
  const questions = view.questionnaire?.questions ?? [];
  const saved = view.response?.answers ?? [];
  const [answers, setAnswers] = useState<Answers>(() => Object.fromEntries(saved.map((a) => [a.questionId, a])));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState<'' | 'save' | 'submit'>('');
  const [savedAt, setSavedAt] = useState('');
  const [receipt, setReceipt] = useState<SubmissionReceipt | undefined>();
  const form = useRef<HTMLFormElement>(null);
  const resumed = saved.length > 0 && view.response?.status === 'INVITATION_STATUS_IN_PROGRESS';

  if (receipt) {
    return (
      <section className="narrow" aria-labelledby="thanks">
        <h1 id="thanks" tabIndex={-1} ref={(h) => h?.focus()}>{t('survey.thanks')}</h1>
        <p data-testid="receipt">
          {t('survey.receipt', {
            count: receipt.answerCount ?? 0,
            time: receipt.submittedAt ? new Date(receipt.submittedAt).toLocaleString() : '',
            digest: (receipt.answersDigest ?? '').slice(0, 12),
          })}
        </p>
      </section>
    );
  }
  if (view.response?.status === 'INVITATION_STATUS_SUBMITTED') {
    return <section className="narrow"><h1>{text(view.roundTitle)}</h1><p role="status">{t('survey.alreadySubmitted')}</p></section>;
  }
  if (view.roundStatus === 'ROUND_STATUS_CLOSED') {
    return <section className="narrow"><h1>{text(view.roundTitle)}</h1><p role="status">{t('survey.closed')}</p></section>;
  }

  const asked = questions.filter((q) => isAsked(q, answers, questions));
  const answeredCount = asked.filter((q) => isAnswered(answers[q.id!])).length;

  const setAnswer = (answer: Answer) => {
    setAnswers({ ...answers, [answer.questionId]: answer });
    if (errors[answer.questionId]) {
      const rest = { ...errors };
      delete rest[answer.questionId];
      setErrors(rest);
    }
  };

  /** What is sent: the answers of the questions asked, and clearing answers to questions no longer asked. */
  const outgoing = (): Answer[] =>
    questions.flatMap((q) => {
      const a = answers[q.id!];
      if (isAsked(q, answers, questions)) return isAnswered(a) ? [a] : saved.some((s) => s.questionId === q.id) ? [{ questionId: q.id! }] : [];
      return a || saved.some((s) => s.questionId === q.id) ? [{ questionId: q.id! }] : [];
    });

  const refusal = (error: unknown, sent: Answer[]) => {
    const byQuestion: Record<string, string[]> = {};
    const rest: string[] = [];
    const questionOf = (field: string, description: string): string | undefined => {
      const m = /^answers\[(\d+)\]/.exec(field);
      if (m) return sent[Number(m[1])]?.questionId;
      const named = questions.find((q) => q.id && (field === q.id || field.includes(`[${q.id}]`) || field.includes(`"${q.id}"`) || field.endsWith('.' + q.id)));
      if (named) return named.id;
      return questions.find((q) => q.id && new RegExp(`(^|[^a-z0-9_-])${q.id}([^a-z0-9_-]|$)`).test(description))?.id;
    };
    if (error instanceof ApiError && (error.fieldViolations.length || error.ruleViolations.length)) {
      for (const v of error.fieldViolations) {
        const q = questionOf(snakePath(v.field), v.description);
        if (q) (byQuestion[q] ??= []).push(v.description);
        else rest.push(v.description);
      }
      for (const v of error.ruleViolations) {
        const q = questionOf('', v.description);
        if (q) (byQuestion[q] ??= []).push(v.description);
        else rest.push(v.description);
      }
    } else if (error instanceof ApiError && error.code === 'unavailable') {
      rest.push(t('survey.unavailable'));
    } else {
      rest.push(error instanceof Error ? error.message : String(error));
    }
    setErrors(byQuestion);
    setGeneral(rest);
    focusFirstError(form.current);
  };

  const save = async () => {
    setBusy('save');
    setGeneral([]);
    const sent = outgoing();
    try {
      const response = await respondentApi.save(token, sent);
      setSavedAt(response.savedAt ? new Date(response.savedAt).toLocaleTimeString() : new Date().toLocaleTimeString());
      setErrors({});
    } catch (error) {
      refusal(error, sent);
    } finally {
      setBusy('');
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: Record<string, string[]> = {};
    for (const q of asked) if (q.required && !isAnswered(answers[q.id!])) missing[q.id!] = [t('survey.missing')];
    if (Object.keys(missing).length) {
      setErrors(missing);
      setGeneral([]);
      focusFirstError(form.current);
      return;
    }
    setBusy('submit');
    const sent = outgoing();
    try {
      setReceipt(await respondentApi.submit(token, sent));
    } catch (error) {
      refusal(error, sent);
    } finally {
      setBusy('');
    }
  };

  let lastSection = '';
  const errorCount = Object.keys(errors).length;
  return (
    <form ref={form} onSubmit={submit} noValidate className="questionnaire">
      <h1>{text(view.roundTitle) || text(view.questionnaire?.title)}</h1>
      {view.respondent?.name && <p>{t('survey.for', { name: view.respondent.name + (view.respondent.organisationName ? `, ${view.respondent.organisationName}` : '') })}</p>}
      {text(view.questionnaire?.description) && <p>{text(view.questionnaire?.description)}</p>}
      {view.respondBy?.year ? <p>{t('survey.respondBy', { date: formatDate(view.respondBy) })}</p> : null}
      {resumed && <p className="notice" role="status">{t('survey.resumed')}</p>}
      <p className="hint">{t('survey.requiredLegend')}</p>
      {(errorCount > 0 || general.length > 0) && (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p className="error-summary-title">{t('survey.errorsTitle')}</p>
          <ul>
            {general.map((g, i) => <li key={i}>{g}</li>)}
            {Object.keys(errors).map((id) => {
              const q = questions.find((x) => x.id === id);
              return <li key={id}><button type="button" className="link-button" onClick={() => document.getElementById(`q-${id}-0`)?.focus()}>{text(q?.text)}</button></li>;
            })}
          </ul>
        </div>
      )}
      {asked.map((q) => {
        const section = text(q.section);
        const heading = section && section !== lastSection ? <h2 key={'s-' + q.id}>{section}</h2> : null;
        lastSection = section || lastSection;
        return (
          <div key={q.id}>
            {heading}
            <QuestionInput question={q} answer={answers[q.id!]} errors={errors[q.id!] ?? []} onChange={setAnswer} />
          </div>
        );
      })}
      <p role="status" className="progress">{t('survey.progress', { answered: answeredCount, asked: asked.length })}</p>
      {savedAt && <p role="status" className="success" data-testid="saved">{t('survey.saved', { time: savedAt })}</p>}
      <div className="actions">
        <button type="button" className="secondary" onClick={save} disabled={busy !== ''}>{busy === 'save' ? t('survey.saving') : t('survey.save')}</button>
        <button type="submit" disabled={busy !== ''}>{busy === 'submit' ? t('survey.submitting') : t('survey.submit')}</button>
      </div>
    </form>
  );
}

function QuestionInput({ question: q, answer, errors, onChange }: { question: Question; answer?: Answer; errors: string[]; onChange: (a: Answer) => void }) {
  const { t, text } = useI18n();
  const id = `q-${q.id}`;
  const invalid = errors.length > 0;
  const describedBy = [id + '-hint', invalid ? id + '-error' : ''].filter(Boolean).join(' ');
  const required = q.required ? <span className="required"> *<span className="visually-hidden"> ({t('survey.required')})</span></span> : null;
  const errorText = invalid ? <p className="field-error" id={id + '-error'}>{errors.join(' ')}</p> : null;
  const questionId = q.id!;

  if (q.kind === 'QUESTION_KIND_SINGLE_CHOICE' || q.kind === 'QUESTION_KIND_MULTIPLE_CHOICE') {
    const multiple = q.kind === 'QUESTION_KIND_MULTIPLE_CHOICE';
    const chosen = answer?.optionIds ?? [];
    const toggle = (optionId: string, exclusive: boolean, checked: boolean) => {
      if (!multiple) return onChange({ questionId, optionIds: [optionId] });
      let next = checked ? [...chosen, optionId] : chosen.filter((o) => o !== optionId);
      if (checked && exclusive) next = [optionId];
      else if (checked) next = next.filter((o) => !(q.options ?? []).find((x) => x.id === o)?.exclusive);
      onChange({ questionId, optionIds: next });
    };
    return (
      <fieldset className={'question' + (invalid ? ' field-invalid' : '')} aria-describedby={describedBy}>
        <legend>{text(q.text)}{required}</legend>
        <p className="hint" id={id + '-hint'}>
          {multiple ? t('survey.chooseAll') : t('survey.chooseOne')}
          {multiple && (q.maxSelections ?? 0) > 0 ? ' ' + t('survey.maxSelections', { n: q.maxSelections! }) : ''}
        </p>
        {errorText}
        {(q.options ?? []).map((o, i) => (
          <div className="choice" key={o.id}>
            <input id={`${id}-${i}`} type={multiple ? 'checkbox' : 'radio'} name={id} value={o.id} checked={chosen.includes(o.id!)}
              aria-invalid={invalid} onChange={(e) => toggle(o.id!, !!o.exclusive, e.target.checked)} />
            <label htmlFor={`${id}-${i}`}>{text(o.label)}</label>
          </div>
        ))}
      </fieldset>
    );
  }
  if (q.kind === 'QUESTION_KIND_SCALE') {
    const min = q.scale?.min ?? 1;
    const max = q.scale?.max ?? 5;
    const values = Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
    return (
      <fieldset className={'question scale' + (invalid ? ' field-invalid' : '')} aria-describedby={describedBy}>
        <legend>{text(q.text)}{required}</legend>
        <p className="hint" id={id + '-hint'}>{t('survey.scaleFrom', { min, max, minLabel: text(q.scale?.minLabel), maxLabel: text(q.scale?.maxLabel) })}</p>
        {errorText}
        <div className="scale-options">
          {values.map((v, i) => (
            <div className="choice" key={v}>
              <input id={`${id}-${i}`} type="radio" name={id} value={v} checked={answer?.scaleValue === v} aria-invalid={invalid}
                onChange={() => onChange({ questionId, scaleValue: v })} />
              <label htmlFor={`${id}-${i}`}>{v}</label>
            </div>
          ))}
        </div>
      </fieldset>
    );
  }
  if (q.kind === 'QUESTION_KIND_NUMBER') {
    return (
      <div className={'question field' + (invalid ? ' field-invalid' : '')}>
        <label htmlFor={`${id}-0`}>{text(q.text)}{required}</label>
        <p className="hint" id={id + '-hint'}>{q.number?.unit ? t('survey.unit', { unit: q.number.unit }) : t('survey.number')}</p>
        {errorText}
        <input id={`${id}-0`} type="number" inputMode="decimal" step="any" min={q.number?.min} max={q.number?.max} aria-invalid={invalid} aria-describedby={describedBy}
          value={answer?.numberValue ?? ''} onChange={(e) => onChange(e.target.value === '' ? { questionId } : { questionId, numberValue: Number(e.target.value) })} />
      </div>
    );
  }
  return (
    <div className={'question field' + (invalid ? ' field-invalid' : '')}>
      <label htmlFor={`${id}-0`}>{text(q.text)}{required}</label>
      <p className="hint" id={id + '-hint'}>{t('survey.textLimit')}</p>
      {errorText}
      <textarea id={`${id}-0`} rows={4} maxLength={4000} aria-invalid={invalid} aria-describedby={describedBy}
        value={answer?.text ?? ''} onChange={(e) => onChange({ questionId, text: e.target.value })} />
    </div>
  );
}
