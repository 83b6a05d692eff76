// Hash routing (#/projects/...), so that the gateway serves one index.html for every page. An
// invitation link may also come as a path, /survey/<token>: it is moved into the hash at start.
import { useEffect, useState } from 'react';

export function normaliseInitialLocation() {
  const path = window.location.pathname;
  if (path.startsWith('/survey/') && !window.location.hash) {
    window.history.replaceState(null, '', '/#' + path + window.location.search);
  }
}

export function currentPath(): string {
  const hash = window.location.hash.replace(/^#/, '');
  return hash.startsWith('/') ? hash : '/' + hash;
}

export function navigate(path: string) {
  if (currentPath() !== path) window.location.hash = path;
}

export function useRoute(): string {
  const [path, setPath] = useState(currentPath());
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return path;
}

/** Matches "/projects/:id" against "/projects/abc": { id: "abc" }, or undefined. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/');
  const a = path.split('?')[0].split('/');
  if (p.length !== a.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) params[p[i].slice(1)] = decodeURIComponent(a[i]);
    else if (p[i] !== a[i]) return undefined;
  }
  return params;
}
