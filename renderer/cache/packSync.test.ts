import { describe, expect, it, vi } from 'vitest';
import { DesktopCallError } from '../../core/desktop.ts';
import { sha256Hex, type DocumentCache } from '../../core/document-cache.ts';
import { createBrowserCache } from './browserCache.ts';
import { FakeCacheStorage } from './fakeCacheStorage.ts';
import { syncPack, type PackProgress } from './packSync.ts';

const PACK = { account: 'u-delegate', meetingId: 'm1' };

async function files(...texts: string[]) {
  return Promise.all(
    texts.map(async (text) => {
      const bytes = new TextEncoder().encode(`%PDF-1.7 ${text}`);
      return { sha256: await sha256Hex(bytes), size: bytes.length, bytes };
    }),
  );
}

function setup() {
  return createBrowserCache({
    caches: new FakeCacheStorage().asCacheStorage(),
    retentionMs: 1000,
    now: () => 0,
  });
}

describe('downloading a meeting pack', () => {
  it('fetches every missing document once, reports progress, and keeps them', async () => {
    const cache = setup();
    const docs = await files('agenda', 'report', 'draft resolution');
    const download = vi.fn(async (sha: string) => docs.find((d) => d.sha256 === sha)!.bytes);
    const seen: PackProgress[] = [];
    const result = await syncPack({
      cache,
      pack: PACK,
      closed: false,
      documents: [...docs, docs[0]!], // the same file on two agenda items
      download,
      onProgress: (p) => seen.push(p),
      signal: new AbortController().signal,
    });
    expect(download).toHaveBeenCalledTimes(3);
    expect(result).toMatchObject({ total: 3, done: 3, failed: 0, running: false, locked: false });
    expect(result.bytesDone).toBe(result.bytesTotal);
    expect(seen.map((p) => p.done)).toEqual([0, 1, 2, 3, 3]);
    for (const d of docs) expect(await cache.get(d.sha256)).toEqual(d.bytes);
  });

  it('downloads nothing the second time (the pack survived), but still claims it', async () => {
    const cache = setup();
    const docs = await files('agenda');
    const download = async () => docs[0]!.bytes;
    const signal = new AbortController().signal;
    await syncPack({ cache, pack: PACK, closed: false, documents: docs, download, signal });
    const again = vi.fn(download);
    const other = { ...PACK, meetingId: 'm2' };
    const result = await syncPack({
      cache,
      pack: other,
      closed: false,
      documents: docs,
      download: again,
      signal,
    });
    expect(again).not.toHaveBeenCalled();
    expect(result.done).toBe(1);
    await cache.wipeAccount('someone-else');
    expect(await cache.has(docs[0]!.sha256)).toBe(true);
  });

  it('counts a failed or forged download and carries on with the rest', async () => {
    const cache = setup();
    const [a, b, c] = await files('a', 'b', 'c');
    const download = async (sha: string) => {
      if (sha === a!.sha256) throw new TypeError('Failed to fetch');
      if (sha === b!.sha256) return new TextEncoder().encode('%PDF- tampered');
      return c!.bytes;
    };
    const result = await syncPack({
      cache,
      pack: PACK,
      closed: false,
      documents: [a!, b!, c!],
      download,
      signal: new AbortController().signal,
    });
    expect(result).toMatchObject({ total: 3, done: 1, failed: 2 });
    expect(await cache.has(b!.sha256)).toBe(false);
  });

  it('stops when the meeting screen closes', async () => {
    const cache = setup();
    const docs = await files('a', 'b', 'c');
    const stop = new AbortController();
    const download = vi.fn(async (sha: string) => {
      stop.abort();
      return docs.find((d) => d.sha256 === sha)!.bytes;
    });
    const result = await syncPack({
      cache,
      pack: PACK,
      closed: false,
      documents: docs,
      download,
      signal: stop.signal,
    });
    expect(download).toHaveBeenCalledTimes(1);
    expect(result.done).toBe(1);
  });

  it('says when the device is locked (offline too long), without downloading', async () => {
    const locked = new DesktopCallError({ code: 'LOCKED', message: 'locked' });
    const cache = {
      ...setup(),
      claim: async () => {
        throw locked;
      },
    } satisfies DocumentCache;
    const download = vi.fn(async () => new Uint8Array());
    const result = await syncPack({
      cache,
      pack: PACK,
      closed: false,
      documents: await files('a'),
      download,
      signal: new AbortController().signal,
    });
    expect(result).toMatchObject({ locked: true, running: false, done: 0 });
    expect(download).not.toHaveBeenCalled();
  });

  it('records a closed meeting, so its pack expires after the retention', async () => {
    let now = 0;
    const cache = createBrowserCache({
      caches: new FakeCacheStorage().asCacheStorage(),
      retentionMs: 1000,
      now: () => now,
    });
    const docs = await files('minutes');
    await syncPack({
      cache,
      pack: PACK,
      closed: true,
      documents: docs,
      download: async () => docs[0]!.bytes,
      signal: new AbortController().signal,
    });
    now = 1001;
    expect(await cache.evict()).toEqual([docs[0]!.sha256]);
  });
});
