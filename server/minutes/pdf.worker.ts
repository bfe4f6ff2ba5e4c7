// Runs in a worker thread: lays out the minutes' PDF (font subsetting takes most of a second),
// so that the server's event loop keeps serving the meeting meanwhile.
import { parentPort } from 'node:worker_threads';
import type { MinutesDocument } from '../../core/index.ts';
import { renderMinutesPdf } from './pdf.ts';

export type RenderReply = { id: number; pdf: Uint8Array } | { id: number; error: string };

parentPort?.on('message', (msg: { id: number; doc: MinutesDocument }) => {
  renderMinutesPdf(msg.doc).then(
    (pdf) =>
      parentPort?.postMessage({ id: msg.id, pdf } satisfies RenderReply, [
        pdf.buffer as ArrayBuffer,
      ]),
    (err: unknown) =>
      parentPort?.postMessage({ id: msg.id, error: String(err) } satisfies RenderReply),
  );
});
