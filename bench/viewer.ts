// npm run bench, the document viewer figures: our viewer beside the stock pdf.js PDFViewer
// (pdfjs-dist/web/pdf_viewer.mjs, default options), both in the same headless Chromium, on the
// same machine and file (../shared/corpus/pdf/freeculture.pdf, 352 pages), in the same run:
//   1. time from navigation to the first page drawn;
//   2. time from asking for page 300 to it being drawn;
//   3. JS heap (after a full GC) once every page has been shown in turn.
// Both pages are built here with Vite (bench/viewer-pages/) and served from 127.0.0.1.
// Also runs on its own: node bench/viewer.ts
import { existsSync, rmSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { pdfjsAssets } from '../renderer/vite.config.ts';
import { figure, log, median, round2, sleep, withTimeout, type Figure } from './lib.ts';
import { serveStatic } from './viewer-server.ts';

const PDF = fileURLToPath(new URL('../../shared/corpus/pdf/freeculture.pdf', import.meta.url));
const PAGES = fileURLToPath(new URL('./viewer-pages/', import.meta.url));
/** Rounds of first page + jump per viewer, and how many of them also scroll through for heap. */
const ROUNDS = Number(process.env.BENCH_VIEWER_ROUNDS ?? 9);
const HEAP_ROUNDS = Math.min(ROUNDS, 2);
const JUMP_TO = 300;
/** Quiet time after the first page, before the jump: both viewers do background work then. */
const SETTLE_MS = 2_000;
/** Quiet time between samples: the browser tears the last one down in the background. */
const COOL_DOWN_MS = 1_000;
const DEADLINE_MS = 240_000;
const TARGETS = { firstPageRatio: 1.0, jumpRatio: 1.0, heapRatio: 1.2 };
const VIEWPORT = { width: 1440, height: 900 };
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

type Kind = 'ours' | 'stock';
interface Sample {
  firstMs: number;
  jumpMs: number;
  pageWidth: number;
  heapMb: number | null;
  pdfKb: number;
}

let outDir: string | undefined;
const removeBuild = (): void => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
  outDir = undefined;
};
process.on('exit', removeBuild);

async function buildPages(): Promise<string> {
  outDir = await mkdtemp(join(tmpdir(), 'ecab-bench-viewer-'));
  await build({
    configFile: false,
    root: PAGES,
    base: './',
    logLevel: 'warn',
    oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
    plugins: [pdfjsAssets()],
    build: {
      outDir,
      emptyOutDir: true,
      chunkSizeWarningLimit: 4096,
      rolldownOptions: {
        input: { ours: join(PAGES, 'ours.html'), stock: join(PAGES, 'stock.html') },
      },
    },
  });
  return outDir;
}

/** One viewer, in a fresh context (empty cache): first page, jump, and optionally the heap. */
async function sample(browser: Browser, url: string, kind: Kind, heap: boolean, pdf: () => number) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const before = pdf();
    const step = (what: string) => process.env.BENCH_VERBOSE && log(`viewer: ${kind}: ${what}`);
    step('open');
    await page.goto(`${url}/${kind}.html?size=${statSync(PDF).size}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => !!window.__bench, null, { timeout: 30_000 });
    const firstMs = await withTimeout(
      page.evaluate(() => window.__bench.firstPage),
      30_000,
      `${kind}: first page`,
    );
    step('first page drawn');
    await page.waitForTimeout(SETTLE_MS);
    const jumpMs = await withTimeout(
      page.evaluate((n) => window.__bench.goTo(n), JUMP_TO),
      30_000,
      `${kind}: page ${JUMP_TO}`,
    );
    const pageWidth = await page.evaluate(() => window.__bench.pageWidth());
    let heapMb: number | null = null;
    if (heap) {
      step(`page ${JUMP_TO} drawn; scrolling through`);
      await withTimeout(
        page.evaluate(() => window.__bench.scrollThrough()),
        120_000,
        `${kind}: scrolling through`,
      );
      await page.waitForTimeout(1_000); // the jobs after the last page (text layers, thumbnails)
      const bytes = await page.evaluate(async () => {
        const w = window as unknown as { gc: () => void };
        for (let i = 0; i < 3; i++) {
          w.gc();
          await new Promise((r) => setTimeout(r, 100));
        }
        return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory
          .usedJSHeapSize;
      });
      heapMb = round2(bytes / 1024 / 1024);
    }
    step('done');
    if (errors.length) throw new Error(`${kind}: ${errors.join('; ')}`);
    return { firstMs, jumpMs, pageWidth, heapMb, pdfKb: Math.round((pdf() - before) / 1024) };
  } finally {
    await context.close();
    await sleep(COOL_DOWN_MS);
  }
}

export async function viewerFigures(): Promise<Figure[]> {
  if (!existsSync(PDF)) {
    log(`viewer: ${PDF} is missing; no viewer figures`);
    return [];
  }
  log('--- document viewer: ours and the stock pdf.js PDFViewer');
  const t0 = performance.now();
  const root = await buildPages();
  log(`viewer: pages built in ${Math.round(performance.now() - t0)} ms`);
  const server = await serveStatic(root, PDF);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
  const samples: Record<Kind, Sample[]> = { ours: [], stock: [] };
  try {
    log(`viewer: ${browser.version()}, ${ROUNDS} rounds (${HEAP_ROUNDS} with the heap)`);
    for (let r = 0; r < ROUNDS; r++) {
      // alternate the order, so that whatever else the machine does weighs on both alike
      for (const kind of r % 2 ? (['stock', 'ours'] as const) : (['ours', 'stock'] as const)) {
        const s = await sample(
          browser,
          server.url,
          kind,
          r < HEAP_ROUNDS,
          () => server.pdfStats().bytes,
        );
        samples[kind].push(s);
        log(
          `viewer: ${kind} round ${r + 1}: first page ${round2(s.firstMs)} ms, page ${JUMP_TO} ` +
            `${round2(s.jumpMs)} ms${s.heapMb === null ? '' : `, heap ${s.heapMb} MB`}, ` +
            `${s.pdfKb} KB of the PDF read`,
        );
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
    removeBuild();
  }
  return toFigures(samples);
}

function toFigures(samples: Record<Kind, Sample[]>): Figure[] {
  const med = (kind: Kind, pick: (s: Sample) => number | null) =>
    round2(median(samples[kind].map(pick).filter((v): v is number => v !== null)));
  const widths = `page width ${med('ours', (s) => s.pageWidth)} px (ours, fit width) and ${med('stock', (s) => s.pageWidth)} px (stock, page-width)`;
  const setup =
    `headless Chromium ${VIEWPORT.width}x${VIEWPORT.height}, device pixel ratio 1, fresh context per ` +
    `sample (${COOL_DOWN_MS} ms apart), both pages built with Vite and served from 127.0.0.1 (range requests, no cache); ${widths}; ` +
    `PDF read per sample (median): ours ${med('ours', (s) => s.pdfKb)} KB, stock ${med('stock', (s) => s.pdfKb)} KB`;
  const make = (
    name: string,
    unit: string,
    pick: (s: Sample) => number | null,
    target: number,
    note: string,
  ) => {
    const value = med('ours', pick);
    const baseline = med('stock', pick);
    return figure({
      name,
      value,
      unit,
      baseline,
      target: `ratio <= ${target}`,
      met: value / baseline <= target,
      note,
    });
  };
  return [
    make(
      'viewer_first_page_ms',
      'ms',
      (s) => s.firstMs,
      TARGETS.firstPageRatio,
      `freeculture.pdf (352 pages): from navigation start to page 1's canvas drawn; median of ` +
        `${ROUNDS}, rounds alternating; baseline: stock pdf.js PDFViewer (default options, ` +
        `getDocument defaults plus the same CMap/font/wasm URLs). ${setup}`,
    ),
    make(
      'viewer_jump_300_ms',
      'ms',
      (s) => s.jumpMs,
      TARGETS.jumpRatio,
      `from asking for page ${JUMP_TO} (ours: the page prop, as the address bar does; stock: ` +
        `currentPageNumber) to its canvas drawn, ${SETTLE_MS} ms after the first page; median of ${ROUNDS}`,
    ),
    make(
      'viewer_heap_after_scroll_mb',
      'MB',
      (s) => s.heapMb,
      TARGETS.heapRatio,
      `performance.memory.usedJSHeapSize after every page was shown in turn (each until drawn), ` +
        `then a full GC (--expose-gc); median of ${HEAP_ROUNDS}`,
    ),
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const deadline = setTimeout(() => {
    log(`viewer: took longer than ${DEADLINE_MS / 1000} s: aborting`);
    process.exit(1);
  }, DEADLINE_MS);
  viewerFigures()
    .then((figures) => {
      for (const f of figures) process.stdout.write(`${JSON.stringify(f)}\n`);
    })
    .catch((err: unknown) => {
      log(`viewer: failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exitCode = 1;
    })
    .finally(() => clearTimeout(deadline));
}
