// Hash routes (they also work from file:// inside Electron): #/, #/meetings/:id,
// #/meetings/:id/documents/:documentId[/:page][?q=search], #/password, #/meetings/:id/build,
// #/new-meeting,
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
  | { name: 'build'; meetingId: string }
  | { name: 'newMeeting' }
  | { name: 'forms' }
  | { name: 'formNew' }
  | { name: 'form'; formId: string }
  | { name: 'formResults'; formId: string }
  | { name: 'formDocument'; formId: string; sha256: string; page: number | null }
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
  const build = /^#\/meetings\/([^/?#]+)\/build\/?$/.exec(hash);
  if (build?.[1]) return { name: 'build', meetingId: decodeURIComponent(build[1]) };
  if (/^#\/new-meeting\/?$/.test(hash)) return { name: 'newMeeting' };
  const form = parseFormRoute(hash);
  if (form) return form;
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

/** The secretary's builder of a meeting: details, participants, agenda and documents. */
export function buildHref(meetingId: string): string {
  return `${meetingHref(meetingId)}/build`;
}

export const NEW_MEETING_HREF = '#/new-meeting';
/** Opinion forms: #/forms, #/forms/new, #/forms/:id, #/forms/:id/results, and a document in the
 * viewer, #/forms/:id/documents/:sha256[/:page]. */
function parseFormRoute(hash: string): Route | null {
  if (/^#\/forms\/?$/.test(hash)) return { name: 'forms' };
  if (/^#\/forms\/new\/?$/.test(hash)) return { name: 'formNew' };
  const doc = /^#\/forms\/([^/?#]+)\/documents\/([a-f0-9]{64})(?:\/(\d{1,6}))?\/?$/.exec(hash);
  if (doc?.[1] && doc[2])
    return {
      name: 'formDocument',
      formId: decodeURIComponent(doc[1]),
      sha256: doc[2],
      page: doc[3] ? Number(doc[3]) || null : null,
    };
  const m = /^#\/forms\/([^/?#]+)(\/results)?\/?$/.exec(hash);
  if (!m?.[1]) return null;
  const formId = decodeURIComponent(m[1]);
  return m[2] ? { name: 'formResults', formId } : { name: 'form', formId };
}

export const FORMS_HREF = '#/forms';
export const NEW_FORM_HREF = '#/forms/new';
export const formHref = (formId: string) => `#/forms/${encodeURIComponent(formId)}`;
export const formResultsHref = (formId: string) => `${formHref(formId)}/results`;
export const formDocumentHref = (formId: string, sha256: string, page?: number | null) =>
  `${formHref(formId)}/documents/${sha256}${page ? `/${page}` : ''}`;

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
