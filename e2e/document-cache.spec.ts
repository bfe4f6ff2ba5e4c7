// The browser's document cache held to the same contract as the desktop's disk cache, in a real
// Chromium: real Cache Storage, real crypto.subtle (Vitest runs it against an in-memory stand-in).
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { build } from 'vite';
import { DOCUMENT_CACHE_CONTRACT } from '../core/document-cache-contract.ts';

async function bundle(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('./cache-contract-entry.ts', import.meta.url)),
        formats: ['iife'],
        name: 'ecabCacheContract',
      },
    },
  });
  const output = Array.isArray(result) ? result[0] : result;
  if (!output || !('output' in output)) throw new Error('vite returned no bundle');
  return output.output[0].code;
}

test('the browser document cache keeps the contract in Chromium', async ({ page }) => {
  await page.goto('/'); // any page of the app's origin: Cache Storage needs a secure context
  // evaluated, not added as a <script>: the page's CSP rightly refuses inline scripts
  await page.evaluate(await bundle());
  const outcomes = await page.evaluate(() =>
    (
      window as unknown as {
        runCacheContract: () => Promise<{ name: string; ok: boolean; error?: string }[]>;
      }
    ).runCacheContract(),
  );
  expect(outcomes.map((o) => o.name)).toEqual(DOCUMENT_CACHE_CONTRACT.map((c) => c.name));
  expect(outcomes.filter((o) => !o.ok)).toEqual([]);
});
