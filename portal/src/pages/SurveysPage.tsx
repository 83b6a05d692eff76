import { useEffect, useMemo, useState } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { bandLabels, surveysApi, type Band, type CrossTab, type SurveyRound } from '../api/surveys';
import { Loaded, LoadError, Loading, useAsync } from '../components/async';
import { bandColours, bandShading, ChartCanvas, palette } from '../components/chart';
import { describeError, download } from '../components/forms';
import { pretty } from './DashboardPage';

const attributes: [string, string][] = [
  ['sector', 'Sector'],
  ['bureau', 'Regional bureau'],
  ['country', 'Country'],
  ['world_area', 'World area'],
  ['programme', 'Programme'],
  ['achievement_timing', 'First achievement'],
  ['respondent_role', 'Respondent role'],
  ['cluster', 'Cluster'],
  ['', 'Everyone together'],
];

export function SurveysPage() {
  const rounds = useAsync(() => surveysApi.listRounds({ pageSize: 100 }).then((r) => r.rounds ?? []), []);
  return (
    <section>
      <h1>Surveys</h1>
      <Loaded state={rounds} what="survey rounds">
        {(list) => list.length === 0 ? <p>No survey round yet.</p> : <CrossTabExplorer rounds={list} />}
      </Loaded>
    </section>
  );
}

function CrossTabExplorer({ rounds }: { rounds: SurveyRound[] }) {
  const [roundId, setRoundId] = useState(rounds[0].id ?? '');
  const round = rounds.find((r) => r.id === roundId) ?? rounds[0];
  const questionnaire = useAsync(() => surveysApi.questionnaire(round.questionnaireId ?? '', round.questionnaireVersion ?? 0), [round.id]);
  const questions = useMemo(
    () => (questionnaire.data?.questions ?? []).filter((q) => q.kind === 'QUESTION_KIND_SINGLE_CHOICE' || q.kind === 'QUESTION_KIND_MULTIPLE_CHOICE' || q.kind === 'QUESTION_KIND_SCALE'),
    [questionnaire.data],
  );
  const [questionId, setQuestionId] = useState('');
  const [attribute, setAttribute] = useState('sector');
  useEffect(() => setQuestionId(questions[0]?.id ?? ''), [questions]);
  const table = useAsync(
    () => (questionId ? surveysApi.crossTabulate([round.id!], questionId, attribute) : Promise.resolve(undefined)),
    [round.id, questionId, attribute],
  );
  const [exportError, setExportError] = useState('');
  const exportResponses = async () => {
    setExportError('');
    try {
      const file = await surveysApi.exportResponses([round.id!]);
      download(file.fileName, file.csv);
    } catch (e) {
      setExportError(describeError(e));
    }
  };

  return (
    <>
      <section className="card" aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">Rounds and response rates</h2>
        <div className="table-wrap">
          <table>
            <thead><tr><th scope="col">Round</th><th scope="col">Fiscal year</th><th scope="col">Status</th><th scope="col">Response rate</th></tr></thead>
            <tbody>
              {rounds.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.title?.en}</th>
                  <td>FY{r.fiscalYear}</td>
                  <td>{pretty(r.status?.replace('ROUND_STATUS_', ''))}</td>
                  <td>{r.responseRate?.line ?? `${r.responseRate?.valid ?? 0} of ${r.responseRate?.sent ?? 0}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="crosstab-heading">
        <h2 id="crosstab-heading">Cross-tab</h2>
        <form className="grid-3" onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor="ct-round">Round</label>
            <select id="ct-round" value={roundId} onChange={(e) => setRoundId(e.target.value)}>
              {rounds.map((r) => <option key={r.id} value={r.id}>{r.title?.en}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ct-question">Question</label>
            <select id="ct-question" value={questionId} onChange={(e) => setQuestionId(e.target.value)}>
              {questions.map((q) => <option key={q.id} value={q.id}>{q.id}: {q.text?.en}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ct-by">By</label>
            <select id="ct-by" value={attribute} onChange={(e) => setAttribute(e.target.value)}>
              {attributes.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
            </select>
          </div>
        </form>
        {questionnaire.error ? <LoadError error={questionnaire.error} retry={questionnaire.reload} /> : null}
        {table.error ? <LoadError error={table.error} retry={table.reload} /> : table.loading ? <Loading what="the cross-tab" /> : table.data && <CrossTabView table={table.data} />}
        <div className="actions">
          {table.data?.csv && (
            <button type="button" className="secondary" onClick={() => download(`crosstab-${table.data!.questionId}-by-${table.data!.byAttribute || 'all'}.csv`, table.data!.csv!)}>
              Download the cross-tab as CSV
            </button>
          )}
          <button type="button" className="secondary" onClick={exportResponses}>Download every response as CSV</button>
        </div>
        {exportError && <p className="field-error" role="alert">{exportError}</p>}
      </section>
    </>
  );
}

const bandClass: Record<Band, string> = {
  BAND_UNSPECIFIED: '',
  BAND_NONE: '',
  BAND_33_TO_50: 'band-33',
  BAND_50_TO_66: 'band-50',
  BAND_OVER_66: 'band-66',
};

function BandLegend() {
  return (
    <ul className="band-legend" aria-label="Shading of the shares">
      <li><span className="swatch band-33" aria-hidden="true" /> 33-50 %</li>
      <li><span className="swatch band-50" aria-hidden="true" /> 50-66 %</li>
      <li><span className="swatch band-66" aria-hidden="true" /> over 66 %</li>
    </ul>
  );
}

export function CrossTabView({ table }: { table: CrossTab }) {
  const columns = table.columns ?? [];
  const rows = table.rows ?? [];
  const chart = useMemo<ChartConfiguration>(() => ({
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label?.en ?? r.value ?? ''),
      datasets: columns.map((c, i) => ({
        label: `${c.label || c.value || 'All'} (n=${c.respondents ?? 0})`,
        data: rows.map((r) => r.cells?.[i]?.columnSharePercent ?? 0),
        backgroundColor: palette[i % palette.length],
      })),
    },
    options: {
      scales: { y: { min: 0, max: 100, title: { display: true, text: '% of the column\'s respondents' } } },
    },
    plugins: [bandShading],
  }) as ChartConfiguration, [table]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <div data-testid="crosstab">
      <h3>{table.questionText?.en}</h3>
      <p>{table.respondents ?? 0} respondents answered; {table.notAnswered ?? 0} were not asked or did not answer. Each cell shows the count and its share of the column's respondents, shaded by the programme's bands.</p>
      <BandLegend />
      <div className="table-wrap">
        <table className="crosstab">
          <thead>
            <tr>
              <th scope="col">Answer</th>
              {columns.map((c) => <th scope="col" key={c.value}>{c.label || c.value || 'All'}<div className="muted">n={c.respondents ?? 0}</div></th>)}
              <th scope="col">Total<div className="muted">n={table.respondents ?? 0}</div></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.value}>
                <th scope="row">{r.label?.en ?? r.value}</th>
                {(r.cells ?? []).map((cell, i) => (
                  <td key={i} className={'num ' + bandClass[cell.band ?? 'BAND_UNSPECIFIED']} data-band={cell.band}>
                    {cell.count ?? 0} <span className="share">({(cell.columnSharePercent ?? 0).toFixed(1)} %)</span>
                    {bandClass[cell.band ?? 'BAND_UNSPECIFIED'] && <span className="visually-hidden"> band {bandLabels[cell.band!]}</span>}
                  </td>
                ))}
                <td className={'num ' + bandClass[r.total?.band ?? 'BAND_UNSPECIFIED']}>
                  {r.total?.count ?? 0} <span className="share">({(r.total?.columnSharePercent ?? 0).toFixed(1)} %)</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ChartCanvas config={chart} label="Share of each column's respondents per answer, with the 33-50, 50-66 and over 66 percent bands shaded behind the bars; the table above has the numbers." height={320} />
    </div>
  );
}

export { bandColours };
