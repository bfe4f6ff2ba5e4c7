// Hash routes (they also work from file:// inside Electron): #/, #/meetings/:id,
// #/meetings/:id/documents/:documentId[/:page][?q=search], #/password,
// and #/projector/:meetingId/:token (the room's big screen, no login).
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'meetings' }
  | { name: 'meeting'; meetingId: string }
  | {
      name: 'document';
      meetingId: string;
      documentId: string;
      page: number | null;
      /** A search to start in the viewer (a hit of the meeting's search was opened). */
      query?: string;
    }
  | { name: 'password' }
  | { name: 'projector'; meetingId: string; token: string };

export function parseRoute(hash: string): Route {
  const projector = /^#\/projector\/([^/?#]+)\/([^/?#]+)\/?$/.exec(hash);
  if (projector?.[1] && projector[2]) {
    return {
      name: 'projector',
      meetingId: decodeURIComponent(projector[1]),
      token: decodeURIComponent(projector[2]),
    };
  }
  const doc =
    /^#\/meetings\/([^/?#]+)\/documents\/([^/?#]+)(?:\/(\d{1,6}))?\/?(?:\?q=([^&#]*))?$/.exec(hash);
  if (doc?.[1] && doc[2]) {
    const query = doc[4] ? safeDecode(doc[4]) : '';
    return {
      name: 'document',
      meetingId: decodeURIComponent(doc[1]),
      documentId: decodeURIComponent(doc[2]),
      page: doc[3] ? Number(doc[3]) || null : null,
      ...(query ? { query } : {}),
    };
  }
  const match = /^#\/meetings\/([^/?#]+)/.exec(hash);
  if (match?.[1]) return { name: 'meeting', meetingId: decodeURIComponent(match[1]) };
  if (/^#\/password\/?$/.test(hash)) return { name: 'password' };
  return { name: 'meetings' };
}

export function meetingHref(meetingId: string): string {
  return `#/meetings/${encodeURIComponent(meetingId)}`;
}

/** A document in the viewer, optionally at a page (1-based) and with a search started. */
export function documentHref(
  meetingId: string,
  documentId: string,
  page?: number | null,
  query?: string,
): string {
  const base = `${meetingHref(meetingId)}/documents/${encodeURIComponent(documentId)}`;
  const at = page ? `${base}/${page}` : base;
  return query ? `${at}?q=${encodeURIComponent(query)}` : at;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}

export const HOME_HREF = '#/';
export const PASSWORD_HREF = '#/password';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
