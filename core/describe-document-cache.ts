// The DocumentCache contract as a Vitest suite: `describeDocumentCache(name, makeHarness)` runs
// every case of document-cache-contract.ts against one implementation.
import { describe, it } from 'vitest';
import { DOCUMENT_CACHE_CONTRACT, type MakeHarness } from './document-cache-contract.ts';

export function describeDocumentCache(name: string, make: MakeHarness): void {
  describe(`DocumentCache contract: ${name}`, () => {
    for (const c of DOCUMENT_CACHE_CONTRACT) {
      it(c.name, async () => {
        const harness = await make();
        try {
          await c.run(harness);
        } finally {
          await harness.dispose?.();
        }
      });
    }
  });
}
