import { describe, expect, it, vi } from 'vitest';
import {
  DESKTOP_CHANNEL_LIST,
  DESKTOP_CHANNELS as C,
  type DesktopChannel,
} from '../../core/desktop.ts';
import { HashMismatchError } from '../../core/document-cache.ts';
import { appEvent, fakeIpcMain, MAIN_WINDOW_ID } from '../testing/fakes.ts';
import { HandlerError, registerIpc, trustedSender, type Handlers } from './ipc.ts';

const SHA = 'c'.repeat(64);
const PACK = { account: 'u1', meetingId: 'm1' };
const TOKEN = 'tok_abcdefghijklmnopqrstuvwxyz0123456789';

/** One good payload per channel, and payloads a compromised page might send instead. */
const PAYLOADS: Record<DesktopChannel, { good: unknown; bad: unknown[] }> = {
  [C.serverGet]: { good: undefined, bad: [{}, 'x', null] },
  [C.serverCheck]: {
    good: { address: 'https://192.168.1.20:8443' },
    bad: [
      undefined,
      {},
      { address: '' },
      { address: 42 },
      { address: 'x'.repeat(301) },
      { address: 'a', extra: 1 },
    ],
  },
  [C.serverSet]: {
    good: { address: 'ecab.local' },
    bad: [undefined, { address: ['a'] }, 'ecab.local'],
  },
  [C.sessionLoad]: { good: undefined, bad: [{ token: TOKEN }] },
  [C.sessionSave]: {
    good: { token: TOKEN, account: 'u1' },
    bad: [
      undefined,
      { token: TOKEN },
      { token: 'short', account: 'u1' },
      { token: 'has spaces in it and is long', account: 'u1' },
      { token: TOKEN, account: '' },
      { token: TOKEN, account: 'u1', admin: true },
    ],
  },
  [C.sessionEnd]: { good: undefined, bad: [{ wipe: false }] },
  [C.sessionForget]: { good: undefined, bad: [{ account: 'u1' }] },
  [C.cacheGet]: {
    good: { sha256: SHA },
    bad: [
      undefined,
      { sha256: '../../etc/passwd' },
      { sha256: SHA.toUpperCase() },
      { sha256: `${SHA}0` },
    ],
  },
  [C.cacheHas]: { good: { sha256: SHA }, bad: [{ sha256: 1 }, { sha: SHA }] },
  [C.cachePut]: {
    good: { sha256: SHA, bytes: new Uint8Array([1, 2, 3]), pack: PACK },
    bad: [
      { sha256: SHA, bytes: 'AQID', pack: PACK },
      { sha256: SHA, bytes: [1, 2, 3], pack: PACK },
      { sha256: SHA, bytes: new Uint8Array(1), pack: { account: 'u1' } },
      { sha256: '..', bytes: new Uint8Array(1), pack: PACK },
      { sha256: SHA, bytes: new Uint8Array(1) },
    ],
  },
  [C.cacheClaim]: {
    good: { sha256: SHA, pack: PACK },
    bad: [{ sha256: SHA }, { sha256: SHA, pack: { meetingId: 'm1' } }, { sha256: '', pack: PACK }],
  },
  [C.cacheDelete]: { good: { sha256: SHA }, bad: [{ sha256: '/' }] },
  [C.cacheList]: { good: undefined, bad: [{ dir: '/' }] },
  [C.cacheUsage]: { good: undefined, bad: [[]] },
  [C.cacheNotePack]: {
    good: { pack: PACK, closed: true },
    bad: [
      { pack: PACK },
      { pack: PACK, closed: 'yes' },
      { pack: { account: '', meetingId: 'm' }, closed: true },
    ],
  },
  [C.cacheEvict]: { good: undefined, bad: [{ all: true }] },
  [C.cacheWipeAccount]: {
    good: { account: 'u1' },
    bad: [undefined, { account: 5 }, { account: '' }],
  },
  [C.cacheWipe]: { good: undefined, bad: [0] },
  [C.cacheStatus]: { good: undefined, bad: [{ unlock: true }] },
};

function setup() {
  const ipcMain = fakeIpcMain();
  const calls: string[] = [];
  const handlers = Object.fromEntries(
    DESKTOP_CHANNEL_LIST.map((c) => [c, vi.fn(() => (calls.push(c), `${c} done`))]),
  ) as unknown as Handlers;
  const log = vi.fn();
  registerIpc(
    ipcMain,
    handlers,
    trustedSender(() => new Set([MAIN_WINDOW_ID])),
    log,
  );
  return { ipcMain, calls, handlers, log };
}

describe('IPC', () => {
  it('registers one handler for every channel of the contract', () => {
    const { ipcMain } = setup();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...DESKTOP_CHANNEL_LIST].sort());
  });

  describe.each(DESKTOP_CHANNEL_LIST)('%s', (channel) => {
    it('answers the app window', async () => {
      const { ipcMain, calls } = setup();
      const result = await ipcMain.invoke(appEvent(), channel, PAYLOADS[channel].good);
      expect(result).toEqual({ ok: true, value: `${channel} done` });
      expect(calls).toEqual([channel]);
    });

    it('refuses a malformed payload with a clear error, without running', async () => {
      const { ipcMain, calls } = setup();
      for (const bad of PAYLOADS[channel].bad) {
        const result = (await ipcMain.invoke(appEvent(), channel, bad)) as {
          ok: boolean;
          error: { code: string; message: string };
        };
        expect(result.ok, JSON.stringify(bad)).toBe(false);
        expect(result.error.code).toBe('INVALID_PAYLOAD');
        expect(result.error.message).toContain(channel);
      }
      expect(PAYLOADS[channel].bad.length).toBeGreaterThan(0);
      expect(calls).toEqual([]);
    });

    it('refuses a foreign sender: another window, another origin, a frame, a closed frame', async () => {
      const { ipcMain, calls, log } = setup();
      const foreign = [
        appEvent({ sender: { id: MAIN_WINDOW_ID + 1 } }),
        appEvent({ senderFrame: { url: 'https://evil.example/', parent: null } }),
        appEvent({ senderFrame: { url: 'file:///tmp/x.html', parent: null } }),
        appEvent({ senderFrame: { url: 'app://ecabinet/index.html', parent: {} } }),
        appEvent({ senderFrame: null }),
      ];
      for (const event of foreign) {
        const result = await ipcMain.invoke(event, channel, PAYLOADS[channel].good);
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
      expect(calls).toEqual([]);
      expect(log).toHaveBeenCalledTimes(foreign.length);
    });
  });

  it('turns a failing handler into an answer, without its internals', async () => {
    const ipcMain = fakeIpcMain();
    const log = vi.fn();
    const handlers = Object.fromEntries(
      DESKTOP_CHANNEL_LIST.map((c) => [c, () => undefined]),
    ) as unknown as Handlers;
    handlers[C.cacheList] = () => {
      throw new Error('EACCES: permission denied, scandir /home/u/.config/eCabinet/documents');
    };
    handlers[C.cacheGet] = () => {
      throw new HandlerError('LOCKED', 'Locked until the device reaches the server.');
    };
    handlers[C.cachePut] = () => {
      throw new HashMismatchError(SHA, 'd'.repeat(64));
    };
    registerIpc(
      ipcMain,
      handlers,
      trustedSender(() => new Set([MAIN_WINDOW_ID])),
      log,
    );

    const listed = await ipcMain.invoke(appEvent(), C.cacheList);
    expect(listed).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'cache:list failed on this device.' },
    });
    expect(log.mock.calls[0]?.[0]).toContain('EACCES');
    expect(await ipcMain.invoke(appEvent(), C.cacheGet, { sha256: SHA })).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    expect(await ipcMain.invoke(appEvent(), C.cachePut, PAYLOADS[C.cachePut].good)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_PAYLOAD' },
    });
    // a handler returning nothing still answers ok
    expect(await ipcMain.invoke(appEvent(), C.cacheWipe)).toEqual({ ok: true, value: null });
  });
});
