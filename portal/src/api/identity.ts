// Who the signed-in key speaks for. The gateway's API has no "who am I" call, so the portal learns
// it from what the key may do: coordinators (and admins) may read the programme's summary; every
// other organisation sees its own projects, where it is either the domestic implementation body
// or an overseas partner.
import { ApiError } from './connect';
import { fiscalYearOf } from './common';
import { missionsApi } from './missions';
import { projectsApi, type Project } from './projects';

export type Role = 'coordinator' | 'implementation-body' | 'overseas-partner' | 'unknown';

export interface Identity {
  role: Role;
  organisationId?: string;
  organisationName?: string;
}

export const roleLabels: Record<Role, string> = {
  coordinator: 'Programme coordinator',
  'implementation-body': 'Implementation body',
  'overseas-partner': 'Overseas partner',
  unknown: 'Organisation without projects',
};

function common<T>(lists: T[][]): T[] {
  if (lists.length === 0) return [];
  return lists.reduce((acc, list) => acc.filter((x) => list.includes(x)));
}

export function inferFromProjects(projects: Project[]): Identity {
  if (projects.length === 0) return { role: 'unknown' };
  const domestic = common(projects.map((p) => [p.domesticBody?.id ?? '']));
  if (domestic.length === 1 && domestic[0]) {
    return { role: 'implementation-body', organisationId: domestic[0], organisationName: projects[0].domesticBody?.name };
  }
  const overseas = common(projects.map((p) => (p.overseasBodies ?? []).map((b) => b.id ?? '')));
  if (overseas.length >= 1 && overseas[0]) {
    const body = projects[0].overseasBodies?.find((b) => b.id === overseas[0]);
    return { role: 'overseas-partner', organisationId: overseas[0], organisationName: body?.name };
  }
  return { role: 'unknown' };
}

/** Signs in with the current key: throws the ApiError of a refused key. */
export async function discoverIdentity(): Promise<{ identity: Identity; projects: Project[] }> {
  const projects = await projectsApi.listAll();
  try {
    await missionsApi.programmeSummary(fiscalYearOf(new Date()));
    return { identity: { role: 'coordinator', organisationName: 'Programme office' }, projects };
  } catch (e) {
    if (!(e instanceof ApiError) || e.code === 'unauthenticated') throw e;
  }
  return { identity: inferFromProjects(projects), projects };
}
