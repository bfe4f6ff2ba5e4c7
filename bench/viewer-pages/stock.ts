// Benchmark page: the stock pdf.js PDFViewer (pdfjs-dist/web/pdf_viewer.mjs) with its default
// options, on the same file, with the assets wired as pdf.js's own viewer does.
import * as pdfjsLib from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import 'pdfjs-dist/web/pdf_viewer.css';
import { DrawnWaiter, PDF_URL } from './api.ts';

// pdf_viewer.mjs reads pdf.js from globalThis.pdfjsLib
(globalThis as unknown as { pdfjsLib: typeof pdfjsLib }).pdfjsLib = pdfjsLib;
pdfjsLib.GlobalWorkerOptions.workerSrc = workerUrl;
const { EventBus, PDFLinkService, PDFViewer } = await import('pdfjs-dist/web/pdf_viewer.mjs');

const container = document.getElementById('viewerContainer') as HTMLDivElement;
const eventBus = new EventBus();
const linkService = new PDFLinkService({ eventBus });
const viewer = new PDFViewer({ container, eventBus, linkService });
linkService.setViewer(viewer);

const waiter = new DrawnWaiter();
let drawnFirst: (ms: number) => void = () => undefined;
const firstPage = new Promise<number>((resolve) => (drawnFirst = resolve));
eventBus.on('pagesinit', () => {
  viewer.currentScaleValue = 'page-width'; // as every app embedding it does (ours: fit width)
});
eventBus.on(
  'pagerendered',
  (e: { pageNumber: number; timestamp: number; isDetailView: boolean }) => {
    if (e.isDetailView) return;
    if (e.pageNumber === 1) drawnFirst(e.timestamp);
    waiter.notify(e.pageNumber);
  },
);
const FINISHED = 3; // RenderingStates.FINISHED
const drawn = (n: number) => viewer.getPageView(n - 1)?.renderingState === FINISHED;

const asset = (dir: string) => new URL(`pdfjs/${dir}/`, window.location.href).href;
const doc = await pdfjsLib.getDocument({
  url: PDF_URL,
  cMapUrl: asset('cmaps'),
  cMapPacked: true,
  standardFontDataUrl: asset('standard_fonts'),
  wasmUrl: asset('wasm'),
}).promise;
viewer.setDocument(doc);
linkService.setDocument(doc);

window.__bench = {
  firstPage,
  goTo: async (n) => {
    const t0 = performance.now();
    viewer.currentPageNumber = n;
    await waiter.wait(n, drawn);
    return performance.now() - t0;
  },
  scrollThrough: async () => {
    for (let n = 1; n <= viewer.pagesCount; n++) {
      viewer.currentPageNumber = n;
      await waiter.wait(n, drawn);
    }
    return viewer.pagesCount;
  },
  pageWidth: () =>
    document.querySelector('.page[data-page-number="1"]')?.getBoundingClientRect().width ?? 0,
};
