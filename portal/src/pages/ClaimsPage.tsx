import { claimsApi, claimStatusLabels, waitingStatuses, type Claim } from '../api/claims';
import { formatDate, formatMoney } from '../api/common';
import { toolLabel } from '../api/missions';
import { projectsApi } from '../api/projects';
import { Loaded, useAsync } from '../components/async';
import { isCoordinator, useSession } from '../session';

async function allClaims(): Promise<Claim[]> {
  const all: Claim[] = [];
  let pageToken = '';
  do {
    const page = await claimsApi.list({ page: { pageSize: 500, pageToken } });
    all.push(...(page.claims ?? []));
    pageToken = page.nextPageToken ?? '';
  } while (pageToken);
  return all;
}

export function ClaimsPage() {
  const { identity } = useSession();
  const coordinator = isCoordinator(identity);
  const state = useAsync(async () => {
    const [claims, projects] = await Promise.all([allClaims(), projectsApi.listAll()]);
    const titles = new Map(projects.map((p) => [p.id, p.title]));
    return { claims, titles };
  }, []);
  return (
    <section>
      <h1>{coordinator ? 'Claims waiting for a decision' : 'Claims'}</h1>
      <Loaded state={state} what="claims">
        {({ claims, titles }) => {
          const waiting = claims.filter((c) => waitingStatuses.includes(c.status ?? 'CLAIM_STATUS_UNSPECIFIED'));
          const toFix = claims.filter((c) => c.status === 'CLAIM_STATUS_DRAFT' || c.status === 'CLAIM_STATUS_RETURNED');
          const rest = claims.filter((c) => !waiting.includes(c) && !toFix.includes(c));
          return coordinator ? (
            <>
              <ClaimTable claims={waiting} titles={titles} caption="Submitted, resubmitted and under review" empty="No claim is waiting." />
              <h2>Other claims</h2>
              <ClaimTable claims={rest.concat(toFix)} titles={titles} caption="Drafts, returned and decided claims" empty="None." />
            </>
          ) : (
            <>
              <h2>To complete or fix</h2>
              <ClaimTable claims={toFix} titles={titles} caption="Drafts and returned claims" empty="Nothing to do." />
              <h2>Submitted and decided</h2>
              <ClaimTable claims={waiting.concat(rest)} titles={titles} caption="Submitted and decided claims" empty="None yet." />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function ClaimTable({ claims, titles, caption, empty }: { claims: Claim[]; titles: Map<string | undefined, string | undefined>; caption: string; empty: string }) {
  if (claims.length === 0) return <p>{empty}</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr><th scope="col">Claim</th><th scope="col">Project</th><th scope="col">FY</th><th scope="col">Status</th><th scope="col">Claimed</th><th scope="col">Flags</th></tr>
        </thead>
        <tbody>
          {claims.map((c) => (
            <tr key={c.id}>
              <th scope="row"><a href={`#/claims/${c.id}`}>{toolLabel(c.supportTool)}, {formatDate(c.activityStart)}</a></th>
              <td>{titles.get(c.projectId) ?? c.projectId}</td>
              <td>FY{c.fiscalYear}</td>
              <td>{claimStatusLabels[c.status ?? 'CLAIM_STATUS_UNSPECIFIED']}</td>
              <td className="num">{formatMoney(c.claimedJpy)}</td>
              <td>{(c.violations ?? []).length > 0 ? `${c.violations!.length} rule problems` : ''}{(c.duplicates ?? []).length > 0 ? ` ${c.duplicates!.length} possible duplicates` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
