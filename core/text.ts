// Folding text for search, the same on the server (search across a meeting's documents) and in
// the viewer (search inside one document). Pure; no DOM, no Node.
//
// Matching ignores case and runs of white space. A query typed without Vietnamese marks
// ("ngan sach") also ignores them in the text, and finds "ngân sách"; a query with marks
// ("ngân") must match them, so it does not find "ngắn".

const MARK = /\p{M}/u;
const SPACE = /\s/u;

/** True when the query has any mark (diacritic) or đ: then marks must match. */
export function hasMarks(query: string): boolean {
  return /[đĐ]/u.test(query) || MARK.test(query.normalize('NFD'));
}

/** One character and the marks that follow it, with its place in the source (UTF-16 units). */
export interface TextUnit {
  unit: string;
  start: number;
  end: number;
}

/** The text as characters, each with the combining marks that follow it. */
export function textUnits(text: string): TextUnit[] {
  const out: TextUnit[] = [];
  let i = 0;
  for (const ch of text) {
    const last = out.at(-1);
    if (last && MARK.test(ch)) {
      last.unit += ch;
      last.end += ch.length;
    } else out.push({ unit: ch, start: i, end: i + ch.length });
    i += ch.length;
  }
  return out;
}

/**
 * One unit as it is compared. Loose: marks stripped, đ as d, ligatures and full-width forms
 * split (NFKD), lower case. Strict (the query has marks): only compatibility forms and case.
 */
export function foldUnit(unit: string, strict: boolean): string {
  if (strict) return unit.normalize('NFKC').toLowerCase();
  return unit.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'd').toLowerCase();
}

/** Text folded for comparison, white space collapsed to single spaces and trimmed. */
export function foldForSearch(text: string, strict = false): string {
  return textUnits(text)
    .map((u) => foldUnit(u.unit, strict))
    .join('')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** The query as it is matched: folded like the text; strict when it carries marks. */
export function foldQuery(query: string): { text: string; strict: boolean } {
  const strict = hasMarks(query);
  return { text: foldForSearch(query, strict), strict };
}

/** Folded text with, for each of its characters, the source range [start, end) it came from. */
export interface MappedText {
  text: string;
  start: number[];
  end: number[];
}

/** Folds like `foldForSearch` (spaces collapsed, not trimmed) and keeps where each char came from. */
export function foldMapped(text: string, strict: boolean): MappedText {
  const out: MappedText = { text: '', start: [], end: [] };
  for (const u of textUnits(text)) {
    for (const ch of foldUnit(u.unit, strict)) {
      const c = SPACE.test(ch) ? ' ' : ch;
      if (c === ' ' && (out.text === '' || out.text.endsWith(' '))) continue;
      out.text += c;
      out.start.push(u.start);
      out.end.push(u.end);
    }
  }
  return out;
}

/** A match as a range [start, end) of the source text. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * Every match of a query in a text (not overlapping), as ranges of the source text, at most
 * `limit` of them.
 */
export function findInText(text: string, query: string, limit = Infinity): TextRange[] {
  const q = foldQuery(query);
  if (!q.text) return [];
  const hay = foldMapped(text, q.strict);
  const out: TextRange[] = [];
  for (
    let at = hay.text.indexOf(q.text);
    at !== -1 && out.length < limit;
    at = hay.text.indexOf(q.text, at + q.text.length)
  ) {
    out.push({ start: hay.start[at]!, end: hay.end[at + q.text.length - 1]! });
  }
  return out;
}
