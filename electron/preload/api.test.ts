import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNEL_LIST, DESKTOP_CHANNELS as C } from '../../core/desktop.ts';
import { buildDesktopApi } from './api.ts';

const SHA = 'f'.repeat(64);
const PACK = { account: 'u1', meetingId: 'm1' };

function setup() {
  const invoke = vi.fn(async (channel: string, payload: unknown) => ({
    ok: true,
    value: { channel, payload },
  }));
  return { invoke, api: buildDesktopApi(invoke) };
}

describe('window.desktop', () => {
  it('sends each call on its own channel with its payload', async () => {
    const { api, invoke } = setup();
    const bytes = new Uint8Array([37, 80, 68, 70]);
    const calls: [Promise<unknown>, string, unknown][] = [
      [api.server.get(), C.serverGet, undefined],
      [api.server.check('ecab.local'), C.serverCheck, { address: 'ecab.local' }],
      [api.server.set('ecab.local'), C.serverSet, { address: 'ecab.local' }],
      [api.session.load(), C.sessionLoad, undefined],
      [api.session.save('tok', 'u1'), C.sessionSave, { token: 'tok', account: 'u1' }],
      [api.session.end(), C.sessionEnd, undefined],
      [api.session.forget(), C.sessionForget, undefined],
      [api.cache.get(SHA), C.cacheGet, { sha256: SHA }],
      [api.cache.has(SHA), C.cacheHas, { sha256: SHA }],
      [api.cache.put(SHA, bytes, PACK), C.cachePut, { sha256: SHA, bytes, pack: PACK }],
      [api.cache.claim(SHA, PACK), C.cacheClaim, { sha256: SHA, pack: PACK }],
      [api.cache.delete(SHA), C.cacheDelete, { sha256: SHA }],
      [api.cache.list(), C.cacheList, undefined],
      [api.cache.usage(), C.cacheUsage, undefined],
      [api.cache.notePack(PACK, true), C.cacheNotePack, { pack: PACK, closed: true }],
      [api.cache.evict(), C.cacheEvict, undefined],
      [api.cache.wipeAccount('u1'), C.cacheWipeAccount, { account: 'u1' }],
      [api.cache.wipe(), C.cacheWipe, undefined],
      [api.cache.status(), C.cacheStatus, undefined],
    ];
    for (const [promise, channel, payload] of calls) {
      expect(await promise).toEqual({ ok: true, value: { channel, payload } });
    }
    // every channel is reachable, and only through these calls
    expect(new Set(invoke.mock.calls.map((c) => c[0]))).toEqual(new Set(DESKTOP_CHANNEL_LIST));
  });

  it('exposes only plain data and functions, frozen, with no way to reach IPC itself', () => {
    const { api } = setup();
    expect(Object.keys(api).sort()).toEqual(['cache', 'contract', 'server', 'session']);
    expect(Object.isFrozen(api)).toBe(true);
    for (const group of [api.server, api.session, api.cache]) {
      expect(Object.isFrozen(group)).toBe(true);
      for (const [name, value] of Object.entries(group)) {
        expect(typeof value, name).toBe('function');
        expect(['invoke', 'send', 'on', 'sendSync', 'ipcRenderer']).not.toContain(name);
      }
    }
  });

  it('answers with an error when main is unreachable, instead of throwing', async () => {
    const api = buildDesktopApi(async () => {
      throw new Error("No handler registered for 'cache:get'");
    });
    expect(await api.cache.get(SHA)).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: "No handler registered for 'cache:get'" },
    });
  });
});
