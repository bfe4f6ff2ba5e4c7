// The disk cache as the renderer reaches it: window.desktop.cache (the preload's object) → IPC
// (sender check, schema) → the handlers → the disk, held to the same contract as the browser's.
import { join } from 'node:path';
import { describeDocumentCache } from '../core/describe-document-cache.ts';
import { desktopDocumentCache } from '../core/desktop.ts';
import { CONTRACT_RETENTION_MS } from '../core/document-cache-contract.ts';
import { DAY_MS } from '../core/document-cache.ts';
import { DEFAULT_CONFIG } from './main/config.ts';
import { createDiskCache } from './main/disk-cache.ts';
import { createHandlers } from './main/handlers.ts';
import { registerIpc, trustedSender } from './main/ipc.ts';
import { createOfflineLock } from './main/offline-lock.ts';
import { createSessionService } from './main/session.ts';
import { createTokenStore } from './main/token-store.ts';
import { buildDesktopApi } from './preload/api.ts';
import {
  appEvent,
  fakeClock,
  fakeIpcMain,
  fakeSafeStorage,
  MAIN_WINDOW_ID,
  tempDir,
} from './testing/fakes.ts';

describeDocumentCache('disk, through window.desktop and IPC', async () => {
  const { dir, dispose } = await tempDir();
  const clock = fakeClock();
  const lock = createOfflineLock({
    file: join(dir, 'offline.json'),
    // longer than the contract's steps over the retention, so the lock stays open throughout
    lockAfterMs: 10 * CONTRACT_RETENTION_MS + DAY_MS,
    now: clock.now,
  });
  await lock.markContact();
  const wire = () => {
    const disk = createDiskCache({
      dir: join(dir, 'documents'),
      retentionMs: CONTRACT_RETENTION_MS,
      now: clock.now,
    });
    const tokens = createTokenStore({
      safeStorage: fakeSafeStorage({}),
      file: join(dir, 's.json'),
      platform: 'linux',
    });
    const ipc = fakeIpcMain();
    registerIpc(
      ipc,
      createHandlers({
        config: { get: () => DEFAULT_CONFIG, setServer: async () => undefined },
        checkServer: async () => ({ ok: false, problem: 'UNREACHABLE', detail: '' }),
        session: createSessionService({ tokens, cache: disk }),
        cache: disk,
        lock,
      }),
      trustedSender(() => new Set([MAIN_WINDOW_ID])),
      () => undefined,
    );
    // what the preload does with ipcRenderer.invoke, and what the renderer does with the result
    const api = buildDesktopApi((channel, payload) => ipc.invoke(appEvent(), channel, payload));
    return desktopDocumentCache(api.cache);
  };
  return {
    cache: wire(),
    corrupt: async (sha) => {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(join(dir, 'documents', 'blobs', sha), 'bit rot');
    },
    reopen: async () => wire(),
    advance: clock.advance,
    dispose,
  };
});
