// The offline lock: a device that has not reached the server for longer than the configured time
// keeps its cached packs locked until it reconnects (a lost laptop does not stay a library).
import { readJson, writeJson } from './json-file.ts';

/** A clock set back by more than this also locks: the lock must not be undone by a clock. */
const CLOCK_SLACK_MS = 60 * 60 * 1000;
/** Contact is written to disk at most this often; a busy session does not rewrite it per request. */
const WRITE_EVERY_MS = 60 * 1000;

export interface OfflineLock {
  load(): Promise<void>;
  /** The server answered an authenticated request: the session is still good. */
  markContact(): Promise<void>;
  isLocked(): boolean;
  lastContactAt(): number | null;
  readonly lockAfterMs: number;
}

export function createOfflineLock(opts: {
  file: string;
  lockAfterMs: number;
  now: () => number;
}): OfflineLock {
  let last: number | null = null;
  let written: number | null = null;
  return {
    lockAfterMs: opts.lockAfterMs,
    async load() {
      const raw = await readJson(opts.file);
      const at =
        raw && typeof raw === 'object' ? (raw as { lastContactAt?: unknown }).lastContactAt : null;
      last = typeof at === 'number' && Number.isFinite(at) ? at : null;
      written = last;
    },
    async markContact() {
      const now = opts.now();
      last = now;
      if (written !== null && now - written >= 0 && now - written < WRITE_EVERY_MS) return;
      written = now;
      await writeJson(opts.file, { lastContactAt: now });
    },
    // never reached (a fresh install has nothing cached yet), too long ago, or a clock set back
    isLocked() {
      if (last === null) return true;
      const elapsed = opts.now() - last;
      return elapsed > opts.lockAfterMs || elapsed < -CLOCK_SLACK_MS;
    },
    lastContactAt: () => last,
  };
}
