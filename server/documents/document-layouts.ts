// The text layout of each stored document version, for re-anchoring annotations when a document
// is replaced: read once per blob by the PDF worker and kept beside it as
// blobs/<sha256>.layout.json (read back instead of parsing the PDF again).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { DocumentLayout } from '../../core/anchoring.ts';
import { writeFileDurable } from '../store/durable-file.ts';
import type { PdfChecker } from './pdf-check.ts';

const LayoutFile = z.object({
  v: z.literal(1),
  truncated: z.boolean(),
  layout: z.object({
    pages: z.array(
      z.object({
        width: z.number(),
        height: z.number(),
        items: z.array(
          z.object({
            str: z.string(),
            x: z.number(),
            y: z.number(),
            w: z.number(),
            h: z.number(),
            eol: z.boolean().optional(),
          }),
        ),
      }),
    ),
  }),
});

export class DocumentLayouts {
  readonly #blobDir: string;
  readonly #reader: PdfChecker;
  /** One PDF at a time: the worker's memory is bounded. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(deps: { blobDir: string; reader: PdfChecker }) {
    this.#blobDir = deps.blobDir;
    this.#reader = deps.reader;
  }

  /** The layout of a stored blob, or null when it cannot be read; never rejects. */
  async get(sha256: string): Promise<DocumentLayout | null> {
    const file = join(this.#blobDir, `${sha256}.layout.json`);
    const stored = await readFile(file, 'utf8').then(
      (json) => LayoutFile.safeParse(JSON.parse(json)),
      () => null,
    );
    if (stored?.success) return stored.data.layout;
    const blob = join(this.#blobDir, sha256);
    if (!(await stat(blob).catch(() => null))) return null;
    const turn = this.#queue.then(() => this.#reader.readLayout(blob));
    this.#queue = turn.catch(() => undefined);
    const read = await turn;
    if (!read.ok) return null;
    const parsed = LayoutFile.safeParse(JSON.parse(read.file));
    if (!parsed.success) return null;
    await writeFileDurable(file, read.file).catch(() => undefined);
    return parsed.data.layout;
  }
}
