// Builds the object the preload exposes as `window.desktop` from one `invoke` function. Pure, so
// it is tested in Node; the preload only hands it ipcRenderer.invoke, never ipcRenderer itself.
import {
  DESKTOP_CHANNELS as C,
  DESKTOP_CONTRACT_VERSION,
  type DesktopApi,
  type DesktopChannel,
  type DesktopResult,
} from '../../core/desktop.ts';

export type Invoke = (channel: DesktopChannel, payload: unknown) => Promise<unknown>;

export function buildDesktopApi(invoke: Invoke): DesktopApi {
  const call = async <T>(channel: DesktopChannel, payload?: unknown): Promise<DesktopResult<T>> => {
    try {
      return (await invoke(channel, payload)) as DesktopResult<T>;
    } catch (err) {
      // no handler, or the main process went away: still an answer, not a crash
      const message = err instanceof Error ? err.message : String(err);
      return { ok: false, error: { code: 'INTERNAL', message } };
    }
  };
  const api: DesktopApi = {
    contract: DESKTOP_CONTRACT_VERSION,
    server: {
      get: () => call(C.serverGet),
      check: (address) => call(C.serverCheck, { address }),
      set: (address) => call(C.serverSet, { address }),
    },
    session: {
      load: () => call(C.sessionLoad),
      save: (token, account) => call(C.sessionSave, { token, account }),
      end: () => call(C.sessionEnd),
      forget: () => call(C.sessionForget),
    },
    cache: {
      get: (sha256) => call(C.cacheGet, { sha256 }),
      has: (sha256) => call(C.cacheHas, { sha256 }),
      put: (sha256, bytes, pack) => call(C.cachePut, { sha256, bytes, pack }),
      claim: (sha256, pack) => call(C.cacheClaim, { sha256, pack }),
      delete: (sha256) => call(C.cacheDelete, { sha256 }),
      list: () => call(C.cacheList),
      usage: () => call(C.cacheUsage),
      notePack: (pack, closed) => call(C.cacheNotePack, { pack, closed }),
      evict: () => call(C.cacheEvict),
      wipeAccount: (account) => call(C.cacheWipeAccount, { account }),
      wipe: () => call(C.cacheWipe),
      status: () => call(C.cacheStatus),
    },
  };
  // the page cannot swap a function for its own (the bridge copies, but belt and braces)
  Object.freeze(api.server);
  Object.freeze(api.session);
  Object.freeze(api.cache);
  return Object.freeze(api);
}
