// The Connect protocol as the portal speaks it: unary calls as JSON over HTTP/1.1 to the gateway,
// on the portal's own origin, with the organisation's API key in x-api-key. Errors become an
// ApiError that carries the machine-readable details (google.rpc.BadRequest field violations and
// google.rpc.PreconditionFailure rule violations) so that forms put each problem next to its field.

export type Code =
  | 'canceled' | 'unknown' | 'invalid_argument' | 'deadline_exceeded' | 'not_found' | 'already_exists'
  | 'permission_denied' | 'resource_exhausted' | 'failed_precondition' | 'aborted' | 'out_of_range'
  | 'unimplemented' | 'internal' | 'unavailable' | 'data_loss' | 'unauthenticated';

export interface FieldViolation {
  /** The field as the service names it, normalised to snake_case: "lines[0].amount". */
  field: string;
  description: string;
}

export interface RuleViolation {
  type: string;
  /** The rule's name: "category-cap". */
  subject: string;
  description: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly fieldViolations: FieldViolation[] = [],
    readonly ruleViolations: RuleViolation[] = [],
    readonly httpStatus = 0,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface ErrorDetail {
  type?: string;
  value?: string;
  debug?: {
    fieldViolations?: { field?: string; description?: string }[];
    violations?: { type?: string; subject?: string; description?: string }[];
  };
}

// Connect's mapping of HTTP statuses to codes, for answers that carry no Connect error body
// (a proxy in between, a gateway that is restarting).
const codeOfHttpStatus: Record<number, Code> = {
  400: 'invalid_argument', 401: 'unauthenticated', 403: 'permission_denied', 404: 'unimplemented',
  408: 'deadline_exceeded', 409: 'aborted', 412: 'failed_precondition', 413: 'resource_exhausted',
  415: 'internal', 429: 'unavailable', 431: 'resource_exhausted', 502: 'unavailable',
  503: 'unavailable', 504: 'unavailable',
};

/** Field paths may come as proto names or JSON names: "lineItems[0].valueDate" -> "line_items[0].value_date". */
export function snakePath(path: string): string {
  return path.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

export function parseError(status: number, body: unknown): ApiError {
  const error = (body ?? {}) as { code?: string; message?: string; details?: ErrorDetail[] };
  const code = (error.code as Code | undefined) ?? codeOfHttpStatus[status] ?? 'unknown';
  const fields: FieldViolation[] = [];
  const rules: RuleViolation[] = [];
  for (const detail of error.details ?? []) {
    const type = detail.type ?? '';
    if (type.endsWith('google.rpc.BadRequest')) {
      for (const v of detail.debug?.fieldViolations ?? []) {
        fields.push({ field: snakePath(v.field ?? ''), description: v.description ?? '' });
      }
    } else if (type.endsWith('google.rpc.PreconditionFailure')) {
      for (const v of detail.debug?.violations ?? []) {
        rules.push({ type: v.type ?? '', subject: v.subject ?? '', description: v.description ?? '' });
      }
    }
  }
  const message = error.message ?? (status ? `HTTP ${status}` : 'the platform did not answer');
  return new ApiError(code, message, fields, rules, status);
}

/** Where a refused key is reported: the session signs out and says why. */
let onUnauthenticated: ((message: string) => void) | undefined;

export function setUnauthenticatedHandler(handler: (message: string) => void) {
  onUnauthenticated = handler;
}

export interface CallOptions {
  /** The API key; omitted for the respondent's calls, whose credential is the invitation token. */
  apiKey?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A unary Connect call: POST /<package>.<Service>/<Method> with the request as JSON. */
export async function unary<Req, Res>(method: string, request: Req, options: CallOptions = {}): Promise<Res> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'connect-protocol-version': '1',
    'connect-timeout-ms': String(options.timeoutMs ?? 30000),
  };
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  let response: Response;
  try {
    response = await fetch('/' + method, {
      method: 'POST',
      headers,
      body: JSON.stringify(request ?? {}),
      signal: options.signal,
      credentials: 'omit',
    });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError('unavailable', 'the platform cannot be reached: check your connection and try again');
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = parseError(response.status, body);
    if (error.code === 'unauthenticated' && options.apiKey && onUnauthenticated) onUnauthenticated(error.message);
    throw error;
  }
  return (body ?? {}) as Res;
}

/**
 * A server-streaming Connect call with JSON envelopes (application/connect+json): each message is
 * a flag byte, a 4-byte big-endian length and the JSON; the end-of-stream envelope (flag 0x02)
 * carries an error, if any. Used for the CSV exports that only stream.
 */
export async function serverStream<Req, Res>(method: string, request: Req, options: CallOptions = {}): Promise<Res[]> {
  const json = new TextEncoder().encode(JSON.stringify(request ?? {}));
  const envelope = new Uint8Array(5 + json.length);
  new DataView(envelope.buffer).setUint32(1, json.length);
  envelope.set(json, 5);
  const headers: Record<string, string> = {
    'content-type': 'application/connect+json',
    'connect-protocol-version': '1',
  };
  if (options.apiKey) headers['x-api-key'] = options.apiKey;
  const response = await fetch('/' + method, { method: 'POST', headers, body: envelope, signal: options.signal, credentials: 'omit' });
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (!response.ok) {
    let body: unknown;
    try { body = JSON.parse(new TextDecoder().decode(bytes)); } catch { body = undefined; }
    const error = parseError(response.status, body);
    if (error.code === 'unauthenticated' && options.apiKey && onUnauthenticated) onUnauthenticated(error.message);
    throw error;
  }
  const messages: Res[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset + 5 <= bytes.length) {
    const flags = bytes[offset];
    const length = view.getUint32(offset + 1);
    const payload = new TextDecoder().decode(bytes.subarray(offset + 5, offset + 5 + length));
    offset += 5 + length;
    const parsed = payload ? JSON.parse(payload) : {};
    if (flags & 0x02) {
      if (parsed.error) throw parseError(0, parsed.error);
    } else {
      messages.push(parsed as Res);
    }
  }
  return messages;
}
