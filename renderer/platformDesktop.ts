// The desktop app's platform, built from `window.desktop` (the preload's one object). Read once
// at start-up: the server, and the token main decrypted from the OS key store.
import {
  desktopDocumentCache,
  DESKTOP_CONTRACT_VERSION,
  type DesktopApi,
  type DesktopResult,
} from '../core/desktop.ts';
import { platform, type Platform } from './platform.ts';

declare global {
  interface Window {
    /** Set by the desktop app's preload; absent in a browser. */
    desktop?: DesktopApi;
  }
}

function valueOr<T>(result: DesktopResult<T>, fallback: T): T {
  return result.ok ? result.value : fallback;
}

export async function desktopPlatform(api: DesktopApi): Promise<Platform> {
  const [server, session] = await Promise.all([api.server.get(), api.session.load()]);
  const serverOrigin = valueOr(server, { origin: null }).origin;
  const saved = valueOr(session, { token: null, secureStorage: false });
  let token = saved.token;
  return {
    serverOrigin: '',
    socketOrigin: serverOrigin ?? '',
    getToken: () => token,
    setToken: (next, userId) => {
      token = next;
      void api.session.save(next, userId);
    },
    clearToken: (opts) => {
      token = null;
      // main forgets the token and wipes this account's packs, or keeps them when it expired
      void (opts?.keepPacks ? api.session.forget() : api.session.end());
    },
    documents: desktopDocumentCache(api.cache),
    desktop: { api, serverOrigin, secureStorage: saved.secureStorage },
  };
}

/** In the desktop app, swaps the browser platform for the desktop one; call before rendering. */
export async function initPlatform(): Promise<void> {
  const api = window.desktop;
  if (!api || api.contract !== DESKTOP_CONTRACT_VERSION) return;
  Object.assign(platform, await desktopPlatform(api));
}
