// Search across every page without drawing any: the text index is read page by page, hits are
// shown as they are found, and the first one on or after the current page is selected.
import { useCallback, useEffect, useRef, useState } from 'react';
import { findInPage, firstHitFrom, foldQuery, stepHit, type Hit } from './search.ts';
import type { TextIndex } from './textIndex.ts';

const DEBOUNCE_MS = 250;
/** How often the hits found so far are shown while the search goes on. */
const FLUSH_MS = 120;

export interface SearchResult {
  /** The query these hits are for (the field may already hold the next one). */
  searched: string;
  hits: Hit[];
  selected: number | null;
  /** Pages searched so far, and whether all are. */
  scanned: number;
  done: boolean;
  /** Bumped each time the selected hit should be scrolled into view. */
  reveal: number;
}

const EMPTY: SearchResult = {
  searched: '',
  hits: [],
  selected: null,
  scanned: 0,
  done: true,
  reveal: 0,
};

export interface Search extends SearchResult {
  query: string;
  setQuery: (query: string) => void;
  step: (dir: 1 | -1) => void;
}

/** `fromPage` gives the current page (1-based) when a search starts. */
export function useSearch(index: TextIndex, fromPage: () => number, initialQuery = ''): Search {
  const [query, setQuery] = useState(initialQuery);
  const [result, setResult] = useState<SearchResult>(EMPTY);
  const from = useRef(fromPage);
  useEffect(() => {
    from.current = fromPage;
  }, [fromPage]);

  useEffect(() => {
    let live = true;
    if (!foldQuery(query).text) return;
    const timer = setTimeout(() => {
      void (async () => {
        const start = from.current();
        const hits: Hit[] = [];
        let selected: number | null = null;
        let flushed = performance.now();
        const count = index.pageCount;
        for (let page = 1; page <= count && live; page++) {
          const text = await index.get(page).catch(() => null);
          if (!live) return;
          if (text) {
            findInPage(text, query).forEach((segments, i) =>
              hits.push({ page, index: i, segments }),
            );
          }
          const found = selected === null && hits.at(-1) && hits.at(-1)!.page >= start;
          if (found) selected = firstHitFrom(hits, start);
          const done = page === count;
          if (done && selected === null) selected = firstHitFrom(hits, start);
          if (found || done || performance.now() - flushed > FLUSH_MS) {
            flushed = performance.now();
            const snapshot = { searched: query, hits: [...hits], scanned: page, done };
            setResult((prev) => {
              // a hit found on or after the current page is shown; later flushes keep the choice
              const chosen = prev.searched === query ? prev.selected : null;
              const pick = found || (done && chosen === null && selected !== null);
              return {
                ...snapshot,
                selected: pick ? selected : chosen,
                reveal: pick ? prev.reveal + 1 : prev.reveal,
              };
            });
          }
        }
      })();
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, index]);

  const step = useCallback((dir: 1 | -1) => {
    setResult((prev) => {
      const selected = stepHit(prev.hits.length, prev.selected, dir);
      return selected === null ? prev : { ...prev, selected, reveal: prev.reveal + 1 };
    });
  }, []);

  // hits of an earlier query are not shown while the new one is searched
  const blank = !foldQuery(query).text;
  const shown =
    result.searched === query ? result : { ...EMPTY, done: blank, reveal: result.reveal };
  return { ...shown, query, setQuery, step };
}
