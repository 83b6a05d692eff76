// Who the signed-in key speaks for. The gateway's API has no "who am I" call, so the portal learns
// it from what the key may do: coordinators (and admins) may read the programme's summary, and the
// refusal others get names their organisation and role; failing that, the one organisation that
// takes part in every project the key sees.
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
  unknown: 'Organisation',
};

function common<T>(lists: T[][]): T[] {
  if (lists.length === 0) return [];
  return lists.reduce((acc, list) => acc.filter((x) => list.includes(x)));
}

function nameOf(organisationId: string, projects: Project[]): string | undefined {
  for (const p of projects) {
    if (p.domesticBody?.id === organisationId) return p.domesticBody.name;
    const body = p.overseasBodies?.find((b) => b.id === organisationId);
    if (body) return body.name;
  }
  return undefined;
}

/**
 * The organisation that takes part in every project the key sees, when only one can: with one
 * project, its domestic body and its overseas partners are all candidates, and nothing is assumed.
 */
export function inferFromProjects(projects: Project[]): Identity {
  const domestic = common(projects.map((p) => [p.domesticBody?.id ?? ''])).filter(Boolean);
  const overseas = common(projects.map((p) => (p.overseasBodies ?? []).map((b) => b.id ?? ''))).filter(Boolean);
  if (domestic.length === 1 && overseas.length === 0) {
    return { role: 'implementation-body', organisationId: domestic[0], organisationName: nameOf(domestic[0], projects) };
  }
  if (overseas.length === 1 && domestic.length === 0) {
    return { role: 'overseas-partner', organisationId: overseas[0], organisationName: nameOf(overseas[0], projects) };
  }
  return { role: 'unknown' };
}

const roleNames: Record<string, Role> = {
  'implementation-body': 'implementation-body',
  'overseas-partner': 'overseas-partner',
  coordinator: 'coordinator',
  admin: 'coordinator',
};

/** The Missions service names the caller when it refuses the programme summary: "organisation 'jena-city' calls as overseas-partner". */
export function identityFromRefusal(message: string, projects: Project[]): Identity | undefined {
  const named = /organisation '([^']+)' calls as ([a-z-]+)/.exec(message);
  const role = named && roleNames[named[2]];
  if (!named || !role) return undefined;
  return { role, organisationId: named[1], organisationName: nameOf(named[1], projects) ?? named[1] };
}

/** Signs in with the current key: throws the ApiError of a refused key. */
export async function discoverIdentity(): Promise<{ identity: Identity; projects: Project[] }> {
  const projects = await projectsApi.listAll();
  try {
    await missionsApi.programmeSummary(fiscalYearOf(new Date()));
    return { identity: { role: 'coordinator', organisationName: 'Programme office' }, projects };
  } catch (e) {
    if (!(e instanceof ApiError) || e.code === 'unauthenticated') throw e;
    const named = identityFromRefusal(e.message, projects);
    if (named) return { identity: named, projects };
  }
  return { identity: inferFromProjects(projects), projects };
}
