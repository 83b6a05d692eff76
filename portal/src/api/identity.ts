// Who the signed-in key speaks for, as the gateway answers it (exchange.gateway.v1.Session/GetCaller):
// the organisation and the role every call of the key is authorized as.
import { sessionApi, type CallerIdentity, type GatewayRole } from './gateway';

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

// Admins may do everything coordinators may: the portal shows them the coordinator's pages.
const roles: Record<GatewayRole, Role> = {
  ROLE_IMPLEMENTATION_BODY: 'implementation-body',
  ROLE_OVERSEAS_PARTNER: 'overseas-partner',
  ROLE_COORDINATOR: 'coordinator',
  ROLE_ADMIN: 'coordinator',
  ROLE_UNSPECIFIED: 'unknown',
};

export function identityOf(caller: CallerIdentity): Identity {
  const organisationId = caller.organisationId || undefined;
  return {
    role: roles[caller.role ?? 'ROLE_UNSPECIFIED'] ?? 'unknown',
    organisationId,
    organisationName: caller.organisationName || organisationId,
  };
}

/** Signs in with the current key: throws the ApiError of a refused key. */
export async function discoverIdentity(): Promise<Identity> {
  return identityOf(await sessionApi.getCaller());
}
