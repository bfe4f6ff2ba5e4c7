// What each desktop IPC channel does, given the services main wires together. The wrapper in
// ipc.ts has already checked the sender and parsed the payload when these run.
import { DESKTOP_CHANNELS as C, type ServerCheck } from '../../core/desktop.ts';
import { DAY_MS, type DocumentCache } from '../../core/document-cache.ts';
import type { Config } from './config.ts';
import { HandlerError, type Handlers } from './ipc.ts';
import type { OfflineLock } from './offline-lock.ts';
import type { SessionService } from './session.ts';

export interface HandlerServices {
  config: { get(): Config; setServer(origin: string): Promise<void> };
  checkServer: (address: string) => Promise<ServerCheck>;
  session: SessionService;
  cache: DocumentCache;
  lock: OfflineLock;
}

export function createHandlers(s: HandlerServices): Handlers {
  const unlocked = (): void => {
    if (s.lock.isLocked())
      throw new HandlerError(
        'LOCKED',
        `This device has not reached the server for more than ${s.config.get().offlineLockDays} days; its documents are locked until it does.`,
      );
  };
  return {
    [C.serverGet]: () => ({ origin: s.config.get().serverOrigin }),
    [C.serverCheck]: ({ address }) => s.checkServer(address),
    [C.serverSet]: async ({ address }) => {
      const check = await s.checkServer(address); // never trust an earlier check by the renderer
      if (!check.ok) return check;
      if (check.origin !== s.config.get().serverOrigin) {
        // another secretariat: nothing of the old one stays on the device
        await s.session.end();
        await s.cache.wipe();
        await s.config.setServer(check.origin);
      }
      return check;
    },
    [C.sessionLoad]: () => s.session.load(),
    [C.sessionSave]: (session) => s.session.save(session),
    [C.sessionEnd]: () => s.session.end(),
    [C.sessionForget]: () => s.session.forget(),
    [C.cacheGet]: ({ sha256 }) => (unlocked(), s.cache.get(sha256)),
    [C.cacheHas]: ({ sha256 }) => (unlocked(), s.cache.has(sha256)),
    [C.cachePut]: ({ sha256, bytes, pack }) => (unlocked(), s.cache.put(sha256, bytes, pack)),
    [C.cacheClaim]: ({ sha256, pack }) => (unlocked(), s.cache.claim(sha256, pack)),
    [C.cacheDelete]: ({ sha256 }) => s.cache.delete(sha256),
    [C.cacheList]: () => (unlocked(), s.cache.list()),
    [C.cacheUsage]: () => s.cache.usage(),
    [C.cacheNotePack]: ({ pack, closed }) => s.cache.notePack(pack, closed),
    [C.cacheEvict]: () => s.cache.evict(),
    [C.cacheWipeAccount]: ({ account }) => s.cache.wipeAccount(account),
    [C.cacheWipe]: () => s.cache.wipe(),
    [C.cacheStatus]: async () => {
      const config = s.config.get();
      return {
        locked: s.lock.isLocked(),
        lastContactAt: s.lock.lastContactAt(),
        lockAfterDays: Math.round(s.lock.lockAfterMs / DAY_MS),
        retentionDays: config.retentionDays,
        usage: await s.cache.usage(),
      };
    },
  };
}
