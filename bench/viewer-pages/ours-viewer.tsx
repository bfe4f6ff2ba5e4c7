// Benchmark page (loaded by ours.ts): our viewer (renderer/viewer/PdfViewer.tsx) alone, as the
// document screen mounts it, on freeculture.pdf; jumps go through the same `page` prop as the
// address bar.
// the viewer first: as in the app (where React is running already), pdf.js opens the document
// clicked as soon as it is loaded (renderer/viewer/pdfjs.ts), then React renders
import { PdfViewer } from '../../renderer/viewer/PdfViewer.tsx';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../../renderer/i18n/index.ts';
import { DrawnWaiter, PDF_URL, pdfSize } from './api.ts';

const waiter = new DrawnWaiter();
let drawnFirst: (ms: number) => void = () => undefined;
const firstPage = new Promise<number>((resolve) => (drawnFirst = resolve));
let setPage: (n: number) => void = () => undefined;

const slot = (n: number) => document.querySelector(`.pdf-page[data-page-number="${n}"]`);
const drawn = (n: number) => !!slot(n)?.querySelector('.pdf-layers[data-rendered]');
// with its size, as the meeting state gives it to the document screen
const source = { url: PDF_URL, size: pdfSize() };

function onRendered(n: number): void {
  if (n === 1) drawnFirst(performance.now());
  waiter.notify(n);
}

function Bench() {
  const [page, set] = useState<number | null>(null);
  setPage = set;
  return <PdfViewer source={source} page={page} onPageRendered={onRendered} />;
}

window.__bench = {
  firstPage,
  goTo: async (n) => {
    const t0 = performance.now();
    setPage(n);
    await waiter.wait(n, drawn);
    return performance.now() - t0;
  },
  scrollThrough: async () => {
    const count = document.querySelectorAll('.pdf-page').length;
    for (let n = 1; n <= count; n++) {
      setPage(n);
      await waiter.wait(n, drawn);
    }
    return count;
  },
  pageWidth: () => slot(1)?.getBoundingClientRect().width ?? 0,
};

await initI18n();
createRoot(document.getElementById('root')!).render(<Bench />);
