// The desktop app's main process: wires the locked-down window, the app:// scheme, the API proxy,
// the IPC handlers, the token store and the meeting packs on disk. Everything with logic lives in
// main/*.ts (tested in Node with fakes); this file only hands them Electron's objects.
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  ipcMain,
  net,
  protocol,
  safeStorage,
  session,
  shell,
  type BrowserWindow as Window,
} from 'electron';
import { DAY_MS } from '../core/document-cache.ts';
import { createApiProxy } from './main/api-proxy.ts';
import { APP_SCHEME } from './main/app-origin.ts';
import { loadConfig, saveConfig, type Config } from './main/config.ts';
import { contentSecurityPolicy } from './main/csp.ts';
import { createDiskCache } from './main/disk-cache.ts';
import { createHandlers } from './main/handlers.ts';
import { registerIpc, trustedSender } from './main/ipc.ts';
import { guardWebContents } from './main/navigation.ts';
import { createOfflineLock } from './main/offline-lock.ts';
import { lockPermissions } from './main/permissions.ts';
import { APP_SCHEME_PRIVILEGES, createAppHandler } from './main/scheme.ts';
import { checkServer, type FetchLike } from './main/server-check.ts';
import { createSessionService } from './main/session.ts';
import { createTokenStore } from './main/token-store.ts';
import { createMainWindow } from './main/window.ts';

const log = (msg: string): void => console.error(`[ecabinet] ${msg}`);
const EVICT_EVERY_MS = 6 * 60 * 60 * 1000;

// before 'ready': the scheme must be privileged when the first page loads
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

if (!app.requestSingleInstanceLock()) app.quit();
else void app.whenReady().then(start, (err: unknown) => fatal(err));

async function start(): Promise<void> {
  // dist/electron/main.js next to dist/electron/preload.cjs and dist/renderer/
  const here = import.meta.dirname;
  const dataDir = app.getPath('userData');
  const configFile = join(dataDir, 'config.json');
  const loaded = await loadConfig(configFile);
  if (loaded.problem) log(`settings ignored: ${loaded.problem}`);
  let config: Config = loaded.config;
  const now = (): number => Date.now();
  const fetchFn: FetchLike = (input, init) => net.fetch(input, init);

  const cache = createDiskCache({
    dir: join(dataDir, 'documents'),
    retentionMs: config.retentionDays * DAY_MS,
    now,
    onCorrupt: (sha) => log(`document ${sha} failed its checksum; it will be fetched again`),
  });
  const lock = createOfflineLock({
    file: join(dataDir, 'offline.json'),
    lockAfterMs: config.offlineLockDays * DAY_MS,
    now,
  });
  await lock.load();
  const tokens = createTokenStore({
    safeStorage,
    file: join(dataDir, 'session.json'),
    platform: process.platform,
    log,
  });
  const sessions = createSessionService({ tokens, cache });

  lockPermissions(session.defaultSession);
  const openExternal = (url: string): Promise<void> => shell.openExternal(url);
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, { openExternal, log }),
  );

  const api = createApiProxy({
    fetch: fetchFn,
    serverOrigin: () => config.serverOrigin,
    session: {
      current: () => tokens.current(),
      refused: () => sessions.end(),
      expired: () => sessions.forget(),
    },
    lock,
    cache,
    log,
  });
  protocol.handle(
    APP_SCHEME,
    createAppHandler({
      root: join(here, '..', 'renderer'),
      csp: () => contentSecurityPolicy(config.serverOrigin),
      api,
    }),
  );

  const windowIds = new Set<number>();
  registerIpc(
    ipcMain,
    createHandlers({
      config: {
        get: () => config,
        setServer: async (origin) => {
          config = { ...config, serverOrigin: origin };
          await saveConfig(configFile, config);
        },
      },
      checkServer: (address) => checkServer(fetchFn, address),
      session: sessions,
      cache,
      lock,
    }),
    trustedSender(() => windowIds),
    log,
  );

  const evict = (): void =>
    void cache.evict().then(
      (gone) => gone.length > 0 && log(`removed ${gone.length} documents of closed meetings`),
      (err: unknown) => log(`eviction failed: ${String(err)}`),
    );
  evict();
  setInterval(evict, EVICT_EVERY_MS).unref();

  const open = (): Window => {
    const win = createMainWindow(
      { BrowserWindow },
      { preload: join(here, 'preload.cjs'), devTools: !app.isPackaged },
    );
    const id = win.webContents.id;
    windowIds.add(id);
    win.on('closed', () => windowIds.delete(id));
    return win;
  };
  let main = open();
  app.on('second-instance', () => {
    if (main.isDestroyed()) main = open();
    if (main.isMinimized()) main.restore();
    main.focus();
  });
  app.on('activate', () => {
    if (main.isDestroyed()) main = open();
  });
}

app.on('window-all-closed', () => app.quit());

function fatal(err: unknown): void {
  log(`could not start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  app.exit(1);
}
