// Hash routes (they also work from file:// inside Electron): #/ and #/meetings/:id.
import { useSyncExternalStore } from 'react';

export type Route = { name: 'meetings' } | { name: 'meeting'; meetingId: string };

export function parseRoute(hash: string): Route {
  const match = /^#\/meetings\/([^/?#]+)/.exec(hash);
  if (match?.[1]) return { name: 'meeting', meetingId: decodeURIComponent(match[1]) };
  return { name: 'meetings' };
}

export function meetingHref(meetingId: string): string {
  return `#/meetings/${encodeURIComponent(meetingId)}`;
}

export const HOME_HREF = '#/';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
