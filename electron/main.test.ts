// The entry file's wiring, run in Node: 'electron' is replaced by a stand-in (vi.mock with a
// factory, so the real package — which would look for the Electron binary — is never loaded).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNEL_LIST, DESKTOP_CHANNELS as C } from '../core/desktop.ts';
import { PROTOCOL_VERSION } from '../core/protocol.ts';
import { fakeSafeStorage } from './testing/fakes.ts';

const fake = vi.hoisted(() => {
  type Handler = (...args: unknown[]) => unknown;
  const state = {
    userData: '',
    schemes: [] as unknown[],
    sandboxed: false,
    protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
    ipc: new Map<string, Handler>(),
    appEvents: new Map<string, Handler[]>(),
    windows: [] as { options: Record<string, unknown>; url: string; webContents: { id: number } }[],
    permissionRequest: null as Handler | null,
    fetched: [] as string[],
    ready: null as null | (() => void),
  };
  const readyPromise = new Promise<void>((resolve) => (state.ready = resolve));
  class BrowserWindow {
    webContents = { id: 41 };
    constructor(options: Record<string, unknown>) {
      state.windows.push({ options, url: '', webContents: this.webContents });
    }
    once() {}
    on() {}
    show() {}
    async loadURL(url: string) {
      state.windows[state.windows.length - 1]!.url = url;
    }
    isDestroyed() {
      return false;
    }
  }
  const electron = {
    app: {
      enableSandbox: () => (state.sandboxed = true),
      requestSingleInstanceLock: () => true,
      whenReady: () => readyPromise,
      getPath: () => state.userData,
      isPackaged: true,
      on: (event: string, h: Handler) =>
        state.appEvents.set(event, [...(state.appEvents.get(event) ?? []), h]),
      quit: () => undefined,
      exit: () => undefined,
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string, h: Handler) => state.ipc.set(channel, h) },
    // set in beforeAll, where PROTOCOL_VERSION can be imported
    net: { fetch: async (_url: string): Promise<Response> => Response.error() },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
      handle: (scheme: string, h: (req: Request) => Promise<Response>) =>
        state.protocolHandlers.set(scheme, h),
    },
    safeStorage: {},
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Handler) => (state.permissionRequest = h),
        setPermissionCheckHandler: () => undefined,
        setDevicePermissionHandler: () => undefined,
      },
    },
    shell: { openExternal: async () => undefined },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state } = fake;
const windowEvent = (url = 'app://ecabinet/index.html') => ({
  sender: { id: 41 },
  senderFrame: { url, parent: null },
});

beforeAll(async () => {
  state.userData = await mkdtemp(join(tmpdir(), 'ecab-main-'));
  Object.assign(fake.electron.safeStorage, fakeSafeStorage({}));
  fake.electron.net.fetch = async (url: string) => {
    state.fetched.push(String(url));
    return Response.json({ name: 'eCabinet', version: '0.1.0', protocol: PROTOCOL_VERSION });
  };
  await import('./main.ts');
  state.ready?.();
  await vi.waitFor(() => expect(state.windows).toHaveLength(1));
});
afterAll(() => rm(state.userData, { recursive: true, force: true }));

describe('electron/main.ts', () => {
  it('registers the app:// scheme as privileged and sandboxes every renderer', () => {
    expect(state.schemes).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ secure: true }),
      }),
    ]);
    expect(state.sandboxed).toBe(true);
  });

  it('opens one locked-down window on app://ecabinet/ with the bundled preload', () => {
    const [win] = state.windows;
    expect(win?.url).toBe('app://ecabinet/index.html');
    const prefs = win?.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(prefs.preload)).toMatch(/preload\.cjs$/);
    expect(prefs.devTools).toBe(false); // packaged
  });

  it('guards every webContents the app creates and refuses permissions', () => {
    expect(state.appEvents.get('web-contents-created')).toHaveLength(1);
    let granted: boolean | null = null;
    state.permissionRequest?.(null, 'media', (g: boolean) => (granted = g), {
      requestingUrl: 'app://ecabinet/index.html',
    });
    expect(granted).toBe(false);
  });

  it('answers every IPC channel, only to its window', async () => {
    expect([...state.ipc.keys()].sort()).toEqual([...DESKTOP_CHANNEL_LIST].sort());
    const get = state.ipc.get(C.serverGet)!;
    expect(await get(windowEvent())).toEqual({ ok: true, value: { origin: null } });
    expect(await get(windowEvent('https://evil.example/'))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('serves the page with a CSP, and names the server in it once one is chosen', async () => {
    const handle = state.protocolHandlers.get('app')!;
    const before = await handle(new Request('app://ecabinet/index.html'));
    expect(before.status).toBe(200);
    expect(before.headers.get('content-security-policy')).toContain("connect-src 'self';");

    const set = state.ipc.get(C.serverSet)!;
    expect(await set(windowEvent(), { address: '192.168.1.20:8443' })).toMatchObject({
      ok: true,
      value: { ok: true, origin: 'https://192.168.1.20:8443' },
    });
    expect(state.fetched).toContain('https://192.168.1.20:8443/api/info');
    const saved = JSON.parse(await readFile(join(state.userData, 'config.json'), 'utf8'));
    expect(saved.serverOrigin).toBe('https://192.168.1.20:8443');
    const after = await handle(new Request('app://ecabinet/index.html'));
    expect(after.headers.get('content-security-policy')).toContain(
      "connect-src 'self' wss://192.168.1.20:8443;",
    );
  });

  it('keeps the session token encrypted in the data folder', async () => {
    const token = 'tok_0123456789abcdefghij';
    const save = state.ipc.get(C.sessionSave)!;
    expect(await save(windowEvent(), { token, account: 'u1' })).toMatchObject({ ok: true });
    const file = await readFile(join(state.userData, 'session.json'), 'utf8');
    expect(file).not.toContain(token);
    expect(JSON.parse(file)).toMatchObject({ account: 'u1' });
  });
});
