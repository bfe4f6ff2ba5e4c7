// Small stand-ins for the Electron objects main's modules are given, for tests in plain Node.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SenderLike } from '../main/ipc.ts';

/** A temporary folder, removed by `dispose`. */
export async function tempDir(): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'ecab-desktop-'));
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** A clock the test moves by hand. */
export function fakeClock(start = Date.UTC(2026, 2, 2, 8, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    set: (ms: number) => {
      now = ms;
    },
  };
}

/** ipcMain: keeps the registered handlers so a test can call them as a renderer would. */
export function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  return {
    handlers,
    handle(channel: string, listener: (event: never, payload: unknown) => unknown) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener as (event: unknown, payload: unknown) => unknown);
    },
    async invoke(event: SenderLike, channel: string, payload?: unknown): Promise<unknown> {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler(event, payload);
    },
  };
}

export const MAIN_WINDOW_ID = 7;

/** An invoke event from the main window's top frame, showing the app. */
export function appEvent(overrides: Partial<SenderLike> = {}): SenderLike {
  return {
    sender: { id: MAIN_WINDOW_ID },
    senderFrame: { url: 'app://ecabinet/index.html#/meetings/m1', parent: null },
    ...overrides,
  };
}

type Listener = (...args: never[]) => unknown;

/** webContents: records 'on' listeners and the window-open handler. */
export function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => unknown) | null = null;
  return {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
      return this;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
      openHandler = handler;
    },
    /** Fires an event like Chromium would; returns whether a listener called preventDefault. */
    emit(event: string, ...args: unknown[]): boolean {
      let prevented = false;
      const e = { preventDefault: () => (prevented = true) };
      for (const l of listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(e, ...args);
      return prevented;
    },
    open(url: string): unknown {
      if (!openHandler) throw new Error('no window-open handler');
      return openHandler({ url });
    },
  };
}

/** safeStorage: "encrypts" reversibly, and can be told there is no key store. */
export function fakeSafeStorage(opts: { available?: boolean; backend?: string; async?: boolean }) {
  const available = opts.available ?? true;
  const seal = (plain: string): Buffer =>
    Buffer.from(`sealed:${Buffer.from(plain).toString('base64').split('').reverse().join('')}`);
  const open = (cipher: Buffer): string => {
    const text = cipher.toString();
    if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext');
    return Buffer.from(text.slice(7).split('').reverse().join(''), 'base64').toString();
  };
  const calls: string[] = [];
  const base = {
    calls,
    rotate: false,
    isEncryptionAvailable: () => available,
    encryptString: (plain: string) => (calls.push('encryptString'), seal(plain)),
    decryptString: (cipher: Buffer) => (calls.push('decryptString'), open(cipher)),
    getSelectedStorageBackend: () => opts.backend ?? 'gnome_libsecret',
  };
  if (opts.async === false) return base;
  return {
    ...base,
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (plain: string) => (calls.push('encryptStringAsync'), seal(plain)),
    async decryptStringAsync(cipher: Buffer) {
      calls.push('decryptStringAsync');
      return { result: open(cipher), shouldReEncrypt: this.rotate };
    },
  };
}
