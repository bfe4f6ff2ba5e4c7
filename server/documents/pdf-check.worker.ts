// Runs in a worker thread: opens a PDF with pdf.js to count its pages, so that a large or
// hostile file never blocks the server's event loop.
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfCheck =
  { ok: true; pages: number } | { ok: false; reason: 'password' | 'invalid'; detail: string };

async function check(file: string): Promise<PdfCheck> {
  const data = new Uint8Array(await readFile(file));
  const task = getDocument({ data, disableFontFace: true, verbosity: 0, stopAtErrors: false });
  try {
    const doc = await task.promise;
    const pages = doc.numPages;
    // a file pdf.js can list but not open the first page of is no use to a delegate
    await doc.getPage(1);
    await task.destroy();
    return pages > 0 ? { ok: true, pages } : { ok: false, reason: 'invalid', detail: 'no pages' };
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as Error)?.name ?? '';
    if (name === 'PasswordException')
      return { ok: false, reason: 'password', detail: String((err as Error).message) };
    return { ok: false, reason: 'invalid', detail: String((err as Error)?.message ?? err) };
  }
}

parentPort?.on('message', (msg: { id: number; file: string }) => {
  check(msg.file).then(
    (result) => parentPort?.postMessage({ id: msg.id, result }),
    (err: unknown) =>
      parentPort?.postMessage({
        id: msg.id,
        result: { ok: false, reason: 'invalid', detail: String(err) },
      }),
  );
});
