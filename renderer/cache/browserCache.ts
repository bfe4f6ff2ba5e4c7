// The meeting packs in a browser: Cache Storage, one entry per document (keyed by SHA-256) and
// one for the pack index. Same contract as the desktop's disk cache (core/document-cache.ts);
// every read is checked with crypto.subtle, a corrupt entry is dropped and reported missing.
import {
  addToPack,
  assertSha256,
  emptyIndex,
  HashMismatchError,
  isSha256,
  markPack,
  parseIndex,
  referenced,
  sha256Hex,
  withoutAccount,
  withoutExpired,
  withoutSha,
  type DocumentCache,
  type PackIndex,
} from '../../core/document-cache.ts';

export interface BrowserCacheOptions {
  caches: CacheStorage;
  retentionMs: number;
  now: () => number;
  /** Cache Storage bucket; one per app version of the storage layout. */
  name?: string;
}

// Cache Storage keys are http(s) URLs; this host is never fetched (".invalid" cannot resolve)
const BASE = 'https://documents.ecabinet.invalid/';
const blobKey = (sha: string): string => {
  assertSha256(sha);
  return `${BASE}blob/${sha}`;
};
const INDEX_KEY = `${BASE}index.json`;

export function createBrowserCache(opts: BrowserCacheOptions): DocumentCache {
  const name = opts.name ?? 'ecab-documents-v1';
  const open = (): Promise<Cache> => opts.caches.open(name);

  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const readIndex = async (cache: Cache): Promise<PackIndex> => {
    const res = await cache.match(INDEX_KEY);
    return parseIndex(res ? await res.json().catch(() => null) : null);
  };
  const writeIndex = (cache: Cache, index: PackIndex): Promise<void> =>
    cache.put(INDEX_KEY, Response.json(index));
  const stored = async (cache: Cache): Promise<string[]> =>
    (await cache.keys())
      .map((req) => req.url.slice(`${BASE}blob/`.length))
      .filter((sha) => isSha256(sha));
  const collect = async (cache: Cache, index: PackIndex): Promise<string[]> => {
    const needed = referenced(index);
    const orphans = (await stored(cache)).filter((sha) => !needed.has(sha));
    await Promise.all(orphans.map((sha) => cache.delete(blobKey(sha))));
    return orphans;
  };

  return {
    async get(sha) {
      const key = blobKey(sha);
      const cache = await open();
      const res = await cache.match(key);
      if (!res) return null;
      const bytes = new Uint8Array(await res.arrayBuffer());
      if ((await sha256Hex(bytes)) === sha) return bytes;
      await cache.delete(key); // corrupt: fetched again by the next pack download
      return null;
    },
    async has(sha) {
      const key = blobKey(sha);
      return !!(await (await open()).match(key));
    },
    async put(sha, bytes, pack) {
      const key = blobKey(sha);
      return serial(async () => {
        const actual = await sha256Hex(bytes);
        if (actual !== sha) throw new HashMismatchError(sha, actual);
        const cache = await open();
        await cache.put(
          key,
          new Response(bytes as Uint8Array<ArrayBuffer>, {
            headers: { 'content-type': 'application/pdf', 'content-length': String(bytes.length) },
          }),
        );
        await writeIndex(cache, addToPack(await readIndex(cache), pack, sha));
      });
    },
    async claim(sha, pack) {
      const key = blobKey(sha);
      return serial(async () => {
        const cache = await open();
        const there = !!(await cache.match(key));
        if (there) await writeIndex(cache, addToPack(await readIndex(cache), pack, sha));
        return there;
      });
    },
    async delete(sha) {
      const key = blobKey(sha);
      return serial(async () => {
        const cache = await open();
        await cache.delete(key);
        await writeIndex(cache, withoutSha(await readIndex(cache), sha));
      });
    },
    async list() {
      return stored(await open());
    },
    async usage() {
      const cache = await open();
      let bytes = 0;
      const shas = await stored(cache);
      for (const sha of shas) {
        const res = await cache.match(blobKey(sha));
        bytes += Number(res?.headers.get('content-length') ?? 0);
      }
      return { files: shas.length, bytes };
    },
    notePack(pack, closed) {
      return serial(async () => {
        const cache = await open();
        await writeIndex(cache, markPack(await readIndex(cache), pack, closed, opts.now()));
      });
    },
    evict() {
      return serial(async () => {
        const cache = await open();
        const index = withoutExpired(await readIndex(cache), opts.now(), opts.retentionMs);
        await writeIndex(cache, index);
        return collect(cache, index);
      });
    },
    wipeAccount(account) {
      return serial(async () => {
        const cache = await open();
        const index = withoutAccount(await readIndex(cache), account);
        await writeIndex(cache, index);
        await collect(cache, index);
      });
    },
    wipe() {
      return serial(async () => {
        await opts.caches.delete(name);
        await writeIndex(await open(), emptyIndex());
      });
    },
  };
}
