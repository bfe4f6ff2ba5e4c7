// The signed-in session as main keeps it: the token (through the token store) and whose packs
// are on the device. Ending a session is also the remote wipe of that account's packs.
import type { SessionInfo } from '../../core/desktop.ts';
import type { DocumentCache } from '../../core/document-cache.ts';
import type { StoredSession, TokenStore } from './token-store.ts';

export interface SessionService {
  load(): Promise<SessionInfo>;
  save(session: StoredSession): Promise<SessionInfo>;
  /** Logout, or the server refused the session (account disabled, logged out): remote wipe. */
  end(): Promise<void>;
  /** The session expired or was revoked: forget the token, keep the packs and whose they are. */
  forget(): Promise<void>;
  current(): StoredSession | null;
}

export function createSessionService(deps: {
  tokens: TokenStore;
  cache: DocumentCache;
}): SessionService {
  const { tokens, cache } = deps;
  return {
    async load() {
      const saved = await tokens.load();
      return { token: saved?.token ?? null, secureStorage: await tokens.secure() };
    },
    async save(session) {
      // someone else signs in on this device: the previous account's packs go first
      const previous = await tokens.lastAccount();
      if (previous && previous !== session.account) await cache.wipeAccount(previous);
      await tokens.save(session);
      return { token: session.token, secureStorage: await tokens.secure() };
    },
    async end() {
      const account = await tokens.lastAccount();
      await tokens.clear();
      if (account) await cache.wipeAccount(account);
    },
    async forget() {
      await tokens.forget();
    },
    current: () => tokens.current(),
  };
}
