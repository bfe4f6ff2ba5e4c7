import { describe, expect, it } from 'vitest';
import { describeDocumentCache } from '../../core/describe-document-cache.ts';
import { CONTRACT_RETENTION_MS } from '../../core/document-cache-contract.ts';
import { sha256Hex } from '../../core/document-cache.ts';
import { createBrowserCache } from './browserCache.ts';
import { FakeCacheStorage } from './fakeCacheStorage.ts';

function harness() {
  const storage = new FakeCacheStorage();
  let now = Date.UTC(2026, 2, 2);
  const make = () =>
    createBrowserCache({
      caches: storage.asCacheStorage(),
      retentionMs: CONTRACT_RETENTION_MS,
      now: () => now,
    });
  return {
    storage,
    cache: make(),
    async corrupt(sha: string) {
      const cache = await storage.open('ecab-documents-v1');
      const key = `https://documents.ecabinet.invalid/blob/${sha}`;
      const entry = cache.entries.get(key);
      if (!entry) throw new Error('nothing to corrupt');
      cache.entries.set(key, { ...entry, body: new TextEncoder().encode('bit rot') });
    },
    reopen: async () => make(),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describeDocumentCache('browser (Cache Storage, in-memory stand-in)', async () => harness());

describe('the browser cache', () => {
  it('keeps documents in its own Cache Storage bucket, under keys that are never fetched', async () => {
    const h = harness();
    const bytes = new TextEncoder().encode('%PDF- minutes');
    const sha = await sha256Hex(bytes);
    await h.cache.put(sha, bytes, { account: 'u1', meetingId: 'm1' });
    expect(await h.storage.keys()).toEqual(['ecab-documents-v1']);
    const cache = await h.storage.open('ecab-documents-v1');
    expect([...cache.entries.keys()].sort()).toEqual([
      `https://documents.ecabinet.invalid/blob/${sha}`,
      'https://documents.ecabinet.invalid/index.json',
    ]);
  });
});
