import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS as C, type ServerCheck } from '../../core/desktop.ts';
import { DAY_MS, sha256Hex } from '../../core/document-cache.ts';
import {
  appEvent,
  fakeClock,
  fakeIpcMain,
  fakeSafeStorage,
  MAIN_WINDOW_ID,
  tempDir,
} from '../testing/fakes.ts';
import { DEFAULT_CONFIG, type Config } from './config.ts';
import { createDiskCache } from './disk-cache.ts';
import { createHandlers } from './handlers.ts';
import { registerIpc, trustedSender } from './ipc.ts';
import { createOfflineLock } from './offline-lock.ts';
import { createSessionService } from './session.ts';
import { createTokenStore } from './token-store.ts';

const OLD = 'https://old.example:8443';
const NEW = 'https://192.168.1.20:8443';

async function setup() {
  const { dir, dispose } = await tempDir();
  const clock = fakeClock();
  let config: Config = { ...DEFAULT_CONFIG, serverOrigin: OLD };
  const cache = createDiskCache({
    dir: join(dir, 'documents'),
    retentionMs: 30 * DAY_MS,
    now: clock.now,
  });
  const lock = createOfflineLock({
    file: join(dir, 'offline.json'),
    lockAfterMs: 7 * DAY_MS,
    now: clock.now,
  });
  await lock.load();
  const session = createSessionService({
    tokens: createTokenStore({
      safeStorage: fakeSafeStorage({}),
      file: join(dir, 's.json'),
      platform: 'linux',
    }),
    cache,
  });
  let check: ServerCheck = { ok: true, origin: NEW, version: '0.1.0', protocol: 1 };
  const checkServer = vi.fn(async (_address: string) => check);
  const ipc = fakeIpcMain();
  registerIpc(
    ipc,
    createHandlers({
      config: {
        get: () => config,
        setServer: async (origin) => void (config = { ...config, serverOrigin: origin }),
      },
      checkServer,
      session,
      cache,
      lock,
    }),
    trustedSender(() => new Set([MAIN_WINDOW_ID])),
    () => undefined,
  );
  const call = (channel: string, payload?: unknown) => ipc.invoke(appEvent(), channel, payload);
  const bytes = new TextEncoder().encode('%PDF- tờ trình');
  const doc = { sha256: await sha256Hex(bytes), bytes, pack: { account: 'u1', meetingId: 'm1' } };
  return {
    call,
    cache,
    lock,
    clock,
    doc,
    config: () => config,
    setCheck: (c: ServerCheck) => (check = c),
    checkServer,
    dispose,
  };
}

describe('the desktop handlers', () => {
  it('keep the cached packs locked while the device has been offline too long', async () => {
    const t = await setup();
    await t.lock.markContact();
    expect(await t.call(C.cachePut, t.doc)).toEqual({ ok: true, value: null });
    t.clock.advance(8 * DAY_MS);
    for (const [channel, payload] of [
      [C.cacheGet, { sha256: t.doc.sha256 }],
      [C.cacheHas, { sha256: t.doc.sha256 }],
      [C.cacheList, undefined],
      [C.cachePut, t.doc],
    ] as const) {
      const result = (await t.call(channel, payload)) as {
        ok: boolean;
        error?: { code: string; message: string };
      };
      expect(result.error?.code, channel).toBe('LOCKED');
      expect(result.error?.message).toContain('7 days');
    }
    expect(await t.call(C.cacheStatus)).toMatchObject({
      ok: true,
      value: { locked: true, lockAfterDays: 7, retentionDays: 30, usage: { files: 1 } },
    });
    // a wipe still works while locked
    expect(await t.call(C.cacheWipe)).toEqual({ ok: true, value: null });
    await t.lock.markContact(); // reconnected
    expect(await t.call(C.cacheList)).toEqual({ ok: true, value: [] });
    await t.dispose();
  });

  it('switching to another server ends the session and wipes the cache', async () => {
    const t = await setup();
    await t.lock.markContact();
    await t.call(C.sessionSave, { token: 'tok-0123456789abcdef', account: 'u1' });
    await t.call(C.cachePut, t.doc);
    expect(await t.call(C.serverSet, { address: '192.168.1.20:8443' })).toMatchObject({
      ok: true,
      value: { ok: true, origin: NEW },
    });
    expect(t.config().serverOrigin).toBe(NEW);
    expect(await t.cache.list()).toEqual([]);
    expect(await t.call(C.sessionLoad)).toEqual({
      ok: true,
      value: { token: null, secureStorage: true },
    });
    await t.dispose();
  });

  it('confirming the same server keeps the session and the packs', async () => {
    const t = await setup();
    await t.lock.markContact();
    t.setCheck({ ok: true, origin: OLD, version: '0.1.0', protocol: 1 });
    await t.call(C.sessionSave, { token: 'tok-0123456789abcdef', account: 'u1' });
    await t.call(C.cachePut, t.doc);
    await t.call(C.serverSet, { address: OLD });
    expect(await t.cache.list()).toEqual([t.doc.sha256]);
    await t.dispose();
  });

  it('checks the server again before saving it, and saves nothing when the check fails', async () => {
    const t = await setup();
    t.setCheck({ ok: false, problem: 'APP_TOO_OLD', detail: 'protocol 2' });
    expect(await t.call(C.serverSet, { address: NEW })).toEqual({
      ok: true,
      value: { ok: false, problem: 'APP_TOO_OLD', detail: 'protocol 2' },
    });
    expect(t.checkServer).toHaveBeenCalledWith(NEW);
    expect(t.config().serverOrigin).toBe(OLD);
    await t.dispose();
  });

  it('refuses bytes that do not match their SHA-256', async () => {
    const t = await setup();
    await t.lock.markContact();
    const forged = { ...t.doc, bytes: new TextEncoder().encode('%PDF- forged') };
    expect(await t.call(C.cachePut, forged)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    await t.dispose();
  });
});
