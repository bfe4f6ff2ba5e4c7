// A DocumentCache (core/document-cache.ts) for the pack benchmark's simulated devices: it keeps,
// per SHA-256, only the size of a stored document, not its bytes, so that 200 devices holding a
// 20 MB pack each fit in a few processes. The pack bookkeeping is the shared core one.
//
// Downloads are streamed and hashed as they arrive (`streamDownload`): what they hand to
// syncPack is an empty placeholder carrying the digest and size of the bytes that came, and
// `put` checks that digest against the address, as the app's caches check the bytes themselves.
import { createHash } from 'node:crypto';
import { request, type Agent } from 'node:http';
import {
  addToPack,
  assertSha256,
  emptyIndex,
  HashMismatchError,
  markPack,
  referenced,
  sha256Hex,
  withoutAccount,
  withoutExpired,
  withoutSha,
  DAY_MS,
  type CacheUsage,
  type DocumentCache,
  type PackIndex,
  type PackRef,
} from '../core/document-cache.ts';

interface Streamed {
  sha256: string;
  size: number;
}

/** Placeholders handed out by streamDownload, with what the streamed bytes hashed to. */
const streamed = new WeakMap<Uint8Array, Streamed>();

/** What one device moved over the network. */
export interface Transfer {
  requests: number;
  bytes: number;
}

/**
 * GETs `path` on `origin` through `agent` (the device's keep-alive connection pool), hashing and
 * counting the body as it arrives; returns a placeholder for HashCache.put.
 */
export function streamDownload(
  origin: string,
  path: string,
  headers: Record<string, string>,
  agent: Agent,
  signal: AbortSignal,
  counted: Transfer,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    counted.requests += 1;
    const req = request(new URL(path, origin), { agent, headers, signal }, (res) => {
      const hash = createHash('sha256');
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        hash.update(chunk);
        size += chunk.length;
        counted.bytes += chunk.length;
      });
      res.on('error', reject);
      res.on('end', () => {
        if (res.statusCode !== 200) {
          reject(new Error(`The server answered ${res.statusCode} for ${path}.`));
          return;
        }
        const placeholder = new Uint8Array(0);
        streamed.set(placeholder, { sha256: hash.digest('hex'), size });
        resolve(placeholder);
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export class HashCache implements DocumentCache {
  readonly #sizes = new Map<string, number>();
  #index: PackIndex = emptyIndex();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** This cache keeps no bytes: nothing can be read back. */
  get(sha256: string): Promise<Uint8Array | null> {
    return Promise.reject(new Error(`HashCache keeps no bytes (asked for ${sha256}).`));
  }

  has(sha256: string): Promise<boolean> {
    return Promise.resolve(this.#sizes.has(sha256));
  }

  async put(sha256: string, bytes: Uint8Array, pack: PackRef): Promise<void> {
    assertSha256(sha256);
    const got = streamed.get(bytes) ?? { sha256: await sha256Hex(bytes), size: bytes.length };
    if (got.sha256 !== sha256) throw new HashMismatchError(sha256, got.sha256);
    this.#sizes.set(sha256, got.size);
    this.#index = addToPack(this.#index, pack, sha256);
  }

  claim(sha256: string, pack: PackRef): Promise<boolean> {
    if (!this.#sizes.has(sha256)) return Promise.resolve(false);
    this.#index = addToPack(this.#index, pack, sha256);
    return Promise.resolve(true);
  }

  delete(sha256: string): Promise<void> {
    this.#sizes.delete(sha256);
    this.#index = withoutSha(this.#index, sha256);
    return Promise.resolve();
  }

  list(): Promise<string[]> {
    return Promise.resolve([...this.#sizes.keys()]);
  }

  usage(): Promise<CacheUsage> {
    let bytes = 0;
    for (const size of this.#sizes.values()) bytes += size;
    return Promise.resolve({ files: this.#sizes.size, bytes });
  }

  notePack(pack: PackRef, closed: boolean): Promise<void> {
    this.#index = markPack(this.#index, pack, closed, this.#now());
    return Promise.resolve();
  }

  async evict(): Promise<string[]> {
    this.#index = withoutExpired(this.#index, this.#now(), 30 * DAY_MS);
    return this.#dropUnreferenced();
  }

  async wipeAccount(account: string): Promise<void> {
    this.#index = withoutAccount(this.#index, account);
    await this.#dropUnreferenced();
  }

  wipe(): Promise<void> {
    this.#sizes.clear();
    this.#index = emptyIndex();
    return Promise.resolve();
  }

  #dropUnreferenced(): Promise<string[]> {
    const keep = referenced(this.#index);
    const dropped = [...this.#sizes.keys()].filter((sha) => !keep.has(sha));
    for (const sha of dropped) this.#sizes.delete(sha);
    return Promise.resolve(dropped);
  }
}
