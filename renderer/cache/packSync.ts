// Downloads a meeting's pack in the background: every document not yet on the device, one at a
// time (the room's Wi-Fi is shared), each checked against its SHA-256 when it is stored. Pure
// orchestration: the cache and the download are passed in.
import { DesktopCallError } from '../../core/desktop.ts';
import type { DocumentCache, PackRef } from '../../core/document-cache.ts';

export interface PackDocument {
  sha256: string;
  size: number;
}

export interface PackProgress {
  total: number;
  done: number;
  bytesTotal: number;
  bytesDone: number;
  /** Documents that could not be fetched this time (offline, server error, bad bytes). */
  failed: number;
  running: boolean;
  /** The device's offline lock holds: nothing can be read or stored until it reconnects. */
  locked: boolean;
}

export interface SyncPackOptions {
  cache: DocumentCache;
  pack: PackRef;
  closed: boolean;
  documents: readonly PackDocument[];
  download: (sha256: string, signal: AbortSignal) => Promise<Uint8Array>;
  onProgress?: (progress: PackProgress) => void;
  signal: AbortSignal;
}

function isLocked(err: unknown): boolean {
  return err instanceof DesktopCallError && err.code === 'LOCKED';
}

export async function syncPack(o: SyncPackOptions): Promise<PackProgress> {
  const unique = [...new Map(o.documents.map((d) => [d.sha256, d])).values()];
  const progress: PackProgress = {
    total: unique.length,
    done: 0,
    bytesTotal: unique.reduce((sum, d) => sum + d.size, 0),
    bytesDone: 0,
    failed: 0,
    running: true,
    locked: false,
  };
  const report = (): void => o.onProgress?.({ ...progress });
  try {
    await o.cache.notePack(o.pack, o.closed);
    report();
    for (const doc of unique) {
      if (o.signal.aborted) break;
      try {
        // already here (this meeting, or another one sharing the file): only note the claim
        if (!(await o.cache.claim(doc.sha256, o.pack))) {
          const bytes = await o.download(doc.sha256, o.signal);
          await o.cache.put(doc.sha256, bytes, o.pack); // refuses bytes that do not match
        }
        progress.done += 1;
        progress.bytesDone += doc.size;
      } catch (err) {
        if (isLocked(err)) throw err;
        if (o.signal.aborted) break;
        progress.failed += 1;
      }
      report();
    }
  } catch (err) {
    if (!isLocked(err)) throw err;
    progress.locked = true;
  }
  progress.running = false;
  report();
  return progress;
}
