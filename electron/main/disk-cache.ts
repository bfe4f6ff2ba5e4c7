// The meeting packs on disk: a content-addressed folder (file name = SHA-256), checked on every
// read, and an index of which account's meeting needs which document.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import {
  addToPack,
  assertSha256,
  emptyIndex,
  HashMismatchError,
  isSha256,
  markPack,
  parseIndex,
  referenced,
  withoutAccount,
  withoutExpired,
  withoutSha,
  type DocumentCache,
  type PackIndex,
} from '../../core/document-cache.ts';
import { readJson, writeFileAtomic, writeJson } from './json-file.ts';

export interface DiskCacheOptions {
  dir: string;
  retentionMs: number;
  now: () => number;
  /** Told when a stored copy failed its checksum (it is deleted and fetched again later). */
  onCorrupt?: (sha256: string) => void;
}

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export function createDiskCache(opts: DiskCacheOptions): DocumentCache {
  const blobs = join(opts.dir, 'blobs');
  const indexFile = join(opts.dir, 'index.json');
  const blobPath = (sha: string): string => {
    assertSha256(sha); // the name becomes a path: nothing but 64 hex digits gets this far
    return join(blobs, sha);
  };

  // one change at a time: the index is read, changed and written whole
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  const readIndex = async (): Promise<PackIndex> => parseIndex(await readJson(indexFile));
  const writeIndex = (index: PackIndex): Promise<void> => writeJson(indexFile, index);
  const stored = async (): Promise<string[]> => {
    const names = await readdir(blobs).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    return names.filter(isSha256);
  };
  /** Deletes the documents no pack needs any more; returns them. */
  const collect = async (index: PackIndex): Promise<string[]> => {
    const needed = referenced(index);
    const orphans = (await stored()).filter((sha) => !needed.has(sha));
    await Promise.all(orphans.map((sha) => rm(blobPath(sha), { force: true })));
    return orphans;
  };

  return {
    async get(sha) {
      const file = blobPath(sha);
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
      if (sha256Of(bytes) === sha)
        return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
      // a bad sector or a half-copied file: drop it so that the pack download fetches it again
      opts.onCorrupt?.(sha);
      await unlink(file).catch(() => undefined);
      return null;
    },
    async has(sha) {
      return stat(blobPath(sha)).then(
        (s) => s.isFile(),
        () => false,
      );
    },
    async put(sha, bytes, pack) {
      const file = blobPath(sha);
      return serial(async () => {
        const actual = sha256Of(bytes);
        if (actual !== sha) throw new HashMismatchError(sha, actual);
        await mkdir(blobs, { recursive: true });
        await writeFileAtomic(file, bytes);
        await writeIndex(addToPack(await readIndex(), pack, sha));
      });
    },
    async claim(sha, pack) {
      const file = blobPath(sha);
      return serial(async () => {
        const there = await stat(file).then(
          (s) => s.isFile(),
          () => false,
        );
        if (there) await writeIndex(addToPack(await readIndex(), pack, sha));
        return there;
      });
    },
    async delete(sha) {
      const file = blobPath(sha);
      return serial(async () => {
        await rm(file, { force: true });
        await writeIndex(withoutSha(await readIndex(), sha));
      });
    },
    list: () => stored(),
    async usage() {
      const sizes = await Promise.all(
        (await stored()).map((sha) =>
          stat(join(blobs, sha)).then(
            (s) => s.size,
            () => 0,
          ),
        ),
      );
      return { files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0) };
    },
    notePack(pack, closed) {
      return serial(async () => writeIndex(markPack(await readIndex(), pack, closed, opts.now())));
    },
    evict() {
      return serial(async () => {
        const index = withoutExpired(await readIndex(), opts.now(), opts.retentionMs);
        await writeIndex(index);
        return collect(index);
      });
    },
    wipeAccount(account) {
      return serial(async () => {
        const index = withoutAccount(await readIndex(), account);
        await writeIndex(index);
        await collect(index);
      });
    },
    wipe() {
      return serial(async () => {
        await rm(blobs, { recursive: true, force: true });
        await writeIndex(emptyIndex());
      });
    },
  };
}
