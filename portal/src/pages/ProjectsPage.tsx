import { useMemo, useState } from 'react';
import { enumWords, sectorLabels } from '../api/common';
import { projectsApi, stageOf, type Project } from '../api/projects';
import { Loaded, useAsync } from '../components/async';
import { isCoordinator, useSession } from '../session';
import { LifecycleBadge } from './LifecycleSteps';

export function ProjectsPage() {
  const { identity } = useSession();
  const state = useAsync(() => projectsApi.listAll(), []);
  const [filter, setFilter] = useState('');
  const coordinator = isCoordinator(identity);
  return (
    <section>
      <h1>{coordinator ? 'Projects of the programme' : 'My projects'}</h1>
      <Loaded state={state} what="projects">
        {(projects) => <ProjectTable projects={projects} filter={filter} setFilter={setFilter} />}
      </Loaded>
    </section>
  );
}

function ProjectTable({ projects, filter, setFilter }: { projects: Project[]; filter: string; setFilter: (v: string) => void }) {
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const sorted = [...projects].sort((a, b) => (a.title ?? '').localeCompare(b.title ?? ''));
    return f ? sorted.filter((p) => JSON.stringify([p.title, p.theme, p.domesticRegion, p.overseasRegions]).toLowerCase().includes(f)) : sorted;
  }, [projects, filter]);
  if (projects.length === 0) return <p>Your organisation takes part in no project yet.</p>;
  return (
    <>
      <div className="toolbar">
        <label htmlFor="project-filter">Find a project</label>
        <input id="project-filter" type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Title, region, theme" />
        <span role="status">{shown.length} of {projects.length} projects</span>
      </div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Projects with their lifecycle stage</caption>
          <thead>
            <tr>
              <th scope="col">Project</th>
              <th scope="col">Regions</th>
              <th scope="col">Sector</th>
              <th scope="col">Supported</th>
              <th scope="col">Lifecycle</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.id}>
                <th scope="row"><a href={`#/projects/${p.id}`}>{p.title}</a></th>
                <td>
                  {p.domesticRegion?.name} &ndash; {(p.overseasRegions ?? []).map((r) => `${r.name} (${r.country})`).join(', ')}
                  <div className="muted">{enumWords(p.domesticRegion?.bureau, 'REGIONAL_BUREAU_')} bureau</div>
                </td>
                <td>{sectorLabels[p.sector ?? 'SECTOR_UNSPECIFIED']}<div className="muted">{p.theme}</div></td>
                <td>{(p.supportedFiscalYears ?? []).map((y) => 'FY' + y).join(', ')}</td>
                <td><LifecycleBadge status={p.status} /><div className="muted">{stageOf(p.status)}</div></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
