// exchange.gateway.v1.Session, served by the gateway itself (protos/exchange/gateway/v1/gateway.proto).
import type { Timestamp } from './common';
import { rpc } from './session';

export type GatewayRole =
  | 'ROLE_UNSPECIFIED' | 'ROLE_IMPLEMENTATION_BODY' | 'ROLE_OVERSEAS_PARTNER' | 'ROLE_COORDINATOR' | 'ROLE_ADMIN';

/** Who the key of a call speaks for, as the gateway resolved it for that call. */
export interface CallerIdentity {
  keyId?: string;
  keyName?: string;
  organisationId?: string;
  organisationName?: string;
  role?: GatewayRole;
  expiresAt?: Timestamp;
  /** Set only when the call came with a secret a rotation replaced: when it stops working. */
  previousSecretValidUntil?: Timestamp;
}

const service = 'exchange.gateway.v1.Session/';

export const sessionApi = {
  /** Answered to every valid key, whatever its role; a refused key is UNAUTHENTICATED. */
  getCaller: () => rpc<Record<string, never>, CallerIdentity>(service + 'GetCaller', {}),
};
