// The contract between the desktop shell and the renderer: IPC channel names, the one object the
// preload exposes (`window.desktop`), and what its calls return. No DOM, no Node, no zod here:
// the preload bundles this file and must stay small (the schemas are in desktop-schemas.ts).
import type { CacheUsage, DocumentCache, PackRef } from './document-cache.ts';

/** Every IPC channel, in one place; nobody else spells these strings. */
export const DESKTOP_CHANNELS = {
  serverGet: 'server:get',
  serverCheck: 'server:check',
  serverSet: 'server:set',
  sessionLoad: 'session:load',
  sessionSave: 'session:save',
  sessionEnd: 'session:end',
  sessionForget: 'session:forget',
  cacheGet: 'cache:get',
  cacheHas: 'cache:has',
  cachePut: 'cache:put',
  cacheClaim: 'cache:claim',
  cacheDelete: 'cache:delete',
  cacheList: 'cache:list',
  cacheUsage: 'cache:usage',
  cacheNotePack: 'cache:note-pack',
  cacheEvict: 'cache:evict',
  cacheWipeAccount: 'cache:wipe-account',
  cacheWipe: 'cache:wipe',
  cacheStatus: 'cache:status',
} as const;
export type DesktopChannel = (typeof DESKTOP_CHANNELS)[keyof typeof DESKTOP_CHANNELS];
export const DESKTOP_CHANNEL_LIST: readonly DesktopChannel[] = Object.values(DESKTOP_CHANNELS);

export const DESKTOP_ERROR_CODES = [
  /** The payload did not match the channel's schema. */
  'INVALID_PAYLOAD',
  /** The call did not come from the app's own window and origin. */
  'FORBIDDEN',
  /** The device was offline too long: the cached packs stay locked until it reconnects. */
  'LOCKED',
  /** No server is configured yet. */
  'NO_SERVER',
  'INTERNAL',
] as const;
export type DesktopErrorCode = (typeof DESKTOP_ERROR_CODES)[number];

export interface DesktopError {
  code: DesktopErrorCode;
  message: string;
}

/** What every IPC call resolves to: errors cross the bridge as data, never as a thrown crash. */
export type DesktopResult<T> = { ok: true; value: T } | { ok: false; error: DesktopError };

/** Why a server address was not accepted. */
export type ServerProblem =
  | 'INVALID_ADDRESS'
  | 'UNREACHABLE'
  | 'NOT_ECABINET'
  /** The server speaks an older protocol: the secretariat must update the server. */
  | 'SERVER_TOO_OLD'
  /** The server speaks a newer protocol: this app must be updated. */
  | 'APP_TOO_OLD';

export type ServerCheck =
  | { ok: true; origin: string; version: string; protocol: number }
  | { ok: false; problem: ServerProblem; detail: string };

export interface SessionInfo {
  /** The saved session token, or null (none saved, or no secure store to keep one in). */
  token: string | null;
  /** False when the device has no real secret store: the token lives in memory only. */
  secureStorage: boolean;
}

export interface CacheStatus {
  /** Offline longer than `lockAfterDays`: cached packs are unreadable until the server is reached. */
  locked: boolean;
  /** Milliseconds since the epoch of the last time this device reached the server, or null. */
  lastContactAt: number | null;
  lockAfterDays: number;
  retentionDays: number;
  usage: CacheUsage;
}

/** The one object the preload exposes as `window.desktop`. Every call is an IPC round trip. */
export interface DesktopApi {
  readonly contract: typeof DESKTOP_CONTRACT_VERSION;
  server: {
    get(): Promise<DesktopResult<{ origin: string | null }>>;
    /** Checks an address (GET /api/info) without saving it. */
    check(address: string): Promise<DesktopResult<ServerCheck>>;
    /** Checks again, then remembers the server; a different server ends the session and wipes. */
    set(address: string): Promise<DesktopResult<ServerCheck>>;
  };
  session: {
    load(): Promise<DesktopResult<SessionInfo>>;
    save(token: string, account: string): Promise<DesktopResult<SessionInfo>>;
    /** Logout or a session the server refused: forget the token, wipe that account's packs. */
    end(): Promise<DesktopResult<null>>;
    /**
     * A session that expired (or was revoked by a password change): forget the token, keep the
     * packs for when the same account signs in again (another account signing in wipes them).
     */
    forget(): Promise<DesktopResult<null>>;
  };
  cache: {
    get(sha256: string): Promise<DesktopResult<Uint8Array | null>>;
    has(sha256: string): Promise<DesktopResult<boolean>>;
    put(sha256: string, bytes: Uint8Array, pack: PackRef): Promise<DesktopResult<null>>;
    claim(sha256: string, pack: PackRef): Promise<DesktopResult<boolean>>;
    delete(sha256: string): Promise<DesktopResult<null>>;
    list(): Promise<DesktopResult<string[]>>;
    usage(): Promise<DesktopResult<CacheUsage>>;
    notePack(pack: PackRef, closed: boolean): Promise<DesktopResult<null>>;
    evict(): Promise<DesktopResult<string[]>>;
    wipeAccount(account: string): Promise<DesktopResult<null>>;
    wipe(): Promise<DesktopResult<null>>;
    status(): Promise<DesktopResult<CacheStatus>>;
  };
}

/** Bumped when DesktopApi changes incompatibly (preload and renderer ship together, but still). */
export const DESKTOP_CONTRACT_VERSION = 1;

/** An error thrown on the renderer side for a failed desktop call. */
export class DesktopCallError extends Error {
  readonly code: DesktopErrorCode;
  constructor(error: DesktopError) {
    super(error.message);
    this.name = 'DesktopCallError';
    this.code = error.code;
  }
}

export function unwrap<T>(result: DesktopResult<T>): T {
  if (result.ok) return result.value;
  throw new DesktopCallError(result.error);
}

/** The disk cache as the renderer sees it: DesktopApi.cache unwrapped into a DocumentCache. */
export function desktopDocumentCache(cache: DesktopApi['cache']): DocumentCache {
  return {
    get: async (sha) => unwrap(await cache.get(sha)),
    has: async (sha) => unwrap(await cache.has(sha)),
    put: async (sha, bytes, pack) => void unwrap(await cache.put(sha, bytes, pack)),
    claim: async (sha, pack) => unwrap(await cache.claim(sha, pack)),
    delete: async (sha) => void unwrap(await cache.delete(sha)),
    list: async () => unwrap(await cache.list()),
    usage: async () => unwrap(await cache.usage()),
    notePack: async (pack, closed) => void unwrap(await cache.notePack(pack, closed)),
    evict: async () => unwrap(await cache.evict()),
    wipeAccount: async (account) => void unwrap(await cache.wipeAccount(account)),
    wipe: async () => void unwrap(await cache.wipe()),
  };
}

/**
 * Compares the server's /api/info with this app's protocol version. Pure, so that main (which
 * fetches) and tests agree on what "compatible" means.
 */
export function judgeServerInfo(origin: string, info: unknown, ourProtocol: number): ServerCheck {
  if (typeof info !== 'object' || info === null)
    return { ok: false, problem: 'NOT_ECABINET', detail: 'The answer was not JSON.' };
  const { name, version, protocol } = info as Record<string, unknown>;
  if (name !== 'eCabinet' || typeof protocol !== 'number' || !Number.isInteger(protocol))
    return { ok: false, problem: 'NOT_ECABINET', detail: 'This is not an eCabinet server.' };
  const shown = typeof version === 'string' ? version : '?';
  if (protocol < ourProtocol)
    return {
      ok: false,
      problem: 'SERVER_TOO_OLD',
      detail: `The server (version ${shown}) speaks protocol ${protocol}, this app ${ourProtocol}.`,
    };
  if (protocol > ourProtocol)
    return {
      ok: false,
      problem: 'APP_TOO_OLD',
      detail: `The server (version ${shown}) speaks protocol ${protocol}, this app ${ourProtocol}.`,
    };
  return { ok: true, origin, version: shown, protocol };
}

/**
 * Turns what a person typed ("192.168.1.20:8443", "https://ecab.local/") into an origin, or null.
 * Without a scheme, https is assumed: passwords and documents cross the room's Wi-Fi.
 */
export function normaliseServerAddress(input: string): string | null {
  const text = input.trim();
  if (!text || text.length > 300) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname) return null;
  // the server lives at the root of its origin; a path, query or fragment is a typo
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) return null;
  return url.origin;
}

/** The WebSocket origin for a server origin (http → ws, https → wss). */
export function webSocketOrigin(serverOrigin: string): string {
  return serverOrigin.replace(/^http/, 'ws');
}
