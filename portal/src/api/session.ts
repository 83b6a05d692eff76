// The signed-in organisation's API key, kept for the browser tab only (sessionStorage): closing
// the tab signs out, and the key never goes to any other origin than the gateway's.
import { unary, serverStream, setUnauthenticatedHandler } from './connect';

const storageKey = 'exchange.apiKey';
const noticeKey = 'exchange.signInNotice';

export function currentKey(): string | undefined {
  return sessionStorage.getItem(storageKey) ?? undefined;
}

export function storeKey(key: string) {
  sessionStorage.setItem(storageKey, key);
}

export function forgetKey(notice?: string) {
  sessionStorage.removeItem(storageKey);
  if (notice) sessionStorage.setItem(noticeKey, notice);
}

/** A message for the sign-in page (why the session ended), read once. */
export function takeSignInNotice(): string | undefined {
  const notice = sessionStorage.getItem(noticeKey) ?? undefined;
  sessionStorage.removeItem(noticeKey);
  return notice;
}

const listeners = new Set<() => void>();

export function onSessionEnded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

setUnauthenticatedHandler((message) => {
  forgetKey(`Your session ended: the platform no longer accepts this key (${message}). Sign in again with a valid key.`);
  listeners.forEach((l) => l());
});

/** A unary call as the signed-in organisation. */
export function rpc<Req, Res>(method: string, request: Req, signal?: AbortSignal): Promise<Res> {
  return unary<Req, Res>(method, request, { apiKey: currentKey(), signal });
}

export function rpcStream<Req, Res>(method: string, request: Req): Promise<Res[]> {
  return serverStream<Req, Res>(method, request, { apiKey: currentKey() });
}
