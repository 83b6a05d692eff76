import { useMemo, useState, type ReactNode } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { claimsApi, claimStatusLabels, waitingStatuses, type Claim } from '../api/claims';
import { amountNumber, formatDate, formatMoney, sectorLabels } from '../api/common';
import { toolLabel } from '../api/missions';
import { projectsApi, type CountCell, type Statistics } from '../api/projects';
import { surveysApi } from '../api/surveys';
import { Loaded, useAsync, type AsyncState } from '../components/async';
import { ChartCanvas, palette } from '../components/chart';
import { describeError, download, toCsv } from '../components/forms';

const squash = (text: string) => text.replace(/[^a-z]/gi, '').toLowerCase();
const sectorByName = new Map(Object.entries(sectorLabels).map(([k, v]) => [squash(k.replace(/^SECTOR_/, '')), v]));

/** "REGIONAL_BUREAU_KANTO", "SECTOR_IT" or "MetalMechanical" -> "Kanto", "IT industry", "Metal and mechanical processing". */
export function pretty(label: string | undefined): string {
  if (!label) return '(none)';
  const sector = sectorByName.get(squash(label.replace(/^SECTOR_/, '')));
  if (sector) return sector;
  if (!/^[A-Z0-9_]+$/.test(label)) return label;
  const stripped = label.replace(/^(REGIONAL_BUREAU|SECTOR|WORLD_AREA|PROGRAMME|ACHIEVEMENT_TIMING|ACHIEVEMENT_KIND)_/, '');
  const words = stripped.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function Panel({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="card panel" aria-labelledby={id}>
      <div className="section-head">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

function PanelState<T>({ state, what, children }: { state: AsyncState<T>; what: string; children: (data: T) => ReactNode }) {
  return <Loaded state={state} what={what}>{children}</Loaded>;
}

export function DashboardPage() {
  const statistics = useAsync(() => projectsApi.statistics(), []);
  const years = useMemo(() => (statistics.data?.perFiscalYear ?? []).map((f) => f.fiscalYear ?? 0).filter(Boolean).sort(), [statistics.data]);
  const [chosenYear, setChosenYear] = useState<number | undefined>();
  const year = chosenYear ?? years[years.length - 1];
  return (
    <section>
      <h1>Programme dashboard</h1>
      <div className="dashboard">
        <PanelState state={statistics} what="programme statistics">
          {(s) => <ProjectStatistics statistics={s} />}
        </PanelState>
      </div>
      <div className="toolbar">
        <label htmlFor="dashboard-year">Fiscal year for spending, claims and contracts</label>
        <select id="dashboard-year" value={year ?? ''} onChange={(e) => setChosenYear(Number(e.target.value))}>
          {years.map((y) => <option key={y} value={y}>FY{y}</option>)}
        </select>
      </div>
      {year !== undefined && (
        <div className="dashboard">
          <Spending fiscalYear={year} />
          <WaitingClaims />
          <Contracts fiscalYear={year} />
          <ResponseRates />
        </div>
      )}
    </section>
  );
}

function pivot(cells: CountCell[]) {
  const rows = [...new Set(cells.map((c) => c.row ?? ''))].sort();
  const columns = [...new Set(cells.map((c) => c.column ?? ''))].sort();
  const value = (r: string, c: string) => cells.filter((x) => (x.row ?? '') === r && (x.column ?? '') === c).reduce((s, x) => s + (x.count ?? 0), 0);
  return { rows, columns, value };
}

function ProjectStatistics({ statistics }: { statistics: Statistics }) {
  const bySector = pivot(statistics.byBureauAndSector ?? []);
  const byCountry = [...(statistics.byCountry ?? [])].sort((a, b) => (b.count ?? 0) - (a.count ?? 0));
  const perYear = [...(statistics.perFiscalYear ?? [])].sort((a, b) => (a.fiscalYear ?? 0) - (b.fiscalYear ?? 0));

  const sectorChart = useMemo<ChartConfiguration>(() => ({
    type: 'bar',
    data: {
      labels: bySector.rows.map(pretty),
      datasets: bySector.columns.map((c, i) => ({
        label: pretty(c), data: bySector.rows.map((r) => bySector.value(r, c)), backgroundColor: palette[i % palette.length],
      })),
    },
    options: { scales: { x: { stacked: true }, y: { stacked: true, ticks: { precision: 0 }, title: { display: true, text: 'projects' } } } },
  }), [statistics]); // eslint-disable-line react-hooks/exhaustive-deps
  const countryChart = useMemo<ChartConfiguration>(() => ({
    type: 'bar',
    data: { labels: byCountry.map((c) => c.row ?? ''), datasets: [{ label: 'Projects', data: byCountry.map((c) => c.count ?? 0), backgroundColor: palette[0] }] },
    options: { indexAxis: 'y', plugins: { legend: { display: false } }, scales: { x: { ticks: { precision: 0 } } } },
  }), [statistics]); // eslint-disable-line react-hooks/exhaustive-deps
  const yearChart = useMemo<ChartConfiguration>(() => ({
    type: 'bar',
    data: {
      labels: perYear.map((f) => 'FY' + f.fiscalYear),
      datasets: [
        { label: 'Adopted', data: perYear.map((f) => f.adopted ?? 0), backgroundColor: palette[0] },
        { label: 'Continued', data: perYear.map((f) => f.continued ?? 0), backgroundColor: palette[1] },
        { label: 'Expanded', data: perYear.map((f) => f.expanded ?? 0), backgroundColor: palette[2] },
      ],
    },
    options: { scales: { y: { ticks: { precision: 0 } } } },
  }), [statistics]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <>
      <Panel id="by-bureau" title={`Projects by bureau and sector (${statistics.projectCount ?? 0} projects)`} actions={
        <button type="button" className="secondary small" onClick={() => download('projects-by-bureau-and-sector.csv',
          toCsv([['bureau', ...bySector.columns.map(pretty)], ...bySector.rows.map((r) => [pretty(r), ...bySector.columns.map((c) => bySector.value(r, c))])]))}>
          Download CSV
        </button>}>
        <ChartCanvas config={sectorChart} label="Stacked bar chart of projects per regional bureau, one colour per sector; the same numbers are in the table below." />
        <details>
          <summary>Table</summary>
          <div className="table-wrap">
            <table>
              <thead><tr><th scope="col">Bureau</th>{bySector.columns.map((c) => <th scope="col" key={c}>{pretty(c)}</th>)}</tr></thead>
              <tbody>
                {bySector.rows.map((r) => (
                  <tr key={r}><th scope="row">{pretty(r)}</th>{bySector.columns.map((c) => <td className="num" key={c}>{bySector.value(r, c) || ''}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </Panel>
      <Panel id="by-country" title="Projects by overseas country" actions={
        <button type="button" className="secondary small" onClick={() => download('projects-by-country.csv', toCsv([['country', 'projects'], ...byCountry.map((c) => [c.row ?? '', c.count ?? 0])]))}>
          Download CSV
        </button>}>
        <ChartCanvas config={countryChart} label={'Projects by country: ' + byCountry.map((c) => `${c.row} ${c.count}`).join(', ')} height={Math.max(200, byCountry.length * 22)} />
      </Panel>
      <Panel id="per-year" title="Adopted, continued and expanded per fiscal year" actions={
        <button type="button" className="secondary small" onClick={() => download('projects-per-fiscal-year.csv',
          toCsv([['fiscal_year', 'adopted', 'continued', 'expanded'], ...perYear.map((f) => [f.fiscalYear ?? 0, f.adopted ?? 0, f.continued ?? 0, f.expanded ?? 0])]))}>
          Download CSV
        </button>}>
        <ChartCanvas config={yearChart} label={'Per fiscal year: ' + perYear.map((f) => `FY${f.fiscalYear} adopted ${f.adopted ?? 0}, continued ${f.continued ?? 0}, expanded ${f.expanded ?? 0}`).join('; ')} />
      </Panel>
    </>
  );
}

function Spending({ fiscalYear }: { fiscalYear: number }) {
  const state = useAsync(() => claimsApi.programmeTotals(fiscalYear), [fiscalYear]);
  const [csvError, setCsvError] = useState('');
  const downloadCsv = async () => {
    setCsvError('');
    try {
      const csv = await claimsApi.exportSpendingCsv('', fiscalYear);
      download(csv.fileName || `spending-fy${fiscalYear}.csv`, csv.csv ?? '');
    } catch (e) {
      setCsvError(describeError(e));
    }
  };
  return (
    <Panel id="spending" title={`Spending against budget, FY${fiscalYear}`} actions={<button type="button" className="secondary small" onClick={downloadCsv}>Download CSV</button>}>
      {csvError && <p className="field-error" role="alert">{csvError}</p>}
      <PanelState state={state} what="spending">
        {(totals) => {
          const tools = totals.byTool ?? [];
          const config: ChartConfiguration = {
            type: 'bar',
            data: {
              labels: tools.map((t) => (t.coordinatorContracts ? 'Coordinator contracts' : toolLabel(t.supportTool))),
              datasets: [
                { label: 'Budget (programme share)', data: tools.map((t) => amountNumber(t.budgetProgrammeShare)), backgroundColor: '#999999' },
                { label: 'Claimed', data: tools.map((t) => amountNumber(t.claimedJpy)), backgroundColor: palette[1] },
                { label: 'Approved', data: tools.map((t) => amountNumber(t.approvedJpy)), backgroundColor: palette[0] },
              ],
            },
            options: { scales: { y: { title: { display: true, text: 'JPY' } } } },
          };
          return (
            <>
              <p data-testid="spending-summary">
                {totals.projectCount ?? 0} projects. Budget {formatMoney(totals.budgetProgrammeShare) || '0 JPY'}, claimed {formatMoney(totals.claimedJpy) || '0 JPY'},
                approved {formatMoney(totals.approvedJpy) || '0 JPY'}, paid {formatMoney(totals.paidJpy) || '0 JPY'}.
              </p>
              {tools.length > 0 && <ChartCanvas config={config} label={`Budget, claimed and approved amounts per support tool in FY${fiscalYear}; the table below has the numbers.`} />}
              <div className="table-wrap">
                <table>
                  <thead><tr><th scope="col">Support tool</th><th scope="col">Budget</th><th scope="col">Claimed</th><th scope="col">Approved</th><th scope="col">Remaining</th></tr></thead>
                  <tbody>
                    {tools.map((t, i) => (
                      <tr key={i} className={t.overBudget ? 'over-budget' : ''}>
                        <th scope="row">{t.coordinatorContracts ? 'Coordinator contracts' : toolLabel(t.supportTool)}</th>
                        <td className="num">{formatMoney(t.budgetProgrammeShare)}</td>
                        <td className="num">{formatMoney(t.claimedJpy)}</td>
                        <td className="num">{formatMoney(t.approvedJpy)}</td>
                        <td className="num">{formatMoney(t.remainingJpy)}{t.overBudget ? ' (over budget)' : ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          );
        }}
      </PanelState>
    </Panel>
  );
}

function WaitingClaims() {
  const state = useAsync(async () => {
    const lists = await Promise.all(waitingStatuses.map((status) => claimsApi.list({ status, page: { pageSize: 100 } })));
    return lists.flatMap((l) => l.claims ?? []) as Claim[];
  }, []);
  return (
    <Panel id="waiting" title="Claims waiting" actions={<a href="#/claims">All claims</a>}>
      <PanelState state={state} what="claims">
        {(claims) => claims.length === 0 ? <p>No claim is waiting for a decision.</p> : (
          <>
            <p data-testid="waiting-count">{claims.length} {claims.length === 1 ? 'claim waits' : 'claims wait'} for a decision.</p>
            <ul className="plain">
              {claims.slice(0, 8).map((c) => (
                <li key={c.id}>
                  <a href={`#/claims/${c.id}`}>{toolLabel(c.supportTool)}, {formatDate(c.activityStart)}</a>: {claimStatusLabels[c.status ?? 'CLAIM_STATUS_UNSPECIFIED']}, {formatMoney(c.claimedJpy)}
                </li>
              ))}
            </ul>
          </>
        )}
      </PanelState>
    </Panel>
  );
}

function Contracts({ fiscalYear }: { fiscalYear: number }) {
  const state = useAsync(() => claimsApi.reconcile(fiscalYear), [fiscalYear]);
  return (
    <Panel id="contracts" title={`Coordinator contracts to reconcile, FY${fiscalYear}`}>
      <PanelState state={state} what="contracts">
        {(r) => {
          const flagged = (r.contracts ?? []).filter((c) => (c.flags ?? []).length > 0);
          return (
            <>
              <p>{(r.contracts ?? []).length} contracts, {r.flaggedContracts ?? flagged.length} flagged. Contracted {formatMoney(r.contracted) || '0 JPY'}, approved {formatMoney(r.approved) || '0 JPY'}, remaining {formatMoney(r.remaining) || '0 JPY'}.</p>
              {flagged.length > 0 && (
                <ul className="plain">
                  {flagged.map((c) => (
                    <li key={c.contract?.id}>
                      <a href={`#/projects/${c.contract?.projectId}`}>{c.contract?.coordinator?.name} ({c.contract?.coordinator?.country})</a>:{' '}
                      {(c.flags ?? []).map((f) => f.message).join('; ')}
                    </li>
                  ))}
                </ul>
              )}
            </>
          );
        }}
      </PanelState>
    </Panel>
  );
}

function ResponseRates() {
  const state = useAsync(() => surveysApi.listRounds({ pageSize: 20 }), []);
  return (
    <Panel id="rates" title="Survey response rates" actions={<a href="#/surveys">Cross-tabs</a>}>
      <PanelState state={state} what="survey rounds">
        {(r) => {
          const rounds = r.rounds ?? [];
          if (rounds.length === 0) return <p>No survey round yet.</p>;
          const config: ChartConfiguration = {
            type: 'bar',
            data: {
              labels: rounds.map((x) => x.title?.en ?? x.id ?? ''),
              datasets: [{ label: 'Response rate (%)', data: rounds.map((x) => x.responseRate?.ratePercent ?? 0), backgroundColor: palette[2] }],
            },
            options: { indexAxis: 'y', scales: { x: { min: 0, max: 100 } }, plugins: { legend: { display: false } } },
          };
          return (
            <>
              <ChartCanvas config={config} label={'Response rates: ' + rounds.map((x) => `${x.title?.en}: ${x.responseRate?.line ?? ''}`).join('; ')} height={Math.max(160, rounds.length * 40)} />
              <ul className="plain">
                {rounds.map((x) => <li key={x.id}>{x.title?.en}: {x.responseRate?.line ?? `${x.responseRate?.valid ?? 0} of ${x.responseRate?.sent ?? 0}`}</li>)}
              </ul>
            </>
          );
        }}
      </PanelState>
    </Panel>
  );
}
