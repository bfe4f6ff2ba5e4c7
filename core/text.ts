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

/** The character at `i` (a surrogate pair is one) and the marks that follow it. */
function nextUnit(text: string, i: number): string {
  const first = String.fromCodePoint(text.codePointAt(i)!);
  let end = i + first.length;
  while (end < text.length) {
    const ch = String.fromCodePoint(text.codePointAt(end)!);
    if (!MARK.test(ch)) break;
    end += ch.length;
  }
  return text.slice(i, end);
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
  return { text: foldForSearch(query), strict: hasMarks(query) };
}

/**
 * Text folded loosely for matching, and for each of its characters where it came from: the
 * text item (-1 for the space standing for a line end) and the source range [start, end).
 */
export interface FoldedText {
  text: string;
  item: number[];
  start: number[];
  end: number[];
}

/**
 * Folds text items loosely (see `foldUnit`), white space collapsed to single spaces, an item
 * marked `eol` followed by a space. Items run on into each other, as pdf.js gives a line.
 */
export function foldItems(items: readonly string[], eol: readonly boolean[] = []): FoldedText {
  const out: FoldedText = { text: '', item: [], start: [], end: [] };
  const push = (ch: string, item: number, start: number, end: number): void => {
    if (ch === ' ' && (out.text === '' || out.text.endsWith(' '))) return;
    out.text += ch;
    out.item.push(item);
    out.start.push(start);
    out.end.push(end);
  };
  items.forEach((str, item) => {
    let i = 0;
    while (i < str.length) {
      // most text is ASCII: a character with no mark after it (no combining mark is below
      // U+0300) folds to its lower case, without the general path's work
      const code = str.charCodeAt(i);
      if (code < 0x80 && !(str.charCodeAt(i + 1) >= 0x300)) {
        const ch = code <= 0x20 || code === 0x7f ? (SPACE.test(str[i]!) ? ' ' : str[i]!) : str[i]!;
        push(code >= 0x41 && code <= 0x5a ? ch.toLowerCase() : ch, item, i, i + 1);
        i++;
        continue;
      }
      const u = nextUnit(str, i);
      for (const ch of foldUnit(u, false)) push(SPACE.test(ch) ? ' ' : ch, item, i, i + u.length);
      i += u.length;
    }
    if (eol[item]) push(' ', -1, 0, 0);
  });
  return out;
}

// Vietnamese tone marks: grave, acute, tilde, hook above, dot below. Where a tone sits in a
// syllable differs between spelling styles (hòa / hoà, thủy / thuỷ), so tones are compared per
// word and in order, not per letter; every other mark (â, ă, ơ, ư, ê, ô...) stays on its letter.
const TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);

/** Text with each word's tone marks moved to the word's end: equal for both spelling styles. */
export function toneProfile(text: string): string {
  let out = '';
  let tones = '';
  const endWord = () => {
    if (tones) out += `\u0000${tones}`;
    tones = '';
  };
  for (const u of textUnits(text.normalize('NFD'))) {
    if (SPACE.test(u.unit)) {
      endWord();
      if (!out.endsWith(' ')) out += ' ';
      continue;
    }
    let rest = '';
    for (const ch of u.unit) {
      if (TONES.has(ch)) tones += ch;
      else rest += ch;
    }
    out += foldUnit(rest, true);
  }
  endWord();
  return out.trim();
}

/**
 * Where a query matches in folded text: [from, to) ranges of `hay.text`, not overlapping, at
 * most `limit`. Matching is loose; a query with marks must also have the same marks as the text
 * it matches (tones per word, see `toneProfile`), read back from the source `items`.
 */
export function findFolded(
  hay: FoldedText,
  items: readonly string[],
  query: string,
  limit = Infinity,
): [from: number, to: number][] {
  const q = foldForSearch(query);
  if (!q) return [];
  const strict = hasMarks(query) ? toneProfile(query.trim()) : null;
  const out: [number, number][] = [];
  let at = hay.text.indexOf(q);
  while (at !== -1 && out.length < limit) {
    const to = at + q.length;
    if (strict === null || toneProfile(sourceOf(hay, items, at, to)) === strict) {
      out.push([at, to]);
      at = hay.text.indexOf(q, to);
    } else at = hay.text.indexOf(q, at + 1);
  }
  return out;
}

/** The source text behind folded characters [from, to), a line end read as a space. */
function sourceOf(hay: FoldedText, items: readonly string[], from: number, to: number): string {
  let out = '';
  let lastItem = -2;
  let lastStart = -1;
  for (let i = from; i < to; i++) {
    const item = hay.item[i]!;
    const start = hay.start[i]!;
    if (item === -1) out += ' ';
    // one source character may fold to several (ﬃ -> ffi): take it once
    else if (item !== lastItem || start !== lastStart)
      out += items[item]!.slice(start, hay.end[i]!);
    lastItem = item;
    lastStart = start;
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
  const hay = foldItems([text]);
  return findFolded(hay, [text], query, limit).map(([from, to]) => ({
    start: hay.start[from]!,
    end: hay.end[to - 1]!,
  }));
}
