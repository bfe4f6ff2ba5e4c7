// Benchmark page entry, shaped as the app opens a document: the click on it in the agenda starts
// the file's download and pdf.js's worker (renderer/components/DocumentList.tsx), and the document
// route loads the viewer (React, pdf.js, ours-viewer.tsx) meanwhile (renderer/app/App.tsx).
import { prefetchPdf } from '../../renderer/viewer/download.ts';
import { pdfWorkerPort } from '../../renderer/viewer/worker.ts';
import { PDF_URL, pdfSize } from './api.ts';

prefetchPdf(PDF_URL, null, pdfSize());
pdfWorkerPort();
await import('./ours-viewer.tsx');
