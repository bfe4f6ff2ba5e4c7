// The text of each stored document, for search: read once per blob by the PDF worker and kept
// beside it as blobs/<sha256>.text.json. Built when a document is uploaded, or on the first
// search for a blob stored before search existed (older data folders, the demo).
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SearchablePage } from '../../core/packSearch.ts';
import { writeFileDurable } from '../store/durable-file.ts';
import type { PdfChecker } from './pdf-check.ts';

const TextFile = z.object({
  v: z.literal(1),
  pages: z.array(z.string()),
  loose: z.array(z.string()),
  truncated: z.boolean(),
});

export interface DocumentText {
  pages: SearchablePage[];
  truncated: boolean;
}

/** Why a document has no text to search: still being read, or it could not be. */
export type TextState = { kind: 'ready'; text: DocumentText } | { kind: 'pending' | 'failed' };

/** Characters of page text kept in memory (each page twice: as is, and folded). */
const MEMORY_CHARS = 24_000_000;

export class DocumentTexts {
  readonly #blobDir: string;
  readonly #reader: PdfChecker;
  readonly #log: (msg: string) => void;
  /** Most recently used last. */
  readonly #cache = new Map<string, { text: DocumentText; chars: number }>();
  #cachedChars = 0;
  readonly #building = new Map<string, Promise<DocumentText | null>>();
  /** Blobs whose text could not be read: not tried again until the server restarts. */
  readonly #failed = new Set<string>();
  /**
   * PDFs are read one after another: a first search over an older data folder asks for every
   * document at once, and fifty large PDFs open together would exhaust the worker's memory.
   */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(deps: { blobDir: string; reader: PdfChecker; log?: (msg: string) => void }) {
    this.#blobDir = deps.blobDir;
    this.#reader = deps.reader;
    this.#log = deps.log ?? (() => undefined);
  }

  /** Starts reading a blob's text if it is not known yet (after an upload); never rejects. */
  prepare(sha256: string): Promise<DocumentText | null> {
    const cached = this.#cache.get(sha256);
    if (cached) {
      this.#cache.delete(sha256);
      this.#cache.set(sha256, cached);
      return Promise.resolve(cached.text);
    }
    if (this.#failed.has(sha256)) return Promise.resolve(null);
    let job = this.#building.get(sha256);
    if (!job) {
      job = this.#load(sha256)
        .catch((err: unknown) => {
          this.#log(`document text ${sha256}: ${String(err)}`);
          return null;
        })
        .then((text) => {
          this.#building.delete(sha256);
          if (text) this.#remember(sha256, text);
          else this.#failed.add(sha256);
          return text;
        });
      this.#building.set(sha256, job);
    }
    return job;
  }

  /** The text if it is ready within `waitMs`, else whether it is still coming or failed. */
  async get(sha256: string, waitMs: number): Promise<TextState> {
    const job = this.prepare(sha256);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((r) => {
      timer = setTimeout(() => r('late'), waitMs);
    });
    const text = await Promise.race([job, late]).finally(() => clearTimeout(timer));
    if (text === 'late') return { kind: 'pending' };
    return text ? { kind: 'ready', text } : { kind: 'failed' };
  }

  async #load(sha256: string): Promise<DocumentText | null> {
    const file = join(this.#blobDir, `${sha256}.text.json`);
    const stored = await readFile(file, 'utf8').then(
      (json) => TextFile.safeParse(JSON.parse(json)),
      () => null,
    );
    if (stored?.success && stored.data.loose.length === stored.data.pages.length)
      return toText(stored.data);
    const blob = join(this.#blobDir, sha256);
    if (!(await stat(blob).catch(() => null))) return null;
    const turn = this.#queue.then(() => this.#reader.readText(blob));
    this.#queue = turn;
    const read = await turn;
    if (!read.ok) {
      this.#log(`document text ${sha256}: ${read.detail}`);
      return null;
    }
    // on disk before it is used: a restart reads it back instead of parsing the PDF again
    await writeFileDurable(file, read.file);
    return toText({ v: 1, pages: read.pages, loose: read.loose, truncated: read.truncated });
  }

  #remember(sha256: string, text: DocumentText): void {
    const chars = text.pages.reduce((n, p) => n + p.text.length + p.loose.length, 0);
    this.#cache.set(sha256, { text, chars });
    this.#cachedChars += chars;
    for (const [key, entry] of this.#cache) {
      if (this.#cachedChars <= MEMORY_CHARS || key === sha256) break;
      this.#cache.delete(key);
      this.#cachedChars -= entry.chars;
    }
  }
}

function toText(file: z.infer<typeof TextFile>): DocumentText {
  return {
    pages: file.pages.map((text, i) => ({ text, loose: file.loose[i] ?? '' })),
    truncated: file.truncated,
  };
}
