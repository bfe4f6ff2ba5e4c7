// pdf.js's worker, started on its own before pdf.js itself is even loaded: it takes longer to
// start (1.3 MB of script to compile) than a page takes to draw. A module worker from our own
// origin, as the server's CSP allows (worker-src 'self').
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

let port: Worker | null = null;

/** The one worker every document shares; the first call starts it. */
export function pdfWorkerPort(): Worker {
  port ??= new Worker(workerUrl, { type: 'module', name: 'pdf.js' });
  return port;
}
