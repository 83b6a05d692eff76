import { enumWords } from '../api/common';
import { lifecycle, type ProjectStatus } from '../api/projects';

export function LifecycleBadge({ status }: { status?: ProjectStatus }) {
  return <span className={'badge status-' + (status ?? '').toLowerCase()}>{enumWords(status, 'PROJECT_STATUS_')}</span>;
}

/** The project's lifecycle as steps, the current one marked for sight and for screen readers. */
export function LifecycleSteps({ status }: { status?: ProjectStatus }) {
  if (status === 'PROJECT_STATUS_WITHDRAWN') return <p><LifecycleBadge status={status} /></p>;
  const current = lifecycle.findIndex((s) => s.status === status);
  return (
    <ol className="lifecycle" aria-label="Lifecycle">
      {lifecycle.map((step, i) => (
        <li key={step.status} className={i < current ? 'done' : i === current ? 'current' : ''} aria-current={i === current ? 'step' : undefined}>
          {step.label}
        </li>
      ))}
    </ol>
  );
}
