import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDocumentCache } from '../../core/describe-document-cache.ts';
import { CONTRACT_RETENTION_MS } from '../../core/document-cache-contract.ts';
import { DAY_MS, sha256Hex } from '../../core/document-cache.ts';
import { fakeClock, tempDir } from '../testing/fakes.ts';
import { createDiskCache } from './disk-cache.ts';

async function harness() {
  const { dir, dispose } = await tempDir();
  const clock = fakeClock();
  const corrupted: string[] = [];
  const make = () =>
    createDiskCache({
      dir,
      retentionMs: CONTRACT_RETENTION_MS,
      now: clock.now,
      onCorrupt: (sha) => corrupted.push(sha),
    });
  return {
    dir,
    corrupted,
    cache: make(),
    corrupt: (sha: string) => writeFile(join(dir, 'blobs', sha), 'bit rot'),
    reopen: async () => make(),
    advance: clock.advance,
    dispose,
  };
}

describeDocumentCache('disk (electron main)', harness);

const pdf = new TextEncoder().encode('%PDF-1.7 agenda of the 12th session');

describe('the disk cache on disk', () => {
  it('names each file by its SHA-256 and keeps the exact bytes', async () => {
    const h = await harness();
    const sha = await sha256Hex(pdf);
    await h.cache.put(sha, pdf, { account: 'u1', meetingId: 'm1' });
    expect(await readdir(join(h.dir, 'blobs'))).toEqual([sha]);
    expect(new Uint8Array(await readFile(join(h.dir, 'blobs', sha)))).toEqual(pdf);
    await h.dispose();
  });

  it('deletes a file that fails its checksum and says so', async () => {
    const h = await harness();
    const sha = await sha256Hex(pdf);
    await h.cache.put(sha, pdf, { account: 'u1', meetingId: 'm1' });
    const flipped = new Uint8Array(pdf);
    flipped[3] = flipped[3]! ^ 1; // one bit
    await writeFile(join(h.dir, 'blobs', sha), flipped);
    expect(await h.cache.get(sha)).toBeNull();
    expect(h.corrupted).toEqual([sha]);
    expect(await readdir(join(h.dir, 'blobs'))).toEqual([]);
    await h.dispose();
  });

  it('survives a damaged index: documents stay readable, and are collected on eviction', async () => {
    const h = await harness();
    const sha = await sha256Hex(pdf);
    await h.cache.put(sha, pdf, { account: 'u1', meetingId: 'm1' });
    await writeFile(join(h.dir, 'index.json'), '{"version": 1, "packs": [{"trunc');
    const again = await h.reopen();
    expect(await again.get(sha)).toEqual(pdf);
    expect(await again.evict()).toEqual([sha]); // no pack claims it any more
    await h.dispose();
  });

  it('evicts on the real retention of days, not before', async () => {
    const { dir, dispose } = await tempDir();
    const clock = fakeClock();
    const cache = createDiskCache({ dir, retentionMs: 30 * DAY_MS, now: clock.now });
    const sha = await sha256Hex(pdf);
    await cache.put(sha, pdf, { account: 'u1', meetingId: 'closed' });
    await cache.notePack({ account: 'u1', meetingId: 'closed' }, true);
    clock.advance(29 * DAY_MS);
    expect(await cache.evict()).toEqual([]);
    clock.advance(DAY_MS);
    expect(await cache.evict()).toEqual([sha]);
    expect(await readdir(join(dir, 'blobs'))).toEqual([]);
    await dispose();
  });

  it('keeps no temporary files behind', async () => {
    const h = await harness();
    for (const text of ['a', 'b', 'c']) {
      const bytes = new TextEncoder().encode(text);
      await h.cache.put(await sha256Hex(bytes), bytes, { account: 'u1', meetingId: 'm1' });
    }
    expect((await readdir(h.dir)).sort()).toEqual(['blobs', 'index.json']);
    expect((await readdir(join(h.dir, 'blobs'))).every((n) => /^[a-f0-9]{64}$/.test(n))).toBe(true);
    await h.dispose();
  });
});
