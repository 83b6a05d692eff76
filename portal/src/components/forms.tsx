// Accessible form parts: every input has a label; a problem the API names is shown under the field
// it names (aria-invalid + aria-describedby), the rest in a summary at the top; after a refusal
// the focus moves to the first field in error, else to the summary.
import { useCallback, useRef, useState, type ReactNode, type RefObject } from 'react';
import { ApiError } from '../api/connect';

export interface FormErrors {
  /** By field path (snake_case, as the API names them): "person.name", "lines[0].amount". */
  fields: Record<string, string[]>;
  /** Problems that name no field of this form: broken rules, unavailable services. */
  general: string[];
}

const none: FormErrors = { fields: {}, general: [] };

/** What a form knows about the API's names: field prefixes to drop, rules that belong to a field. */
export interface ErrorMapping {
  /** Request fields are named from the request root; a form for `person` drops "person.". */
  stripPrefix?: string;
  /** A rule's name -> the field path it is about ("dates-in-order" -> "end_date"). */
  ruleFields?: Record<string, string>;
  /** Paths the form shows; any other path goes to the summary with its name. */
  known?: (path: string) => boolean;
}

export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.code) {
      case 'unavailable': return `The platform is not available right now (${error.message}). Try again in a moment.`;
      case 'not_found': return `Not found: ${error.message}. It does not exist or your organisation may not see it.`;
      case 'permission_denied': return `Not allowed: ${error.message}`;
      case 'aborted': return `Someone changed this meanwhile (${error.message}). Reload the page and try again.`;
      case 'deadline_exceeded': return 'The platform took too long to answer. Try again.';
      default: return error.message;
    }
  }
  return (error as Error)?.message ?? String(error);
}

export function errorsFrom(error: unknown, mapping: ErrorMapping = {}): FormErrors {
  const result: FormErrors = { fields: {}, general: [] };
  const add = (path: string, message: string) => {
    (result.fields[path] ??= []).push(message);
  };
  if (error instanceof ApiError && (error.fieldViolations.length > 0 || error.ruleViolations.length > 0)) {
    for (const v of error.fieldViolations) {
      let path = v.field;
      if (mapping.stripPrefix && path.startsWith(mapping.stripPrefix)) path = path.slice(mapping.stripPrefix.length);
      if (path && (!mapping.known || mapping.known(path))) add(path, v.description);
      else result.general.push(path ? `${path}: ${v.description}` : v.description);
    }
    for (const v of error.ruleViolations) {
      const path = mapping.ruleFields?.[v.subject];
      const text = v.description.startsWith(v.subject) ? v.description : `${v.subject}: ${v.description}`;
      if (path) add(path, text);
      else result.general.push(text);
    }
  } else {
    result.general.push(describeError(error));
  }
  return result;
}

/** Moves the focus to the first field in error within `root`, else to its error summary. */
export function focusFirstError(root: HTMLElement | null) {
  if (!root) return;
  window.setTimeout(() => {
    const invalid = root.querySelector<HTMLElement>('[aria-invalid="true"]');
    const summary = root.querySelector<HTMLElement>('.error-summary');
    (invalid ?? summary)?.focus();
  }, 0);
}

export function useFormErrors(): {
  errors: FormErrors;
  formRef: RefObject<HTMLFormElement>;
  fail: (error: unknown, mapping?: ErrorMapping) => void;
  show: (errors: FormErrors) => void;
  clear: () => void;
} {
  const [errors, setErrors] = useState<FormErrors>(none);
  const formRef = useRef<HTMLFormElement>(null);
  const show = useCallback((next: FormErrors) => {
    setErrors(next);
    focusFirstError(formRef.current);
  }, []);
  const fail = useCallback((error: unknown, mapping?: ErrorMapping) => show(errorsFrom(error, mapping)), [show]);
  const clear = useCallback(() => setErrors(none), []);
  return { errors, formRef, fail, show, clear };
}

export function ErrorSummary({ errors, title = 'The platform refused this' }: { errors: FormErrors; title?: string }) {
  const fieldCount = Object.keys(errors.fields).length;
  if (errors.general.length === 0 && fieldCount === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1}>
      <p className="error-summary-title">{title}</p>
      <ul>
        {errors.general.map((m, i) => <li key={'g' + i}>{m}</li>)}
        {fieldCount > 0 && <li>{fieldCount === 1 ? 'One field needs' : `${fieldCount} fields need`} attention: see the messages next to them.</li>}
      </ul>
    </div>
  );
}

/** The id of the element holding a field's messages. */
function errorId(id: string) {
  return id + '-error';
}

interface FieldProps {
  id: string;
  label: string;
  /** The API's path of the field, to find its messages. */
  path?: string;
  errors?: FormErrors;
  hint?: string;
  required?: boolean;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string; required?: boolean }) => ReactNode;
  className?: string;
}

export function Field({ id, label, path, errors, hint, required, children, className }: FieldProps) {
  const messages = path && errors ? errors.fields[path] ?? [] : [];
  const described = [hint ? id + '-hint' : '', messages.length ? errorId(id) : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={'field' + (messages.length ? ' field-invalid' : '') + (className ? ' ' + className : '')}>
      <label htmlFor={id}>
        {label}
        {required && <span className="required" aria-hidden="true"> *</span>}
      </label>
      {hint && <p className="hint" id={id + '-hint'}>{hint}</p>}
      {children({ id, 'aria-invalid': messages.length > 0, 'aria-describedby': described, required })}
      {messages.length > 0 && (
        <p className="field-error" id={errorId(id)}>
          {messages.join(' ')}
        </p>
      )}
    </div>
  );
}

export function TextField(props: Omit<FieldProps, 'children'> & {
  value: string;
  onChange: (value: string) => void;
  type?: string;
  placeholder?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
  autoComplete?: string;
  maxLength?: number;
}) {
  const { value, onChange, type = 'text', placeholder, inputMode, autoComplete, maxLength, ...field } = props;
  return (
    <Field {...field}>
      {(a) => (
        <input {...a} type={type} value={value} placeholder={placeholder} inputMode={inputMode} autoComplete={autoComplete}
          maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
      )}
    </Field>
  );
}

export function TextAreaField(props: Omit<FieldProps, 'children'> & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { value, onChange, rows = 3, ...field } = props;
  return (
    <Field {...field}>
      {(a) => <textarea {...a} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

export function SelectField<T extends string>(props: Omit<FieldProps, 'children'> & {
  value: T | '';
  onChange: (value: T) => void;
  options: [T, string][];
  placeholder?: string;
}) {
  const { value, onChange, options, placeholder, ...field } = props;
  return (
    <Field {...field}>
      {(a) => (
        <select {...a} value={value} onChange={(e) => onChange(e.target.value as T)}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
        </select>
      )}
    </Field>
  );
}

export function FieldMessages({ errors, path, id }: { errors: FormErrors; path: string; id: string }) {
  const messages = errors.fields[path] ?? [];
  if (messages.length === 0) return null;
  return <p className="field-error" id={id}>{messages.join(' ')}</p>;
}

/** Offers text as a file download (CSV exports). */
export function download(fileName: string, text: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** RFC 4180 CSV from rows of cells. */
export function toCsv(rows: (string | number)[][]): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
