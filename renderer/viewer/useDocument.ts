// Opening a document: progress, a password prompt if the file has one, a reason if it fails.
import { PasswordResponses, type PDFDocumentProxy } from 'pdfjs-dist';
import { useLayoutEffect, useRef, useState } from 'react';
import type { PageSize } from './layout.ts';
import type { PageRenderer } from './pageRenderer.ts';
import type { Box } from './zoom.ts';
import { loadFailure, type LoadFailure } from './failure.ts';
import { openPdf, type PdfSource } from './pdfjs.ts';

export type DocState =
  | { kind: 'loading'; percent: number | null; slow: boolean }
  | { kind: 'password'; wrong: boolean; submit: (password: string) => void }
  | { kind: 'failed'; failure: LoadFailure; detail: string }
  | ({ kind: 'ready'; doc: PDFDocumentProxy; guess: PageSize } & Prepared);

/** What is made as soon as the document is open, before React shows it (see firstView). */
export interface Prepared {
  renderer: PageRenderer;
  /** The scroll area measured while loading, that the first page was drawn for. */
  box: Box | null;
}

/** After this long without the first page, say that it is slow (and offer to try again). */
const SLOW_MS = 15_000;

const LOADING: DocState = { kind: 'loading', percent: null, slow: false };

function sourceKey(source: PdfSource): string | Uint8Array {
  return 'data' in source ? source.data : `${source.url}\n${source.token ?? ''}`;
}

/**
 * Opens `source` (again whenever `attempt` changes) and closes it on unmount. `page` is the page
 * opened at: its size is the first guess for all (`guess`); `prepare` gets the open document
 * at once, to start drawing that page while React is still to show it.
 */
export function usePdfDocument(
  source: PdfSource,
  attempt: number,
  page: number,
  prepare: (doc: PDFDocumentProxy, guess: PageSize) => Prepared,
): DocState {
  const [state, setState] = useState<DocState>(LOADING);
  // opened plainly (pdf.js asks for the file by URL, nothing done ahead): after the file turned
  // out not to be the size we were told, or a password was asked before we listened
  const [plain, setPlain] = useState(false);
  const key = sourceKey(source);
  const opensAt = useRef({ page, prepare });
  // a layout effect: the request goes out before the first paint, not after it
  useLayoutEffect(() => {
    let live = true;
    let prepared: Prepared | null = null;
    const set = (next: DocState | ((prev: DocState) => DocState)): void => {
      if (live) setState(next);
    };
    set(LOADING);
    const from = plain && 'url' in source ? { ...source, size: undefined } : source;
    const { task, early } = openPdf(from, (failure, detail) => {
      void task.destroy();
      if (failure === 'length') {
        if (live) setPlain(true);
      } else set({ kind: 'failed', failure, detail });
    });
    task.onPassword = (update: (password: string) => void, reason: number) => {
      set({
        kind: 'password',
        wrong: reason === PasswordResponses.INCORRECT_PASSWORD,
        submit: (password) => {
          set(LOADING);
          update(password);
        },
      });
    };
    task.onProgress = ({ loaded, total }: { loaded: number; total: number }) => {
      const percent = total > 0 ? Math.min(100, Math.round((100 * loaded) / total)) : null;
      set((prev) =>
        prev.kind === 'loading' && prev.percent !== percent ? { ...prev, percent } : prev,
      );
    };
    const slow = setTimeout(
      () => set((prev) => (prev.kind === 'loading' ? { ...prev, slow: true } : prev)),
      SLOW_MS,
    );
    task.promise
      .then(async (doc) => {
        const at = Math.min(doc.numPages, Math.max(1, opensAt.current.page));
        const { width, height } = (await doc.getPage(at)).getViewport({ scale: 1 });
        if (!live) return;
        const guess = { width, height };
        prepared = opensAt.current.prepare(doc, guess);
        set({ kind: 'ready', doc, guess, ...prepared });
      })
      .catch((err: unknown) => {
        if (early && (err as Error | null)?.name === 'PasswordException') {
          if (live) setPlain(true);
          return;
        }
        const detail = err instanceof Error ? err.message : String(err);
        set({ kind: 'failed', failure: loadFailure(err), detail });
      })
      .finally(() => clearTimeout(slow));
    return () => {
      live = false;
      clearTimeout(slow);
      prepared?.renderer.stop();
      void task.destroy();
    };
    // the key stands for the source: a new object with the same URL is the same document
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt, plain]);
  return state;
}
