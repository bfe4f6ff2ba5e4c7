// Search across a meeting's documents (GET /api/meetings/:id/search): the query schema, the
// answer's shape, which documents a person's search covers, and hits cut into snippets. Pure.
import { z } from 'zod';
import { flattenAgenda } from './agenda.ts';
import type { DocumentInfo, MeetingState, Role } from './model.ts';
import { findInText, foldForSearch } from './text.ts';
import { viewFor } from './visibility.ts';

export const PACK_SEARCH_LIMITS = {
  /** Characters of the query as typed. */
  queryChars: 100,
  /** Hits counted in one answer; the search stops there and says so. */
  hits: 200,
  /** Snippets shown per page (the page's hit count is still given). */
  snippetsPerPage: 3,
  /** Characters of context before and after a hit. */
  before: 50,
  after: 70,
} as const;

export const PackSearchQuery = z.object({
  q: z
    .string()
    .max(PACK_SEARCH_LIMITS.queryChars, {
      error: `The search may be at most ${PACK_SEARCH_LIMITS.queryChars} characters.`,
    })
    .refine((q) => foldForSearch(q).length > 0, {
      error: 'Type a word to search for; the search is empty.',
    }),
});

/** A hit inside a snippet: characters [start, end) of `text`. */
export type SnippetMark = [start: number, end: number];

export interface Snippet {
  text: string;
  marks: SnippetMark[];
  /** The page's text goes on before / after the snippet. */
  cutStart: boolean;
  cutEnd: boolean;
}

export interface PageHits {
  /** 1-based. */
  page: number;
  /** Hits on this page (counted up to the answer's cap). */
  hits: number;
  snippets: Snippet[];
}

export interface DocumentHits {
  documentId: string;
  itemId: string;
  name: string;
  hits: number;
  pages: PageHits[];
}

export interface PackSearchResult {
  query: string;
  /** Documents with hits, in agenda order. */
  documents: DocumentHits[];
  /** Hits counted (at most PACK_SEARCH_LIMITS.hits). */
  total: number;
  /** True when the search stopped at the cap: there may be more. */
  capped: boolean;
  /** Documents whose text is still being read: searched again later, they may have hits. */
  pending: string[];
  /** Documents with no text to search (unreadable, or scanned images). */
  unsearchable: string[];
}

/**
 * The documents a person's search covers, in agenda order: those of the meeting as they may see
 * it (viewFor), so a document hidden from them is never searched for them.
 */
export function documentsToSearch(
  state: MeetingState,
  userId: string,
  role: Role | null,
): DocumentInfo[] {
  const view = viewFor(state, userId, role);
  const order = new Map(flattenAgenda(view.agenda).map((e, i) => [e.item.id, i]));
  return Object.values(view.documents).sort(
    (a, b) =>
      (order.get(a.itemId) ?? Infinity) - (order.get(b.itemId) ?? Infinity) ||
      a.uploadedAt.localeCompare(b.uploadedAt) ||
      a.id.localeCompare(b.id),
  );
}

/** A page's text, and the same folded loosely: a cheap first test before hits are mapped. */
export interface SearchablePage {
  text: string;
  loose: string;
}

export function searchablePage(text: string): SearchablePage {
  return { text, loose: foldForSearch(text) };
}

/**
 * The hits of a query in a document's pages, at most `limit`, each page's first hits cut into
 * snippets. Pages that cannot match are skipped on their loose folding.
 */
export function searchPages(
  pages: readonly SearchablePage[],
  query: string,
  limit: number,
): { pages: PageHits[]; hits: number } {
  const loose = foldForSearch(query);
  const out: PageHits[] = [];
  let hits = 0;
  for (let i = 0; i < pages.length && hits < limit; i++) {
    const page = pages[i]!;
    if (!loose || !page.loose.includes(loose)) continue;
    const ranges = findInText(page.text, query, limit - hits);
    if (ranges.length === 0) continue;
    hits += ranges.length;
    out.push({ page: i + 1, hits: ranges.length, snippets: snippetsOf(page.text, ranges) });
  }
  return { pages: out, hits };
}

/** Hits close together share a snippet; a snippet starts and ends at a word boundary. */
export function snippetsOf(text: string, ranges: readonly { start: number; end: number }[]) {
  const { before, after, snippetsPerPage } = PACK_SEARCH_LIMITS;
  const out: Snippet[] = [];
  let from = 0;
  let to = 0;
  let marks: SnippetMark[] = [];
  const flush = () => {
    if (marks.length === 0) return;
    out.push({
      text: text.slice(from, to).replace(/\s/gu, ' '),
      marks: marks.map(([s, e]) => [s - from, e - from]),
      cutStart: from > 0,
      cutEnd: to < text.length,
    });
    marks = [];
  };
  for (const r of ranges) {
    if (marks.length > 0 && r.start < to) {
      marks.push([r.start, r.end]);
      to = Math.max(to, r.end);
      continue;
    }
    flush();
    if (out.length >= snippetsPerPage) break;
    from = wordStart(text, Math.max(0, r.start - before), r.start);
    to = wordEnd(text, Math.min(text.length, r.end + after), r.end);
    marks = [[r.start, r.end]];
  }
  flush();
  return out.slice(0, snippetsPerPage);
}

/** Moves a cut at `at` forward to the start of a word, not past `limit`. */
function wordStart(text: string, at: number, limit: number): number {
  if (at === 0) return 0;
  const space = text.slice(at, limit).search(/\s/u);
  return space === -1 ? at : at + space + 1;
}

/** Moves a cut at `at` back to the end of a word, not before `limit`. */
function wordEnd(text: string, at: number, limit: number): number {
  if (at >= text.length) return text.length;
  const slice = text.slice(limit, at);
  const space = Math.max(slice.lastIndexOf(' '), slice.lastIndexOf('\n'));
  return space === -1 ? at : limit + space;
}
