// What differs between the browser and the desktop app, behind one small object.
// The browser keeps the session token in localStorage and meeting packs in Cache Storage (where
// the page is a secure context: https, or the server's own machine); the desktop app
// (window.desktop, see platformDesktop.ts) keeps the token in the OS key store and packs on disk.
import type { DocumentCache } from '../core/document-cache.ts';
import { createBrowserCache } from './cache/browserCache.ts';
import type { DesktopApi } from '../core/desktop.ts';

export interface DesktopInfo {
  api: DesktopApi;
  /** The server this device is set up for; null before the first-run screen. */
  serverOrigin: string | null;
  /** False when the device has no real key store: the token lasts until the app closes. */
  secureStorage: boolean;
}

export interface Platform {
  /**
   * Origin for HTTP requests ('' = the page's own origin). The browser app is served by the
   * server; the desktop app's own app:// origin forwards /api to the server.
   */
  serverOrigin: string;
  /** Origin of the Socket.IO server ('' = the page's own origin). */
  socketOrigin: string;
  getToken(): string | null;
  /** `userId` says whose meeting packs the device keeps (the desktop app). */
  setToken(token: string, userId: string): void;
  /**
   * The session is over (logout, or refused by the server): in the desktop app, a remote wipe of
   * the account's packs, unless `keepPacks` (the session expired: the same account comes back).
   */
  clearToken(opts?: { keepPacks?: boolean }): void;
  /** Meeting packs kept on this device, or null where none can be kept (plain http on a LAN). */
  documents: DocumentCache | null;
  /** Only in the desktop app. */
  desktop: DesktopInfo | null;
}

const TOKEN_KEY = 'ecab.token';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (privacy mode): the session lasts as long as the tab
  }
}

export function browserPlatform(): Platform {
  let memory: string | null = null;
  return {
    serverOrigin: '',
    socketOrigin: '',
    getToken: () => storage()?.getItem(TOKEN_KEY) ?? memory,
    setToken: (token) => {
      memory = token;
      storage()?.setItem(TOKEN_KEY, token);
    },
    clearToken: () => {
      memory = null;
      storage()?.removeItem(TOKEN_KEY);
    },
    documents: browserDocuments(),
    desktop: null,
  };
}

/** Packs of closed meetings are kept this long in a browser (the desktop app has its setting). */
export const BROWSER_RETENTION_MS = 30 * 24 * 3600 * 1000;

function browserDocuments(): DocumentCache | null {
  try {
    if (typeof window === 'undefined' || !window.isSecureContext || !('caches' in window))
      return null;
    return createBrowserCache({
      caches: window.caches,
      retentionMs: BROWSER_RETENTION_MS,
      now: () => Date.now(),
    });
  } catch {
    return null;
  }
}

/** The platform this renderer runs on: the browser's, until initPlatform() finds the desktop. */
export const platform: Platform = browserPlatform();
