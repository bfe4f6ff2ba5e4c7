// Bundled into a page by document-cache.spec.ts: the browser cache, held to the shared contract,
// with the browser's own Cache Storage and crypto.subtle.
import {
  CONTRACT_RETENTION_MS,
  runDocumentCacheContract,
} from '../core/document-cache-contract.ts';
import { createBrowserCache } from '../renderer/cache/browserCache.ts';
import { z } from 'zod';

// as in renderer/main.tsx: the page's CSP has no 'unsafe-eval' (and code run by page.evaluate
// would fool zod's probe for it)
z.config({ jitless: true });

let run = 0;

async function contract() {
  return runDocumentCacheContract(async () => {
    const name = `ecab-contract-${run++}`;
    await caches.delete(name);
    let now = Date.UTC(2026, 2, 2);
    const make = () =>
      createBrowserCache({ caches, retentionMs: CONTRACT_RETENTION_MS, now: () => now, name });
    return {
      cache: make(),
      async corrupt(sha: string) {
        const cache = await caches.open(name);
        const key = `https://documents.ecabinet.invalid/blob/${sha}`;
        await cache.put(key, new Response('bit rot', { headers: { 'content-length': '7' } }));
      },
      reopen: async () => make(),
      advance: (ms: number) => {
        now += ms;
      },
      dispose: async () => void (await caches.delete(name)),
    };
  });
}

(window as unknown as { runCacheContract: typeof contract }).runCacheContract = contract;
